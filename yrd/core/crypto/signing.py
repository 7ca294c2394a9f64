"""Signing keys of the audit checkpoints: Ed25519 or SM2, written as one line of text.

    ed25519:<base64 of the 32-byte seed>      sm2:<base64 of the 32-byte private scalar>

A public key is written the same way (`ed25519:<32 bytes>`, `sm2:<x || y, 64 bytes>`) and named by
its key id, the first 16 hex digits of its hash. The private key comes from AUDIT_SIGNING_KEY or the
file AUDIT_SIGNING_KEY_FILE, never from the database; a verifier that must not sign (another
province's copy) only needs the public keys, listed in AUDIT_TRUSTED_KEYS.
"""

import base64
import binascii
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from yrd.core.crypto import sm2
from yrd.core.crypto.suites import hexdigest

ALGORITHMS = ("ed25519", "sm2")


class KeyFormatError(ValueError):
    """A key written in a form this module does not read."""


def _split(text: str) -> tuple[str, bytes]:
    algorithm, _, encoded = text.strip().partition(":")
    if algorithm not in ALGORITHMS:
        raise KeyFormatError(f"a key starts with one of {', '.join(ALGORITHMS)} and a colon")
    try:
        return algorithm, base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise KeyFormatError(f"the {algorithm} key after the colon is not base64") from None


@dataclass(frozen=True)
class VerifyKey:
    algorithm: str
    raw: bytes

    @property
    def key_id(self) -> str:
        return hexdigest("sm3" if self.algorithm == "sm2" else "sha256", self.raw)[:16]

    @property
    def text(self) -> str:
        return f"{self.algorithm}:{base64.b64encode(self.raw).decode()}"

    def verify(self, signature: bytes, data: bytes) -> bool:
        if self.algorithm == "sm2":
            return sm2.verify(self.raw, signature, data)
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SigningKey:
    algorithm: str
    secret: bytes

    @property
    def public(self) -> VerifyKey:
        if self.algorithm == "sm2":
            return VerifyKey("sm2", sm2.public_key(int.from_bytes(self.secret)))
        raw = Ed25519PrivateKey.from_private_bytes(self.secret).public_key().public_bytes_raw()
        return VerifyKey("ed25519", raw)

    def sign(self, data: bytes) -> bytes:
        if self.algorithm == "sm2":
            return sm2.sign(int.from_bytes(self.secret), data)
        return Ed25519PrivateKey.from_private_bytes(self.secret).sign(data)


def parse_signing_key(text: str) -> SigningKey:
    algorithm, secret = _split(text)
    if len(secret) != 32:
        raise KeyFormatError(f"an {algorithm} private key is 32 bytes, got {len(secret)}")
    key = SigningKey(algorithm, secret)
    try:
        key.public  # noqa: B018  (an SM2 scalar out of range fails here, not at the first signature)
    except ValueError as error:
        raise KeyFormatError(str(error)) from None
    return key


def parse_verify_key(text: str) -> VerifyKey:
    algorithm, raw = _split(text)
    if algorithm == "ed25519" and len(raw) != 32:
        raise KeyFormatError(f"an Ed25519 public key is 32 bytes, got {len(raw)}")
    if algorithm == "sm2" and not sm2.on_curve(raw):
        raise KeyFormatError("an SM2 public key is x || y (64 bytes) of a point on the SM2 curve")
    return VerifyKey(algorithm, raw)


def generate_signing_key(algorithm: str) -> str:
    if algorithm == "sm2":
        secret = (secrets.randbelow(sm2.N - 2) + 1).to_bytes(32)
    elif algorithm == "ed25519":
        secret = secrets.token_bytes(32)
    else:
        raise KeyFormatError(f"unknown signature algorithm {algorithm!r}")
    return f"{algorithm}:{base64.b64encode(secret).decode()}"


def configured_signing_key() -> SigningKey | None:
    """The key checkpoints are signed with: AUDIT_SIGNING_KEY, else the file AUDIT_SIGNING_KEY_FILE."""
    text, path = settings.AUDIT_SIGNING_KEY, settings.AUDIT_SIGNING_KEY_FILE
    if not text and path:
        try:
            text = Path(path).read_text()
        except OSError as error:
            raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY_FILE {path}: {error.strerror}") from None
    if not text:
        return None
    try:
        return parse_signing_key(text)
    except KeyFormatError as error:
        raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY: {error}") from None


def trusted_keys() -> dict[str, VerifyKey]:
    """Public keys whose checkpoints are believed, by key id: the signing key's own, and those listed
    in AUDIT_TRUSTED_KEYS (keys retired by a rotation or a change of suite, or all of them on a host
    that only verifies)."""
    keys = {}
    for text in settings.AUDIT_TRUSTED_KEYS:
        try:
            key = parse_verify_key(text)
        except KeyFormatError as error:
            raise ImproperlyConfigured(f"AUDIT_TRUSTED_KEYS: {error}") from None
        keys[key.key_id] = key
    signing = configured_signing_key()
    if signing is not None:
        keys[signing.public.key_id] = signing.public
    return keys
