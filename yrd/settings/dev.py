"""Local development and `make demo`: a fixed key, localhost only, demo data allowed, mail to files.

DEBUG is off unless `DEBUG=true` is set, so the demo shows people the site's own error pages (in both
languages) rather than Django's technical ones; WhiteNoise serves the static files from the apps."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", False)
DEMO_ALLOWED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Demo mail goes to files, one per message, instead of flooding the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))  # noqa: F405
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Dev-only signing key (like the dev SECRET_KEY): production takes its own from the environment.
if not (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE):  # noqa: F405
    AUDIT_SIGNING_KEY = {  # noqa: F405
        "intl": "ed25519:GO7HWSw8oYP6CPVQgFJ5BC69ICmv988FaqMhAYhO8bo=",
        "sm": "sm2:3+Asxg06cTaMhfLzrvvOxmToF7w5RWKYEJFQgR75HLE=",
    }.get(CRYPTO_SUITE, "")  # noqa: F405

# The demo's published accounts sign in without an authenticator app unless TWO_FACTOR_REQUIRED=true.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
