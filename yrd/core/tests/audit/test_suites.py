"""Under the sm suite the chain is SM3 and checkpoints are SM2; a deployment that switches suite
keeps verifying what was written before, because every entry and checkpoint names its algorithm."""

import json

from django.conf import settings
from gmssl import sm3 as gm_sm3

from yrd.core.audit import make_checkpoint, verify_chain
from yrd.core.audit.chain import canonical
from yrd.core.audit.verify import stored_values
from yrd.core.crypto.signing import configured_signing_key
from yrd.core.models import AuditCheckpoint, AuditEntry
from yrd.core.tests.suites import suite_settings

from .conftest import write_entries


def switch_to(django_settings, suite, *, trusting):
    for name, value in suite_settings(suite).items():
        setattr(django_settings, name, value)
    django_settings.AUDIT_TRUSTED_KEYS = [key.public.text for key in trusting]


def test_an_sm3_chain_is_what_an_independent_sm3_computes(db, settings):
    switch_to(settings, "sm", trusting=[])
    entries = write_entries(3)
    for entry in entries:
        assert entry.hash_alg == "sm3"
        assert entry.hash == gm_sm3.sm3_hash(list(canonical(stored_values(entry), entry.format)))
    make_checkpoint()
    assert AuditCheckpoint.objects.get().statement["alg"] == "sm2"
    assert verify_chain() is None


def test_switching_suites_continues_the_chain_and_keeps_verifying_what_came_before(attacker, kept_file, settings):
    switch_to(settings, "intl", trusting=[])
    before = write_entries(3)
    make_checkpoint()
    ed25519 = configured_signing_key()
    switch_to(settings, "sm", trusting=[ed25519])  # the old public key stays trusted
    after = write_entries(3, start=10)
    make_checkpoint()
    assert after[0].prev_hash == before[-1].hash
    assert [e.hash_alg for e in AuditEntry.objects.order_by("seq")] == ["sha256"] * 3 + ["sm3"] * 3
    assert [c.statement["alg"] for c in AuditCheckpoint.objects.all()] == ["ed25519", "sm2"]
    assert json.loads(open(kept_file).readlines()[1])["checkpoint"]["prev"].startswith("sm3:")
    assert verify_chain(checkpoint_file=kept_file) is None
    settings.AUDIT_TRUSTED_KEYS = []
    assert "does not trust" in verify_chain().reason  # forgetting the old key is noticed, not ignored
    settings.AUDIT_TRUSTED_KEYS = [ed25519.public.text]
    attacker.edit(before[1].seq, {"n": "rewritten"})
    assert verify_chain().seq == before[1].seq  # an old SHA-256 entry is still checked as one


def test_the_test_settings_hold_a_key_pair_for_each_suite():
    assert set(settings.TEST_SIGNING_KEYS) == set(settings.TEST_FIELD_KEYRINGS) == {"intl", "sm"}
