"""Test defaults, set before pytest-django reads the settings (loaded with `-p`); the environment wins."""

import os
import secrets

# A fresh random key per run: a fixed key written here would be a well-known key (settings.py refuses those).
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ondernemend")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# A tile server that does not exist (.test is reserved): the browser tests answer it with blank tiles.
os.environ.setdefault("MAP_TILE_URL", "https://tegels.kaart.test/{z}/{x}/{y}.png")
# Rate-limit counters in this process's memory: fast, and tests/conftest.py empties it before every test.
# The database cache (the default elsewhere) and Redis have their own tests in tests/ondernemend/.
os.environ.setdefault("CACHE_URL", "locmemcache://")
