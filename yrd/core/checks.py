"""Start-up checks: every module's manifest is valid, and the cryptography is configured coherently,
before the first request is served; `check --deploy` also wants the audit log anchored outside the
database."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from yrd.core.registry import registry


@register()
def manifests_are_valid(app_configs, **kwargs):
    return [Error(problem, id="yrd.E001") for problem in registry.problems()]


@register(Tags.security)
def crypto_settings_agree(app_configs, **kwargs):
    """The keys configured are readable and of the suite CRYPTO_SUITE names (GB/T 39786 asks that the
    sm suite sign with SM2 and encrypt with SM4, not merely be able to)."""
    from yrd.core.crypto import keyring, signing, suites

    try:
        suite = suites.current_suite()
        key = signing.configured_signing_key()
        signing.trusted_keys()
        ring = keyring.keyring() if settings.FIELD_ENCRYPTION_KEYS or settings.FIELD_ENCRYPTION_KEYS_FILE else None
    except ImproperlyConfigured as error:
        return [Error(str(error), id="yrd.E010")]
    found = []
    if key is not None and key.algorithm != suite.signature:
        found.append(
            Error(
                f"CRYPTO_SUITE={suite.name} signs with {suite.signature}; AUDIT_SIGNING_KEY is {key.algorithm}.",
                hint="Make one with `manage.py audit_keygen --suite`; list the old public key in AUDIT_TRUSTED_KEYS.",
                id="yrd.E011",
            )
        )
    if ring is not None and ring.current.algorithm != suite.cipher:
        found.append(
            Error(
                f"CRYPTO_SUITE={suite.name} encrypts with {suite.cipher}; the current key is {ring.current.algorithm}.",
                hint="Add a key with `manage.py encryption_keygen`, restart, then run `manage.py rotate_keys`.",
                id="yrd.E012",
            )
        )
    return found


@register(Tags.security, deploy=True)
def audit_anchor_is_configured(app_configs, **kwargs):
    """In production the audit log must be anchored outside the database (issue 6): a signing key,
    and an export file that is copied elsewhere."""
    from yrd.core.crypto import rotation, signing

    found = []
    if signing.configured_signing_key() is None:
        found.append(
            Error(
                "No audit signing key: checkpoints cannot be made.",
                hint="Set AUDIT_SIGNING_KEY_FILE (manage.py audit_keygen) or AUDIT_SIGNING_KEY.",
                id="yrd.E013",
            )
        )
    if not settings.AUDIT_CHECKPOINT_FILE:
        found.append(
            Error(
                "AUDIT_CHECKPOINT_FILE is not set: checkpoints would stay in the database they vouch for.",
                hint="Point it at append-only storage that is copied elsewhere (README).",
                id="yrd.E014",
            )
        )
    if rotation.encrypted_models() and not (settings.FIELD_ENCRYPTION_KEYS or settings.FIELD_ENCRYPTION_KEYS_FILE):
        found.append(
            Error(
                "Models hold encrypted fields but no field encryption keys are configured.",
                hint="Set FIELD_ENCRYPTION_KEYS_FILE (manage.py encryption_keygen).",
                id="yrd.E015",
            )
        )
    return found
