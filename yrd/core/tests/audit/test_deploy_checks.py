"""Production refuses to deploy without the audit log's anchor, and every setting refuses keys of
another suite than the one it runs."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from yrd.core.checks import audit_anchor_is_configured, crypto_settings_agree
from yrd.core.tests.suites import suite_settings


def ids(problems):
    return [problem.id for problem in problems]


def test_deploying_without_a_signing_key_or_an_export_file_is_refused(settings):
    settings.AUDIT_SIGNING_KEY, settings.AUDIT_CHECKPOINT_FILE = "", ""
    assert ids(audit_anchor_is_configured(None)) == ["yrd.E013", "yrd.E014"]
    settings.AUDIT_SIGNING_KEY = settings.TEST_SIGNING_KEYS["intl"]
    settings.AUDIT_CHECKPOINT_FILE = "/var/lib/yrd/audit-checkpoints.jsonl"
    assert audit_anchor_is_configured(None) == []


def test_keys_of_another_suite_than_the_one_configured_are_refused(settings):
    for name, value in suite_settings("intl").items():
        setattr(settings, name, value)
    assert crypto_settings_agree(None) == []
    settings.CRYPTO_SUITE = "sm"  # switched, but the keys are still Ed25519 and AES
    assert ids(crypto_settings_agree(None)) == ["yrd.E011", "yrd.E012"]
    with pytest.raises(SystemCheckError, match="signs with sm2"):
        call_command("check")


def test_an_unreadable_key_stops_the_start(settings):
    settings.AUDIT_SIGNING_KEY = "ed25519:short"
    assert ids(crypto_settings_agree(None)) == ["yrd.E010"]
