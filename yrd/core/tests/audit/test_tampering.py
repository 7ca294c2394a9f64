"""Each way of rewriting the log that passed `audit_verify` before the checkpoints (issue 6, item 2)
is caught now, by the database's own checkpoints and by a copy of the export file kept elsewhere."""

import pytest
from django.core.management import CommandError, call_command

from yrd.core.audit import make_checkpoint, verify_chain
from yrd.core.models import AuditEntry

from .conftest import write_entries

LEAVES_OR_DELETES = pytest.mark.parametrize(
    "deletes_checkpoints", [False, True], ids=["checkpoints-left", "checkpoints-deleted-too"]
)


# 1. Truncation


@LEAVES_OR_DELETES
def test_cutting_the_tail_and_moving_the_head_back_is_caught(attacker, kept_file, deletes_checkpoints):
    entries = write_entries(6)
    make_checkpoint()
    attacker.delete_entries_after(entries[3].seq)
    attacker.move_head_to(entries[3])
    if deletes_checkpoints:
        attacker.delete_checkpoints()
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem.seq == entries[5].seq and "missing" in problem.reason
    if not deletes_checkpoints:
        assert verify_chain().seq == entries[5].seq


# 2. Missing head


def test_a_deleted_head_row_is_a_break(attacker):
    entries = write_entries(3)
    attacker.delete_heads()
    problem = verify_chain()
    assert problem.seq == entries[-1].seq and "no head" in problem.reason


def test_after_a_head_row_is_deleted_writes_go_on_and_say_so_in_the_log(attacker):
    entries = write_entries(3)
    attacker.delete_heads()
    later = write_entries(2, start=10)  # failed on a duplicate sequence number before
    restored = AuditEntry.objects.get(action="core.security.audit_head_restored")
    assert restored.data == {"chain": entries[-1].chain, "continued_after": entries[-1].seq}
    assert restored.prev_hash == entries[-1].hash and later[0].prev_hash == restored.hash
    assert verify_chain() is None


def test_deleting_the_head_and_the_newest_entries_is_caught_by_a_checkpoint(attacker, kept_file):
    entries = write_entries(6)
    make_checkpoint()
    attacker.delete_heads()
    attacker.delete_entries_after(entries[2].seq)
    attacker.delete_checkpoints()
    write_entries(1, start=10)  # the head comes back from the cut tail
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem.seq == entries[5].seq and "missing" in problem.reason


# 3. Empty log


@LEAVES_OR_DELETES
def test_an_emptied_log_is_a_break_once_checkpoints_exist(attacker, kept_file, deletes_checkpoints):
    write_entries(4)
    make_checkpoint()
    attacker.delete_everything()
    if deletes_checkpoints:
        attacker.delete_checkpoints()
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem is not None
    if not deletes_checkpoints:
        assert "The audit log is empty" in verify_chain().reason


def test_an_empty_log_without_checkpoints_is_a_new_platform_not_a_break(db):
    assert verify_chain() is None


# 4. Re-hashing


@LEAVES_OR_DELETES
def test_editing_an_entry_and_recomputing_every_hash_after_it_is_caught(attacker, kept_file, deletes_checkpoints):
    entries = write_entries(6)
    make_checkpoint()
    attacker.edit(entries[2].seq, {"n": 999})
    attacker.rehash(entries[2].seq)
    if deletes_checkpoints:
        attacker.delete_checkpoints()
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem.seq == entries[5].seq and "differs from what checkpoint #1" in problem.reason
    if not deletes_checkpoints:
        assert verify_chain().seq == entries[5].seq


# 5. Rollback to an older backup


def test_a_database_restored_from_an_older_backup_is_caught_by_the_kept_file(attacker, kept_file):
    write_entries(4)
    make_checkpoint()
    backup = attacker.backup()
    later = write_entries(3, start=10)
    make_checkpoint()
    attacker.restore(backup)
    assert verify_chain() is None  # the database agrees with itself: only a copy kept elsewhere can tell
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem.seq == later[-1].seq and "restored from an older backup" in problem.reason


def test_a_database_restored_with_nothing_written_since_is_caught_by_its_missing_checkpoint(attacker, kept_file):
    write_entries(4)
    make_checkpoint()
    backup = attacker.backup()
    make_checkpoint(force=True)
    attacker.restore(backup)
    problem = verify_chain(checkpoint_file=kept_file)
    assert "end at #1" in problem.reason and "goes on to #2" in problem.reason


# 6. Rollback, then written over


def test_a_cut_log_that_has_grown_past_the_checkpoint_again_is_caught(attacker, kept_file):
    entries = write_entries(6)
    make_checkpoint()
    attacker.delete_entries_after(entries[3].seq)
    attacker.move_head_to(entries[3])
    attacker.delete_checkpoints()
    write_entries(4, start=10)  # the head is past where the checkpoint saw it: no longer "behind"
    problem = verify_chain(checkpoint_file=kept_file)
    assert problem.seq == entries[5].seq


# Alterations the chain catches on its own


def test_it_names_the_first_altered_entry(attacker):
    entries = write_entries(5)
    attacker.edit(entries[2].seq, {"n": 999})
    problem = verify_chain()
    assert problem.seq == entries[2].seq and "altered" in problem.reason


def test_a_deleted_entry_breaks_the_link_of_the_next(attacker):
    entries = write_entries(5)
    attacker.delete_entry(entries[1].seq)
    problem = verify_chain()
    assert problem.seq == entries[2].seq and f"does not follow entry #{entries[0].seq}" in problem.reason


def test_an_entry_rehashed_on_its_own_breaks_the_link_of_the_next(attacker):
    # Only the previous-hash comparison catches this: entry 3 matches its new hash, entry 4 its own.
    entries = write_entries(5)
    attacker.edit(entries[2].seq, {"n": 999})
    attacker.rehash(entries[2].seq, following=False)
    problem = verify_chain()
    assert problem.seq == entries[3].seq and "does not follow" in problem.reason


def test_the_newest_entries_deleted_without_moving_the_head_is_a_break(attacker):
    entries = write_entries(4)
    attacker.delete_entries_after(entries[1].seq)
    problem = verify_chain()
    assert problem.seq == entries[3].seq and "newest entries deleted" in problem.reason


def test_a_head_moved_back_over_remaining_entries_is_a_break(attacker):
    entries = write_entries(4)
    attacker.move_head_to(entries[1])
    problem = verify_chain()
    assert problem.seq == entries[3].seq and "moved back" in problem.reason


def test_audit_verify_exits_non_zero_naming_the_entry(attacker, kept_file):
    entries = write_entries(3)
    make_checkpoint()
    call_command("audit_verify", "--checkpoints", kept_file)
    attacker.edit(entries[1].seq, {"n": "someone else"})
    with pytest.raises(CommandError, match=f"#{entries[1].seq}"):
        call_command("audit_verify", "--checkpoints", kept_file)
