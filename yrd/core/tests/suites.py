"""Run a test under each algorithm suite: `@pytest.mark.usefixtures("each_suite")` or a conftest."""

import pytest
from django.conf import settings
from django.test import override_settings


def suite_settings(name: str) -> dict:
    return {
        "CRYPTO_SUITE": name,
        "AUDIT_SIGNING_KEY": settings.TEST_SIGNING_KEYS[name],
        "FIELD_ENCRYPTION_KEYS": settings.TEST_FIELD_KEYRINGS[name],
    }


@pytest.fixture(params=["intl", "sm"])
def each_suite(request):
    """SHA-256 / Ed25519 / AES-256-GCM, then SM3 / SM2 / SM4-GCM."""
    with override_settings(**suite_settings(request.param)):
        yield request.param
