"""Keys for encryption at rest of sensitive personal fields, and the blind indexes beside them.

The keyring is JSON, from FIELD_ENCRYPTION_KEYS or the file FIELD_ENCRYPTION_KEYS_FILE (never the
database):

    {"current": "2026a", "keys": {"2026a": "sm4-gcm:<base64>", "2025a": "aes-256-gcm:<base64>"},
     "index_current": "i1", "index_keys": {"i1": "hmac-sm3:<base64>"}}

New values are encrypted under `current`; every ciphertext names the key it was made with, so older
keys stay listed until `rotate_keys` has moved everything to the current one. Key ids are letters,
digits, dots and hyphens. Processes read the keyring once: restart them after changing it.
"""

import base64
import binascii
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from yrd.core.crypto.suites import keyed_digest

CIPHERS = {"aes-256-gcm": 32, "sm4-gcm": 16}  # algorithm -> key length in bytes
INDEX_HASHES = {"hmac-sha256": "sha256", "hmac-sm3": "sm3"}
KEY_ID = re.compile(r"^[A-Za-z0-9.-]{1,32}$")  # no "_" or "%": a key id is matched with LIKE
VERSION = "v1"
NONCE_BYTES = 12
TAG_BYTES = 16


class KeyringError(ImproperlyConfigured):
    """The keyring is missing, malformed, or lacks a key a stored value names."""


@dataclass(frozen=True)
class DataKey:
    key_id: str
    algorithm: str
    secret: bytes


@dataclass(frozen=True)
class Keyring:
    current: DataKey
    keys: dict
    index_current: DataKey
    index_keys: dict

    def key(self, key_id: str) -> DataKey:
        try:
            return self.keys[key_id]
        except KeyError:
            raise KeyringError(f"Data is encrypted under key {key_id!r}, which the keyring does not hold.") from None


def _parse_key(key_id: str, text: str, algorithms: dict) -> DataKey:
    if not KEY_ID.match(key_id):
        raise KeyringError(f"Key id {key_id!r}: use 1-32 letters, digits, dots or hyphens.")
    algorithm, _, encoded = str(text).partition(":")
    if algorithm not in algorithms:
        raise KeyringError(f"Key {key_id!r}: the algorithm must be one of {', '.join(algorithms)}.")
    try:
        secret = base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise KeyringError(f"Key {key_id!r}: the key after the colon is not base64.") from None
    wanted = CIPHERS.get(algorithm, 32)
    if len(secret) != wanted:
        raise KeyringError(f"Key {key_id!r}: {algorithm} takes {wanted} bytes, got {len(secret)}.")
    return DataKey(key_id, algorithm, secret)


def parse_keyring(text: str) -> Keyring:
    try:
        raw = json.loads(text)
        keys = {kid: _parse_key(kid, value, CIPHERS) for kid, value in raw["keys"].items()}
        index_keys = {kid: _parse_key(kid, value, INDEX_HASHES) for kid, value in raw["index_keys"].items()}
        return Keyring(keys[raw["current"]], keys, index_keys[raw["index_current"]], index_keys)
    except (ValueError, TypeError, AttributeError):
        raise KeyringError("The field encryption keyring is not valid JSON of the documented shape.") from None
    except KeyError as missing:
        raise KeyringError(f"The field encryption keyring lacks {missing}.") from None


@lru_cache(maxsize=4)
def _load(text: str, path: str) -> Keyring:
    if not text:
        try:
            text = Path(path).read_text()
        except OSError as error:
            raise KeyringError(f"FIELD_ENCRYPTION_KEYS_FILE {path}: {error.strerror}") from None
    return parse_keyring(text)


def keyring() -> Keyring:
    text, path = settings.FIELD_ENCRYPTION_KEYS, settings.FIELD_ENCRYPTION_KEYS_FILE
    if not text and not path:
        raise KeyringError("No field encryption keys: set FIELD_ENCRYPTION_KEYS or FIELD_ENCRYPTION_KEYS_FILE.")
    return _load(text, path)


def _seal(key: DataKey, nonce: bytes, plaintext: bytes, context: bytes) -> bytes:
    if key.algorithm == "aes-256-gcm":
        return AESGCM(key.secret).encrypt(nonce, plaintext, context)
    encryptor = Cipher(algorithms.SM4(key.secret), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(context)
    return encryptor.update(plaintext) + encryptor.finalize() + encryptor.tag


def _open(key: DataKey, nonce: bytes, sealed: bytes, context: bytes) -> bytes:
    if key.algorithm == "aes-256-gcm":
        return AESGCM(key.secret).decrypt(nonce, sealed, context)
    body, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    decryptor = Cipher(algorithms.SM4(key.secret), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(context)
    return decryptor.update(body) + decryptor.finalize()


class UndecryptableValue(ValueError):
    """A stored ciphertext that is malformed, or was altered, or belongs to another field."""


def token_prefix(key_id: str) -> str:
    return f"{VERSION}:{key_id}:"


def key_id_of(token: str) -> str:
    version, key_id, _ = token.split(":", 2) if token.count(":") >= 2 else ("", "", "")
    if version != VERSION:
        raise UndecryptableValue("not a ciphertext of this platform")
    return key_id


def encrypt(plaintext: str, context: str) -> str:
    """`v1:<key id>:<base64url(nonce || ciphertext || tag)>`, bound to `context` (the field) as
    associated data, so a ciphertext copied into another field does not decrypt."""
    key = keyring().current
    nonce = os.urandom(NONCE_BYTES)
    sealed = _seal(key, nonce, plaintext.encode(), context.encode())
    return token_prefix(key.key_id) + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def decrypt(token: str, context: str) -> str:
    key = keyring().key(key_id_of(token))
    encoded = token.split(":", 2)[2]
    try:
        blob = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        return _open(key, blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode()).decode()
    except (binascii.Error, InvalidTag, ValueError):
        raise UndecryptableValue(f"a value encrypted under key {key.key_id!r} does not decrypt for {context}") from None


def normalise(value: str) -> str:
    """What counts as equal for a lookup: width, case and surrounding space do not matter."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def blind_index(value: str, context: str, key: DataKey | None = None) -> str:
    """`<index key id>:<32 hex>`: a keyed hash of the normalised value, for equality lookups only."""
    key = key or keyring().index_current
    mac = keyed_digest(INDEX_HASHES[key.algorithm], key.secret, f"{context}\x00{normalise(value)}".encode())
    return f"{key.key_id}:{mac[:16].hex()}"


def blind_index_candidates(value: str, context: str) -> list[str]:
    """The index the value has under every index key held, so a lookup finds rows not yet rotated."""
    return [blind_index(value, context, key) for key in keyring().index_keys.values()]


def generate_key(algorithm: str) -> str:
    if algorithm not in CIPHERS and algorithm not in INDEX_HASHES:
        raise KeyringError(f"unknown algorithm {algorithm!r}")
    return f"{algorithm}:{base64.b64encode(os.urandom(CIPHERS.get(algorithm, 32))).decode()}"
