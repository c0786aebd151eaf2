"""The settings module in production: run in a fresh process, configured only by environment variables."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
NO_ISSUES = "System check identified no issues (0 silenced)."

# Runs manage.py with the given arguments, but without reading a developer's `.env` file, so that the
# process environment below is the whole configuration.
MANAGE_WITHOUT_DOTENV = """
import runpy, sys
import environ
environ.Env.read_env = staticmethod(lambda *args, **kwargs: None)
sys.argv = ["manage.py", *sys.argv[1:]]
runpy.run_path("manage.py", run_name="__main__")
"""

PRINT_SECURITY_SETTINGS = """
import json
import environ
environ.Env.read_env = staticmethod(lambda *args, **kwargs: None)
from django.conf import settings
names = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
         "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_HTTPONLY",
         "X_FRAME_OPTIONS"]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def production_environment(**changes):
    """The variables a production deployment sets; a value of None leaves that variable out."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "ondernemend.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "CSRF_TRUSTED_ORIGINS": "https://example.org",
        "EMAIL_URL": "smtp://mail.example.org:25",
    }
    environment.update(changes)
    return {name: value for name, value in environment.items() if value is not None}


def run_python(code, *args, environment):
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_deploy(environment):
    return run_python(
        MANAGE_WITHOUT_DOTENV, "check", "--deploy", "--fail-level", "WARNING", environment=environment
    )


def test_check_deploy_with_production_variables_has_no_issues():
    result = check_deploy(production_environment())
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, NO_ISSUES, "")


def test_check_deploy_with_debug_false_explicitly_has_no_issues():
    result = check_deploy(production_environment(DEBUG="false"))
    assert (result.returncode, "no issues" in result.stdout, result.stderr) == (0, True, "")


def test_start_without_secret_key_and_debug_fails_with_a_clear_message():
    result = run_python(MANAGE_WITHOUT_DOTENV, "check", environment=production_environment(SECRET_KEY=None))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: "
        "Set SECRET_KEY (at least 50 random characters) or DEBUG=true."
    )


def test_start_without_secret_key_in_debug_mode_works():
    result = run_python(
        MANAGE_WITHOUT_DOTENV, "check", environment=production_environment(SECRET_KEY=None, DEBUG="true")
    )
    assert (result.returncode, result.stdout.strip()) == (0, NO_ISSUES)


def test_production_defaults_are_secure():
    result = run_python(PRINT_SECURITY_SETTINGS, environment=production_environment())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SECURE_HSTS_SECONDS"] > 0
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": values["SECURE_HSTS_SECONDS"],
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
    }
