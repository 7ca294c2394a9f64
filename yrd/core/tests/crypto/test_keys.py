"""Keys come from the environment or key files, are checked when read, and the key commands make
them the way the platform reads them."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from yrd.core.crypto.keyring import KeyringError, keyring, parse_keyring
from yrd.core.crypto.signing import KeyFormatError, configured_signing_key, parse_signing_key, parse_verify_key

GOOD = {
    "current": "k1",
    "keys": {"k1": "aes-256-gcm:" + "A" * 43 + "="},
    "index_current": "i1",
    "index_keys": {"i1": "hmac-sha256:" + "A" * 43 + "="},
}


@pytest.mark.parametrize(
    "change,message",
    [
        ({"current": "k9"}, "lacks 'k9'"),
        ({"keys": {"k_1": GOOD["keys"]["k1"]}, "current": "k_1"}, "letters, digits, dots or hyphens"),
        ({"keys": {"k1": "des:AAAA"}}, "must be one of aes-256-gcm, sm4-gcm"),
        ({"keys": {"k1": "sm4-gcm:" + "A" * 43 + "="}}, "sm4-gcm takes 16 bytes, got 32"),
        ({"keys": {"k1": "aes-256-gcm:not base64!"}}, "not base64"),
        ({"index_keys": {"i1": "hmac-md5:AAAA"}}, "hmac-sha256, hmac-sm3"),
    ],
)
def test_a_malformed_keyring_is_refused_saying_what_is_wrong(change, message):
    with pytest.raises(KeyringError, match=message):
        parse_keyring(json.dumps({**GOOD, **change}))


def test_a_keyring_that_is_not_json_is_refused():
    with pytest.raises(KeyringError, match="not valid JSON"):
        parse_keyring("current=k1")


def test_the_keyring_comes_from_a_file_when_the_environment_has_none(tmp_path, settings):
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(GOOD))
    settings.FIELD_ENCRYPTION_KEYS, settings.FIELD_ENCRYPTION_KEYS_FILE = "", str(path)
    assert keyring().current.key_id == "k1"
    settings.FIELD_ENCRYPTION_KEYS_FILE = str(tmp_path / "missing.json")
    with pytest.raises(KeyringError, match="missing.json"):
        keyring()


def test_encryption_keygen_adds_a_current_key_and_keeps_the_old_ones(tmp_path, settings):
    path = tmp_path / "keys.json"
    call_command("encryption_keygen", str(path), "--suite", "intl")
    first = json.loads(path.read_text())
    assert path.stat().st_mode & 0o777 == 0o600
    assert first["keys"][first["current"]].startswith("aes-256-gcm:")
    assert first["index_keys"][first["index_current"]].startswith("hmac-sha256:")
    call_command("encryption_keygen", str(path), "--suite", "sm")
    second = json.loads(path.read_text())
    assert second["keys"][second["current"]].startswith("sm4-gcm:") and first["current"] in second["keys"]
    assert second["index_current"] == first["index_current"]  # the index key changes only when asked
    settings.FIELD_ENCRYPTION_KEYS, settings.FIELD_ENCRYPTION_KEYS_FILE = "", str(path)
    assert keyring().current.algorithm == "sm4-gcm"


@pytest.mark.parametrize(
    "text,message",
    [
        ("rsa:AAAA", "starts with one of ed25519, sm2"),
        ("ed25519:AAAA", "32 bytes, got 3"),
        ("sm2:" + "/" * 43 + "=", "lies in"),  # a scalar beyond the curve's order
        ("ed25519:###", "not base64"),
    ],
)
def test_a_malformed_signing_key_is_refused_saying_what_is_wrong(text, message):
    with pytest.raises(KeyFormatError, match=message):
        parse_signing_key(text)


def test_a_public_key_off_the_sm2_curve_is_refused():
    with pytest.raises(KeyFormatError, match="point on the SM2 curve"):
        parse_verify_key("sm2:" + "A" * 86 + "==")


def test_a_signing_key_file_that_cannot_be_read_stops_with_its_name(settings, tmp_path):
    settings.AUDIT_SIGNING_KEY, settings.AUDIT_SIGNING_KEY_FILE = "", str(tmp_path / "gone.key")
    with pytest.raises(ImproperlyConfigured, match="gone.key"):
        configured_signing_key()


def test_audit_keygen_makes_a_key_of_the_suite_asked_for(tmp_path, capsys):
    call_command("audit_keygen", str(tmp_path / "sm2.key"), "--suite", "sm")
    key = parse_signing_key((tmp_path / "sm2.key").read_text())
    assert key.algorithm == "sm2"
    assert key.public.text in capsys.readouterr().out
