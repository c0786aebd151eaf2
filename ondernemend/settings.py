"""Settings for the Ondernemend Participeren platform.

One module, driven by environment variables (see `.env.example`). Defaults are production-safe:
without `DEBUG=true` the platform refuses to start without a real `SECRET_KEY` and `ALLOWED_HOSTS`,
and every security header is on.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

DEVELOPMENT_SECRET_KEY = "development-only-insecure-key-never-use-this-in-production-0123456789"
# Keys that are public (in this repository, in Django's and others' documentation) or guessable.
WELL_KNOWN_SECRET_KEYS = {
    DEVELOPMENT_SECRET_KEY,
    "changeme",
    "change-me",
    "secret",
    "secret-key",
    "your-secret-key",
    "django-insecure",
}


def secret_key_problem(key: str) -> str:
    """Why `key` may not sign sessions and links in production, or "" when it may.

    The same rules as Django's `check --deploy` (security.W009), but as an error at start-up: a site
    with a guessable key lets anyone forge a session or a password-reset link."""
    if key.strip().lower() in WELL_KNOWN_SECRET_KEYS or key.startswith("django-insecure-"):
        return "SECRET_KEY is a well-known example key."
    if len(key) < 50:
        return f"SECRET_KEY is too short ({len(key)} characters, at least 50 are needed)."
    if len(set(key)) < 5:
        return "SECRET_KEY has too few different characters (at least 5 are needed)."
    return ""


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (at least 50 random characters) or DEBUG=true.")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (_problem := secret_key_problem(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"{_problem} Set SECRET_KEY to at least 50 random characters, for example from: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "ondernemend.accounts",
    "ondernemend.districts",
    "ondernemend.pages",
    "ondernemend.demo",
    "ondernemend.audit",
    "ondernemend.backups",
    "ondernemend.overview",
    "initiatives",
    "workshops",
    "challenge",
    # SimpleAdminConfig: no autodiscovery, so that django-leaflet's GeoDjango admin is never imported
    # on a machine without GDAL; each app's admin module is imported in ondernemend/urls.py.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "django_filters",
    "leaflet",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    # Two-factor log-in (ondernemend/accounts/second_factor/): an authenticator app, recovery codes, passkeys.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor; then our gate, which keeps
    # staff who have not (yet) passed it on the set-up and verify pages.
    "django_otp.middleware.OTPMiddleware",
    "ondernemend.accounts.second_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions end after STAFF_SESSION_IDLE_MINUTES without a request, and when the browser closes;
    # after the messages middleware, so that the log-in page can say why.
    "ondernemend.accounts.sessions.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ondernemend.urls"
WSGI_APPLICATION = "ondernemend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ondernemend.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
# PostgreSQL in production and tests; `make run` points this at an SQLite file under var/.
DATABASES = {"default": env.db_url("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/ondernemend")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people at once (threads of runserver, workers): write-ahead logging lets readers go on
    # while one writes; IMMEDIATE takes the write lock at the start of a transaction, so two writers
    # queue for up to `timeout` seconds instead of failing with "database is locked" halfway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by all workers, so rate-limit counters count every request once -----------------------
# The database cache by default (needs `manage.py createcachetable`, run by `make run`); Redis in
# production, e.g. CACHE_URL=redis://127.0.0.1:6379/0. See docs/security.md.
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://django_cache")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    CACHES["default"]["BACKEND"] = "ondernemend.dbcache.DatabaseCache"  # with an atomic incr
# django-environ writes query options of a redis:// URL in lower case, Django wants KEY_PREFIX etc.
for _option in ("timeout", "key_prefix", "version", "key_function"):
    if _option in CACHES["default"]:
        CACHES["default"][_option.upper()] = CACHES["default"].pop(_option)

# --- Accounts ---------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "pages:home"
# Django's validators with plain wording in both languages (ondernemend/accounts/password_validation.py).
_password_validators = "ondernemend.accounts.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_password_validators}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_password_validators}.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": f"{_password_validators}.CommonPasswordValidator"},
    {"NAME": f"{_password_validators}.NumericPasswordValidator"},
]
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=7)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Log-in limits (ondernemend/accounts/lockout.py, docs/security.md "Log-in"): per account, whatever the
# address, a few free failures and then a wait that doubles with each further failure up to the longest
# wait; per client address, across accounts, the same after more free failures.
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=20)
LOGIN_FIRST_WAIT_MINUTES = env.int("LOGIN_FIRST_WAIT_MINUTES", default=1)
LOGIN_LONGEST_WAIT_MINUTES = env.int("LOGIN_LONGEST_WAIT_MINUTES", default=15)
# django-axes records the failures; our handler decides the waits (axes' own single limit is off).
AXES_HANDLER = "ondernemend.accounts.lockout.LoginWaitHandler"
AXES_LOCK_OUT_AT_FAILURE = False
AXES_LOCKOUT_CALLABLE = "ondernemend.accounts.lockout.lockout_response"
# A log-in refused during a wait is not counted: otherwise an attacker could keep the owner out for ever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# How long failures are remembered after the last one; longer than the longest wait, or the growing wait
# would start again from the free failures.
AXES_COOLOFF_TIME = timedelta(hours=env.int("LOGIN_FAILURE_MEMORY_HOURS", default=24))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The log-in form posts the e-mail address as "username" (django-axes would look for "email", the model's
# USERNAME_FIELD, and then count every attempt as one without a name); count it case-insensitively.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "ondernemend.accounts.lockout.username_for_lockout"
# The client's address from the one place that decides it (TRUSTED_PROXY_COUNT, ondernemend/network.py):
# behind a proxy every visitor would otherwise be the proxy, and one attacker could lock everyone out.
AXES_CLIENT_IP_CALLABLE = "ondernemend.accounts.lockout.client_address_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

# Two-factor log-in (docs/security.md, "Tweestapsverificatie"). The name the authenticator app shows:
OTP_TOTP_ISSUER = "Ondernemend Participeren"
# Passkeys only as a second factor after the password, never instead of it (django-otp-webauthn's default).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Ondernemend Participeren"
# A passkey belongs to a domain name (never an IP address) and works only on a secure origin: HTTPS, or
# http://localhost in development (open `make run` as http://localhost:8000 to try passkeys).
_site = urlsplit(SITE_URL)
_site_is_local = _site.hostname in ("127.0.0.1", "localhost")
OTP_WEBAUTHN_RP_ID = env.str("OTP_WEBAUTHN_RP_ID", default="localhost" if _site_is_local else _site.hostname)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS",
    default=[f"http://localhost:{_site.port}" if _site.port else "http://localhost"]
    if _site_is_local
    else [f"https://{_site.netloc}"],
)

# --- Language -------------------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["ams"]
CRISPY_TEMPLATE_PACK = "ams"
CRISPY_FAIL_SILENTLY = not DEBUG

# --- The map --------------------------------------------------------------------------------------------
# Map tiles come from an outside tile server; its address is also allowed by the CSP (img-src).
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.3676, 4.9041),
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 10,
    "MAX_ZOOM": 18,
    "TILES": [("OpenStreetMap", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": 19})],
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
}

# --- The challenge --------------------------------------------------------------------------------------
# A proposal's attachment (PDF, PNG or JPEG, checked by content in challenge/uploads.py) may be this large.
CHALLENGE_ATTACHMENT_MAX_BYTES = env.int("CHALLENGE_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)

# --- The overview ---------------------------------------------------------------------------------------
# Counts of people below this number are hidden on the staff overview (ondernemend/overview/disclosure.py).
OVERVIEW_SUPPRESSION_THRESHOLD = env.int("OVERVIEW_SUPPRESSION_THRESHOLD", default=10)

# --- E-mail ---------------------------------------------------------------------------------------------
# EMAIL_URL (django-environ syntax, e.g. smtp+tls://user:password@host:587) becomes Django 6.1's MAILERS.
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_smtp_options = {
    "host": _email["EMAIL_HOST"],
    "port": _email["EMAIL_PORT"],
    "username": _email["EMAIL_HOST_USER"] or "",
    "password": _email["EMAIL_HOST_PASSWORD"] or "",
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _smtp_options if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Ondernemend Participeren <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------------------
# How many reverse proxies of our own stand in front of the site; ondernemend/network.py then takes the
# client's address from X-Forwarded-For (0: the header is ignored, so it cannot be forged).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
# Staff (coach, jurylid, gemeente, coördinator, beheerder) are logged out after this many minutes without a
# request, and their session cookie ends when the browser closes (ondernemend/accounts/sessions/).
STAFF_SESSION_IDLE_MINUTES = env.int("STAFF_SESSION_IDLE_MINUTES", default=30)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def _tile_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# No inline scripts or styles anywhere; a nonce only where a script tag cannot be avoided.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", _tile_origin(MAP_TILE_URL)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Logging: no personal data; requests are logged by path only ---------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
