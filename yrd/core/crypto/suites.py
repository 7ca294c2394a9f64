"""Algorithm suites, and the hash functions both of them need.

`intl` is SHA-256 / Ed25519 / AES-256-GCM (OpenSSL through `cryptography`); `sm` is the commercial
cryptography of GB/T 39786: SM3 (GB/T 32905) and SM4-GCM (GB/T 32907, RFC 8998) through
`cryptography`'s OpenSSL, SM2 signatures (GB/T 32918) through `gmssl`. A suite decides what new
things are made with; what already exists names its own algorithm and is checked with that one.
"""

import hashlib
import hmac as std_hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Suite:
    name: str
    hash: str  # the audit chain's hash and the blind indexes' HMAC
    signature: str  # the audit checkpoints' signatures
    cipher: str  # encryption at rest
    label: str


SUITES = {
    "intl": Suite("intl", "sha256", "ed25519", "aes-256-gcm", "SHA-256 / Ed25519 / AES-256-GCM"),
    "sm": Suite("sm", "sm3", "sm2", "sm4-gcm", "SM3 / SM2 / SM4-GCM (GB/T 39786)"),
}
HASHES = ("sha256", "sm3")


def current_suite() -> Suite:
    name = getattr(settings, "CRYPTO_SUITE", "intl")
    try:
        return SUITES[name]
    except KeyError:
        raise ImproperlyConfigured(f"CRYPTO_SUITE must be one of {', '.join(SUITES)}, got {name!r}") from None


def digest(algorithm: str, data: bytes) -> bytes:
    if algorithm == "sha256":
        return hashlib.sha256(data).digest()
    if algorithm == "sm3":
        hasher = hashes.Hash(hashes.SM3())
        hasher.update(data)
        return hasher.finalize()
    raise ValueError(f"unknown hash algorithm {algorithm!r}")


def hexdigest(algorithm: str, data: bytes) -> str:
    return digest(algorithm, data).hex()


def keyed_digest(algorithm: str, key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256 or HMAC-SM3."""
    if algorithm == "sha256":
        return std_hmac.new(key, data, hashlib.sha256).digest()
    if algorithm == "sm3":
        mac = crypto_hmac.HMAC(key, hashes.SM3())
        mac.update(data)
        return mac.finalize()
    raise ValueError(f"unknown hash algorithm {algorithm!r}")
