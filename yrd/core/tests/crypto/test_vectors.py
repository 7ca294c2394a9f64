"""The algorithms agree with their published test vectors and with an independent implementation."""

import secrets

import pytest
from cryptography.exceptions import InvalidTag
from gmssl import sm3 as gm_sm3
from gmssl.sm4 import SM4_ENCRYPT, CryptSM4

from yrd.core.crypto import sm2
from yrd.core.crypto.keyring import DataKey, _open, _seal
from yrd.core.crypto.signing import SigningKey, VerifyKey
from yrd.core.crypto.suites import hexdigest

# GB/T 32905-2016, appendix A: "abc" and the 512-bit message "abcd" x 16.
SM3_VECTORS = [
    (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
    (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
]


@pytest.mark.parametrize("message,expected", SM3_VECTORS, ids=["abc", "512-bit"])
def test_sm3_gives_the_published_digests(message, expected):
    assert hexdigest("sm3", message) == expected
    assert gm_sm3.sm3_hash(list(message)) == expected  # the independent pure-Python implementation


def test_sm3_agrees_with_gmssl_on_any_message():
    for length in (0, 1, 55, 56, 63, 64, 65, 1000):
        message = secrets.token_bytes(length)
        assert hexdigest("sm3", message) == gm_sm3.sm3_hash(list(message))


def test_sm4_gives_the_published_block():
    # GB/T 32907-2016, appendix A.1: key = plaintext = 0123456789abcdeffedcba9876543210.
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    encryptor = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()
    assert (encryptor.update(key) + encryptor.finalize()).hex() == "681edf34d206965e86b3e94f536e4246"
    gm = CryptSM4()
    gm.set_key(key, SM4_ENCRYPT)
    assert gm.crypt_ecb(key)[:16].hex() == "681edf34d206965e86b3e94f536e4246"


def test_sm4_gcm_gives_the_rfc_8998_vector_and_refuses_an_altered_ciphertext():
    key = DataKey("v", "sm4-gcm", bytes.fromhex("0123456789ABCDEFFEDCBA9876543210"))
    nonce = bytes.fromhex("00001234567800000000ABCD")
    aad = bytes.fromhex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2")
    plaintext = bytes.fromhex(
        "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
        "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA"
    )
    sealed = _seal(key, nonce, plaintext, aad)
    assert sealed.hex().upper() == (
        "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
        "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
        "83DE3541E4C2B58177E065A9BF7B62EC"
    )
    assert _open(key, nonce, sealed, aad) == plaintext
    with pytest.raises(InvalidTag):
        _open(key, nonce, sealed[:-1] + bytes([sealed[-1] ^ 1]), aad)


# Made with OpenSSL 3.0 (`openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678`).
OPENSSL_SM2 = {
    "private": "41f61cb84740cdfbbee109f7cc35e3eef25b3c093c045678bf3ad343366baab1",
    "public": "f043730fc4bfb23535505d4c9fec91684e0108d2f02533eced393fc91df3a101"
    "efda3488b33256a47b6dbb5c97f1b1e5b7667991919ad0062679119c313a2f74",
    "message": b"yrd audit checkpoint interop",
    "signature": "9d8654f541b9d9e652adc3676d0d70f81e122e6de74cee9c189ef6035d6da5ed"
    "c1b9c98ca56c0b16fc4011c79b366a05d641880f60260545f63914bf65e7ae93",
}


def test_an_sm2_signature_made_by_openssl_verifies():
    public = bytes.fromhex(OPENSSL_SM2["public"])
    assert sm2.public_key(int(OPENSSL_SM2["private"], 16)) == public
    signature = bytes.fromhex(OPENSSL_SM2["signature"])
    assert VerifyKey("sm2", public).verify(signature, OPENSSL_SM2["message"])
    assert not VerifyKey("sm2", public).verify(signature, OPENSSL_SM2["message"] + b".")


def test_sm2_signatures_verify_and_nothing_else_does():
    key = SigningKey("sm2", int(OPENSSL_SM2["private"], 16).to_bytes(32))
    signature = key.sign(b"checkpoint")
    other = SigningKey("sm2", (secrets.randbelow(sm2.N - 2) + 1).to_bytes(32))
    assert key.public.verify(signature, b"checkpoint")
    assert signature != key.sign(b"checkpoint")  # a fresh nonce each time
    assert not key.public.verify(signature, b"checkpoinT")
    assert not other.public.verify(signature, b"checkpoint")
    r, s = signature[:32], signature[32:]
    for forged in (r + bytes(32), bytes(32) + s, r + sm2.N.to_bytes(32), signature[:-1]):
        assert not key.public.verify(forged, b"checkpoint")


def test_sm2_public_keys_whose_x_starts_with_zero_or_four_work():
    # gmssl strips a leading "04" with lstrip("04"), which would also eat such digits of x.
    while True:
        key = SigningKey("sm2", (secrets.randbelow(sm2.N - 2) + 1).to_bytes(32))
        if key.public.raw.hex()[0] in "04":
            break
    assert key.public.verify(key.sign(b"m"), b"m")


def test_ed25519_gives_the_rfc_8032_signature():
    # RFC 8032, section 7.1, test 1 (the empty message).
    key = SigningKey("ed25519", bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
    assert key.public.raw.hex() == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    signature = key.sign(b"")
    assert signature.hex() == (
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
        "d25bf5f0595bbe24655141438e7a100b"
    )
    assert key.public.verify(signature, b"") and not key.public.verify(signature, b"x")
