"""Verifying the audit log: every chain, its head, and the signed checkpoints, in one snapshot.

An entry is intact when its hash matches its content under the algorithm it names, and it follows the
previous entry of its chain. A chain is complete when its head names its last entry. The log is the
one the checkpoints saw when every entry a checkpoint recorded is still there with the hash it had:
cutting the tail and moving the heads back, deleting heads or every entry, re-hashing from an altered
entry on, or restoring an older backup all fail here, as long as one checkpoint made after the
entries in question survives (in the database, or in a copy of the export file).
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC

from django.db import connection, transaction

from yrd.core.audit.chain import CHAINED_FIELDS, PERSONAL_VALUES, entry_hash, personal_digest
from yrd.core.audit.checkpoints import CheckpointCheck, CheckpointProblem, read_checkpoint_file
from yrd.core.crypto.signing import trusted_keys
from yrd.core.crypto.suites import HASHES
from yrd.core.models import AuditCheckpoint, AuditEntry, AuditHead
from yrd.core.models.audit import GENESIS


@dataclass
class ChainBreak:
    seq: int | None
    reason: str

    def __str__(self) -> str:
        return f"Audit entry #{self.seq}: {self.reason}." if self.seq else f"{self.reason}"


@dataclass
class Verification:
    problem: ChainBreak | None = None
    entries: int = 0
    chains: int = 0
    checkpoints: int = 0
    latest_checkpoint: dict | None = field(default=None)


@contextmanager
def snapshot():
    """One consistent view of the log. On PostgreSQL a REPEATABLE READ, READ ONLY transaction: a
    write committed while verifying is either wholly seen or not at all. Inside a caller's
    transaction, that transaction's view is the one there is."""
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def stored_values(entry: AuditEntry) -> dict:
    values = {name: getattr(entry, name) for name in (*CHAINED_FIELDS, "personal_data", "personal_digest")}
    values["at"] = entry.at.astimezone(UTC)
    return values


def content_problem(entry: AuditEntry) -> str:
    """Why the entry's content does not match its hash (or its personal values their digest), or ""."""
    if entry.hash_alg not in HASHES or entry.format not in (AuditEntry.FORMAT_PLAIN, AuditEntry.FORMAT_PERSONAL_DIGEST):
        return "content does not match its hash (altered)"
    values = stored_values(entry)
    if entry.format == AuditEntry.FORMAT_PERSONAL_DIGEST:
        if entry.personal_erased_at is None:
            if personal_digest(values, entry.personal_salt, entry.hash_alg) != entry.personal_digest:
                return "its actor, IP address or personal details do not match their digest (altered)"
        elif any(values[name] for name in PERSONAL_VALUES) or entry.personal_salt:
            return "holds personal values although they were erased (altered)"
    if entry_hash(values, entry.hash_alg, entry.format) != entry.hash:
        return "content does not match its hash (altered)"
    return ""


def verify_chain(checkpoint_file=None, progress=None) -> ChainBreak | None:
    """The first problem found, or None when the log is intact."""
    return verify_log(checkpoint_file=checkpoint_file, progress=progress).problem


def verify_log(checkpoint_file=None, progress=None) -> Verification:
    """Check the whole log against its heads, its stored checkpoints and, when given, a kept copy of
    the checkpoint export file. `progress()` is called once per entry."""
    result = Verification()
    kept = None
    try:
        if checkpoint_file:  # read before the snapshot: a checkpoint reaches the file after its row commits
            kept = read_checkpoint_file(checkpoint_file)
        with snapshot():
            stored = [(row.statement, row.signature) for row in AuditCheckpoint.objects.order_by("number")]
            checks = CheckpointCheck(trusted_keys())
            checks.add(stored, "database")
            if kept is not None:
                checks.add(kept, str(checkpoint_file))
            result.checkpoints, result.latest_checkpoint = checks.count, checks.latest
            result.problem = _walk(checks.vouches, result, progress)
        if result.problem is None and kept is not None:
            checks.compare(stored, kept, str(checkpoint_file))
    except CheckpointProblem as problem:
        result.problem = ChainBreak(None, str(problem))
    return result


def _walk(vouches: dict, result: Verification, progress) -> ChainBreak | None:
    heads = {head.chain: head for head in AuditHead.objects.all()}
    last: dict[int, tuple[int, str]] = {}  # chain -> (seq, hash) of its last entry so far
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        previous_seq, previous_hash = last.get(entry.chain, (0, GENESIS))
        if entry.prev_hash != previous_hash:
            after = f"entry #{previous_seq}" if previous_seq else "the start"
            return ChainBreak(
                entry.seq, f"does not follow {after} of chain {entry.chain} (entries between were deleted or altered)"
            )
        problem = content_problem(entry)
        if problem:
            return ChainBreak(entry.seq, problem)
        vouch = vouches.pop(entry.seq, None)
        if vouch is not None and (vouch.chain, vouch.hash) != (entry.chain, entry.hash):
            return ChainBreak(
                entry.seq, f"differs from what {vouch.by()} recorded: the log was rewritten after that checkpoint"
            )
        last[entry.chain] = (entry.seq, entry.hash)
        result.entries += 1
        if progress:
            progress()
    result.chains = len(last)
    return _check_heads(heads, last) or _check_vouched_entries_remain(vouches, result.entries)


def _check_heads(heads: dict, last: dict) -> ChainBreak | None:
    for chain in sorted(set(heads) | set(last)):
        seq, hash_ = last.get(chain, (0, GENESIS))
        head = heads.get(chain)
        if head is None:
            return ChainBreak(seq, f"is the last entry of chain {chain}, which has no head (the head row was deleted)")
        if head.seq > seq:
            return ChainBreak(
                head.seq,
                f"is missing: chain {chain} ends at #{seq} but its head is #{head.seq} (newest entries deleted)",
            )
        if head.seq < seq:
            return ChainBreak(seq, f"is the last entry of chain {chain}, but its head was moved back to #{head.seq}")
        if head.hash != hash_:
            return ChainBreak(seq, f"is the last entry of chain {chain}, but its head holds another hash")
    return None


def _check_vouched_entries_remain(vouches: dict, entries: int) -> ChainBreak | None:
    if not vouches:
        return None
    seq = min(vouches)
    vouch = vouches[seq]
    if not entries:
        return ChainBreak(None, f"The audit log is empty, yet {vouch.by()} recorded entry #{seq}")
    return ChainBreak(
        seq, f"is missing, yet {vouch.by()} recorded it: the log was cut back or restored from an older backup"
    )
