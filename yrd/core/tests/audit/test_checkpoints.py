"""Signed checkpoints: made on schedule and on demand, kept in the database and an append-only file,
and believed only when a trusted key signed them."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from yrd.core.audit import CheckpointProblem, make_checkpoint, verify_chain
from yrd.core.audit.checkpoints import signed_bytes
from yrd.core.crypto.signing import configured_signing_key, generate_signing_key, parse_signing_key
from yrd.core.models import AuditCheckpoint, AuditEntry, AuditHead
from yrd.core.tasks import audit_checkpoint

from .conftest import write_entries


def file_lines(path) -> list[dict]:
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def test_a_checkpoint_signs_every_chain_head_and_is_kept_in_the_database_and_the_file(db, kept_file, each_suite):
    entries = write_entries(3)
    checkpoint = make_checkpoint()
    statement = checkpoint.statement
    assert statement["heads"] == [[head.chain, head.seq, head.hash] for head in AuditHead.objects.all()]
    assert statement["heads"][0][1:] == [entries[-1].seq, entries[-1].hash]
    assert statement["alg"] == {"intl": "ed25519", "sm": "sm2"}[each_suite]
    public = configured_signing_key().public
    assert statement["key"] == public.key_id
    assert public.verify(bytes.fromhex(checkpoint.signature), signed_bytes(statement))
    assert file_lines(kept_file) == [{"checkpoint": statement, "signature": checkpoint.signature}]


def test_no_checkpoint_is_made_when_nothing_was_written_unless_forced(db, kept_file):
    write_entries(1)
    assert make_checkpoint() is not None
    assert make_checkpoint() is None
    assert make_checkpoint(force=True).number == 2
    write_entries(1, start=5)
    assert make_checkpoint().number == 3


def test_each_checkpoint_follows_the_previous_one_and_the_file_is_only_appended_to(db, kept_file):
    write_entries(1)
    make_checkpoint()
    with open(kept_file, "rb") as file:
        first = file.read()
    for n in range(2):
        write_entries(1, start=10 + n)
        make_checkpoint()
    with open(kept_file, "rb") as file:
        assert file.read().startswith(first)
    numbers = [line["checkpoint"]["number"] for line in file_lines(kept_file)]
    assert numbers == [1, 2, 3] and all(line["checkpoint"]["prev"] for line in file_lines(kept_file)[1:])
    assert verify_chain(checkpoint_file=kept_file) is None


def test_checkpoints_the_file_missed_are_appended_with_the_next_one(db, kept_file, settings):
    settings.AUDIT_CHECKPOINT_FILE = ""  # e.g. the copy's volume was not mounted for a while
    write_entries(1)
    make_checkpoint()
    settings.AUDIT_CHECKPOINT_FILE = kept_file
    write_entries(1, start=5)
    make_checkpoint()
    assert [line["checkpoint"]["number"] for line in file_lines(kept_file)] == [1, 2]


def test_the_file_is_not_extended_when_the_database_lost_its_newest_checkpoints(attacker, kept_file):
    write_entries(2)
    make_checkpoint()
    backup = attacker.backup()
    write_entries(1, start=5)
    make_checkpoint()
    attacker.restore(backup)
    before = open(kept_file).read()
    write_entries(1, start=9)
    with pytest.raises(CheckpointProblem, match="ends with checkpoint #2"):
        make_checkpoint()
    assert open(kept_file).read() == before
    alarm = AuditEntry.objects.get(action="core.security.audit_checkpoint_mismatch")
    assert "ends with checkpoint #2" in alarm.data["problem"]


def test_a_checkpoint_signed_with_a_key_the_platform_does_not_trust_is_a_break(attacker, settings):
    entries = write_entries(3)
    attacker.edit(entries[1].seq, {"n": "forged"})
    attacker.rehash(entries[1].seq)
    settings.AUDIT_SIGNING_KEY = generate_signing_key(configured_signing_key().algorithm)
    make_checkpoint()  # the attacker's own key: the real one is not in the database
    settings.AUDIT_SIGNING_KEY = settings.TEST_SIGNING_KEYS[settings.CRYPTO_SUITE]
    assert "does not trust" in verify_chain().reason


def test_an_altered_checkpoint_does_not_verify(attacker):
    entries = write_entries(3)
    checkpoint = make_checkpoint()
    statement = {**checkpoint.statement, "heads": [[0, entries[0].seq, entries[0].hash]]}
    attacker.sql("UPDATE core_auditcheckpoint SET statement = %s WHERE id = %s", [json.dumps(statement), checkpoint.pk])
    assert "signature does not verify" in verify_chain().reason


def test_a_checkpoint_removed_from_the_middle_is_a_break(attacker):
    for n in range(3):
        write_entries(1, start=n)
        make_checkpoint()
    attacker.sql("DELETE FROM core_auditcheckpoint WHERE number = 2")
    assert "Checkpoint #3 (database) does not follow checkpoint #1" in verify_chain().reason


def test_a_kept_file_with_a_line_that_is_not_a_checkpoint_is_a_break(db, kept_file):
    write_entries(1)
    make_checkpoint()
    with open(kept_file, "a") as file:
        file.write("{not json\n")
    assert "line 2: not a checkpoint line" in verify_chain(checkpoint_file=kept_file).reason


def test_a_host_holding_only_the_public_key_verifies(db, kept_file, settings):
    write_entries(2)
    make_checkpoint()
    public = configured_signing_key().public
    settings.AUDIT_SIGNING_KEY = ""
    settings.AUDIT_TRUSTED_KEYS = [public.text]
    assert verify_chain(checkpoint_file=kept_file) is None
    settings.AUDIT_TRUSTED_KEYS = []
    assert "does not trust" in verify_chain(checkpoint_file=kept_file).reason


def test_the_signing_key_can_come_from_a_file(db, tmp_path, settings):
    key_file = tmp_path / "audit.key"
    call_command("audit_keygen", str(key_file))
    assert key_file.stat().st_mode & 0o777 == 0o600
    settings.AUDIT_SIGNING_KEY, settings.AUDIT_SIGNING_KEY_FILE = "", str(key_file)
    write_entries(1)
    checkpoint = make_checkpoint()
    assert checkpoint.key_id == parse_signing_key(key_file.read_text()).public.key_id
    assert verify_chain() is None
    with pytest.raises(CommandError, match="never overwritten"):
        call_command("audit_keygen", str(key_file))


def test_checkpoints_need_a_signing_key(db, settings):
    settings.AUDIT_SIGNING_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="AUDIT_SIGNING_KEY"):
        make_checkpoint()


def test_celery_beat_makes_a_checkpoint_regularly(db):
    entry = settings.CELERY_BEAT_SCHEDULE["audit-checkpoint"]
    assert entry["task"] == "core.audit_checkpoint"
    assert entry["schedule"].total_seconds() == settings.AUDIT_CHECKPOINT_MINUTES * 60
    write_entries(1)
    audit_checkpoint.delay()
    assert AuditCheckpoint.objects.count() == 1


def test_the_commands_make_a_checkpoint_on_demand_and_report_what_they_verified(db, kept_file, capsys):
    write_entries(3)
    call_command("audit_checkpoint")
    assert "Checkpoint #1 signed" in capsys.readouterr().out
    write_entries(2, start=10)
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "Audit log intact: 5 entries in 1 chains." in out
    assert f"1 signed checkpoints verified (database and {kept_file})" in out
    assert "covers all but the 2 entries written since" in out


def test_a_checkpoint_row_rewritten_into_another_shape_is_a_break(attacker):
    write_entries(1)
    checkpoint = make_checkpoint()
    attacker.sql(
        "UPDATE core_auditcheckpoint SET statement = %s WHERE id = %s", ['["not", "a", "statement"]', checkpoint.pk]
    )
    assert "not of the documented shape" in verify_chain().reason
