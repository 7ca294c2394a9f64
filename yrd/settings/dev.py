"""Local development and `make demo`: debug on, a fixed key, localhost only."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Dev-only signing key (like the dev SECRET_KEY): production takes its own from the environment.
if not (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE):  # noqa: F405
    AUDIT_SIGNING_KEY = {  # noqa: F405
        "intl": "ed25519:GO7HWSw8oYP6CPVQgFJ5BC69ICmv988FaqMhAYhO8bo=",
        "sm": "sm2:3+Asxg06cTaMhfLzrvvOxmToF7w5RWKYEJFQgR75HLE=",
    }.get(CRYPTO_SUITE, "")  # noqa: F405
