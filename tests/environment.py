"""Test defaults, set before pytest-django reads the settings (loaded with `-p`); the environment wins."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789-abcdefghij")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ondernemend")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# A tile server that does not exist (.test is reserved): the browser tests answer it with blank tiles.
os.environ.setdefault("MAP_TILE_URL", "https://tegels.kaart.test/{z}/{x}/{y}.png")
