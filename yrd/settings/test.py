"""Test runs: fast hashing, local memory mail, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
DEMO_ALLOWED = True
SECRET_KEY = "test-only-key-0123456789abcdef0123456789abcdef0123456789"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="yrd-test-media-")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True
LANGUAGE_CODE = "en"  # tests assert English messages unless they switch language themselves

# Fixed keys for tests only, one set per algorithm suite; `CRYPTO_SUITE=sm pytest` runs under SM3/SM2/SM4.
TEST_SIGNING_KEYS = {
    "intl": "ed25519:a7iJDgfofTPl6PLjyQTj3OovdGAP/21hkQcMjJJzUCw=",
    "sm": "sm2:UGIs0s0tAOJOHuuqKEJKHCoNhJmPAlxSX0rC+QmokpY=",
}
TEST_FIELD_KEYRINGS = {
    "intl": '{"current": "t-aes", "keys": {"t-aes": "aes-256-gcm:o+PFmXHufjgDzRFQPwo5UYG6fSq9l5+AAEUSg3Nelxs="},'
    ' "index_current": "t-i", "index_keys": {"t-i": "hmac-sha256:7+mJ7+JTLd4YDr5y+D8gwC5P4ppItCoUFzqjKgq5cjI="}}',
    "sm": '{"current": "t-sm4", "keys": {"t-sm4": "sm4-gcm:WBREeZcHMvTw4uvhY/6rHw=="},'
    ' "index_current": "t-sm3", "index_keys": {"t-sm3": "hmac-sm3:SG+chVIMrk/HFJUoCQhfB7CC0h4+wcOFW16AO3NCVWQ="}}',
}
AUDIT_SIGNING_KEY = TEST_SIGNING_KEYS[CRYPTO_SUITE]  # noqa: F405
AUDIT_SIGNING_KEY_FILE = AUDIT_CHECKPOINT_FILE = ""
FIELD_ENCRYPTION_KEYS = TEST_FIELD_KEYRINGS[CRYPTO_SUITE]  # noqa: F405

# MLPS: tests of other modules sign people in with force_login; core/tests/test_mlps_* switch
# two-factor enforcement on where they test it.
TWO_FACTOR_REQUIRED = False
