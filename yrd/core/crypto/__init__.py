"""The platform's cryptography, in one place: the algorithm suite a deployment runs under
(`CRYPTO_SUITE`: SHA-256 / Ed25519 / AES-256-GCM, or SM3 / SM2 / SM4-GCM for GB/T 39786), the audit
log's signing keys, and encryption at rest of sensitive personal fields.

Keys never live in the database: they come from the environment or from key files (see README,
"Keys and the algorithm suite"). Everything stored records the algorithm and key it was made with,
so a deployment that changes suite keeps verifying and decrypting what it stored before.
"""
