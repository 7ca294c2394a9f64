"""SM2 signatures (GB/T 32918.2) with SM3 and the standard default signer ID, on top of gmssl.

gmssl draws the per-signature nonce from `random` (not a cryptographic source: a predictable nonce
gives away the private key), does not range-check signatures and mangles some public keys on input;
all three are handled here instead.
"""

import secrets

from gmssl import sm2 as gm

CURVE = gm.default_ecc_table
N = int(CURVE["n"], 16)
P = int(CURVE["p"], 16)
A = int(CURVE["a"], 16)
B = int(CURVE["b"], 16)


def _crypt(private: int | None, public: bytes) -> gm.CryptSM2:
    crypt = gm.CryptSM2(private_key="" if private is None else f"{private:064x}", public_key="")
    # Set after construction: CryptSM2 strips a "04" prefix with lstrip("04"), which also eats the
    # leading 0 and 4 digits of x.
    crypt.public_key = public.hex()
    return crypt


def public_key(private: int) -> bytes:
    """x || y (64 bytes) of d·G."""
    if not 1 <= private <= N - 2:
        raise ValueError("an SM2 private key lies in [1, n-2]")
    return bytes.fromhex(_crypt(private, b"")._kg(private, CURVE["g"]))


def on_curve(public: bytes) -> bool:
    if len(public) != 64:
        return False
    x, y = int.from_bytes(public[:32]), int.from_bytes(public[32:])
    return x < P and y < P and (y * y - (x * x * x + A * x + B)) % P == 0


def sign(private: int, data: bytes) -> bytes:
    """r || s (64 bytes)."""
    crypt = _crypt(private, public_key(private))
    while True:
        nonce = secrets.randbelow(N - 1) + 1
        signature = crypt.sign_with_sm3(data, f"{nonce:064x}")
        if signature:  # None for the rare nonce the standard says to draw again
            return bytes.fromhex(signature)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    if len(signature) != 64 or not on_curve(public):
        return False
    r, s = int.from_bytes(signature[:32]), int.from_bytes(signature[32:])
    if not (1 <= r < N and 1 <= s < N):
        return False
    try:
        return bool(_crypt(None, public).verify_with_sm3(signature.hex(), data))
    except (ValueError, TypeError):
        return False
