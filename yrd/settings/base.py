"""Settings shared by every environment. Values come from the environment; bad values stop start-up."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_list(name, default=()):
    raw = os.environ.get(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()] or list(default)


def env_int(name, default):
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# `load_demo` creates a superuser with a published password; only the dev and test settings allow it.
DEMO_ALLOWED = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "yrd.core.admin_site.AdminConfig",  # django.contrib.admin with the platform's audit and masking
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "yrd.core",
    "yrd.plan",
    "yrd.services",
    "yrd.green",
    "yrd.transport",
    "yrd.emergency",
    "yrd.lowalt",
    "yrd.market",
    "yrd.industry",
    "yrd.culture",
    "yrd.innovation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "yrd.core.middleware.RequestContextMiddleware",
    "axes.middleware.AxesMiddleware",
    "yrd.core.mlps.middleware.SessionRulesMiddleware",
]

ROOT_URLCONF = "yrd.urls"
WSGI_APPLICATION = "yrd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "yrd.core.context_processors.navigation",
                "yrd.core.context_processors.map_note",
                "yrd.core.context_processors.display_mode",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        # A kept connection is checked before reuse, so a database restart costs no request a 503.
        conn_health_checks=True,
    )
}
# The cache holds only copies keyed by the data version (yrd.core.caching): per process by default;
# CACHE_URL=redis://host:6379/1 shares one cache between every gunicorn worker and host.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured("CACHE_URL must be a redis:// or rediss:// address")
PROCESS_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
CACHES = {"default": PROCESS_CACHE}
if CACHE_URL:
    # The shared cache, and in each process a copy of the public pages read from it ("local"): keyed by
    # data version like the shared copy, so a hot page costs a Redis round trip once per process.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL},
        "local": {**PROCESS_CACHE, "OPTIONS": {"MAX_ENTRIES": 500}},
    }
# Anonymous reads of public pages and API lists served from the cache (yrd.core.caching.public_cache).
PUBLIC_CACHE = env_bool("PUBLIC_CACHE", True)

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers wait for each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# MLPS level 3 (README, "MLPS level 3"; core.mlps). Password policy: length, character classes (of
# lower, upper, digits, other), expiry (0: never) and how many previous passwords may not be reused.
PASSWORD_MIN_LENGTH = env_int("PASSWORD_MIN_LENGTH", 12)
PASSWORD_MIN_CLASSES = env_int("PASSWORD_MIN_CLASSES", 3)
PASSWORD_EXPIRY_DAYS = env_int("PASSWORD_EXPIRY_DAYS", 90)
PASSWORD_HISTORY = env_int("PASSWORD_HISTORY", 5)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "yrd.core.mlps.passwords.CharacterClassesValidator"},
    {"NAME": "yrd.core.mlps.passwords.PasswordHistoryValidator"},
]
# A session unused this long ends (the person signs in again); 0 turns the idle timeout off.
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)  # and no session outlives a working day
# Two-factor authentication (TOTP) for officers and administrators (core.mlps.twofactor).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
TWO_FACTOR_EXEMPT_ROLES = env_list(
    "TWO_FACTOR_EXEMPT_ROLES",
    [
        "applicant",
        "market_reporter",
        "market_feed",
        "innovation_firm",
        "industry_enterprise",
        "green_site_reporter",
        "site_requester",
        "uas_operator",
    ],
)
OTP_TOTP_ISSUER = "YRD"
# A reveal burst (security alert): one person revealing this many personal values within so many minutes.
REVEAL_BURST_COUNT = env_int("REVEAL_BURST_COUNT", 20)
REVEAL_BURST_MINUTES = env_int("REVEAL_BURST_MINUTES", 10)
# Superusers refused at login and their flag ignored (core.mlps.duties); on in production.
SUPERUSER_DISABLED = env_bool("SUPERUSER_DISABLED", False)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Login throttling: five failures lock the username from that address for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
# Addresses of our own reverse proxies: only from these is X-Forwarded-For believed (core.context).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "yrd.core.context.client_address"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# Each module may keep its own catalogue in yrd/<module>/locale; listed before the shared one so
# `makemessages` files each module's strings in its own catalogue (`make messages APP=<module>`).
LOCALE_PATHS = [
    *sorted(path for path in (BASE_DIR / "yrd").glob("*/locale") if path.is_dir()),
    BASE_DIR / "yrd" / "locale",
]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "yrd@localhost")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")  # for the file-based backend

# Strict CSP: no inline script or style; chart data travels in <script type="application/json">.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Background work: with no broker, tasks run inline in the calling process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Cryptography (README, "Keys and the algorithm suite"). Keys come from the environment or key files,
# never from the database. intl = SHA-256 / Ed25519 / AES-256-GCM; sm = SM3 / SM2 / SM4-GCM.
CRYPTO_SUITE = os.environ.get("CRYPTO_SUITE", "intl")
AUDIT_SIGNING_KEY = os.environ.get("AUDIT_SIGNING_KEY", "")  # "ed25519:<base64>" or "sm2:<base64>"
AUDIT_SIGNING_KEY_FILE = os.environ.get("AUDIT_SIGNING_KEY_FILE", "")
AUDIT_TRUSTED_KEYS = env_list("AUDIT_TRUSTED_KEYS")  # public keys of retired signing keys
AUDIT_CHECKPOINT_FILE = os.environ.get("AUDIT_CHECKPOINT_FILE", "")  # append-only export, copied elsewhere
AUDIT_CHECKPOINT_MINUTES = env_int("AUDIT_CHECKPOINT_MINUTES", 15)
AUDIT_CHAINS = env_int("AUDIT_CHAINS", 16)  # parallel chains: audited writes that can proceed at once
FIELD_ENCRYPTION_KEYS = os.environ.get("FIELD_ENCRYPTION_KEYS", "")  # JSON keyring, see core/crypto/keyring.py
FIELD_ENCRYPTION_KEYS_FILE = os.environ.get("FIELD_ENCRYPTION_KEYS_FILE", "")
# Personal information (README, "Personal information"): retention periods (days) overriding a
# manifest's, e.g. PERSONAL_RETENTION_DAYS="market.Report=1095,emergency.SupplyRequest=365". (Reveal
# bursts: REVEAL_BURST_COUNT / REVEAL_BURST_MINUTES above.)


def env_retention(name):
    periods = {}
    for item in env_list(name):
        label, _sep, days = item.partition("=")
        if not days.strip().isdigit():
            raise ImproperlyConfigured(f"{name} takes app.Model=days items, got {item!r}")
        periods[label.strip()] = int(days)
    return periods


PERSONAL_RETENTION_DAYS = env_retention("PERSONAL_RETENTION_DAYS")

CELERY_BEAT_SCHEDULE = {  # `celery -A yrd beat` (or a worker started with -B) sends these
    "plan-reminders": {"task": "plan.send_reminders", "schedule": crontab(hour=8, minute=30)},
    "services-reminders": {"task": "services.send_reminders", "schedule": crontab(hour=8, minute=35)},
    "audit-checkpoint": {"task": "core.audit_checkpoint", "schedule": timedelta(minutes=AUDIT_CHECKPOINT_MINUTES)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

YRD_NAV_TITLE = _("Yangtze River Delta integrated platform")

# A deployment in mainland China publishing maps needs an approved base map; its approval number
# (审图号, e.g. "GS(2024)1234号") is then shown on every map. Empty: maps say they are schematic.
MAP_APPROVAL_NUMBER = os.environ.get("MAP_APPROVAL_NUMBER", "")
