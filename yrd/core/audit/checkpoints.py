"""Signed checkpoints: the audit log's anchor outside the database.

A checkpoint is a statement of every chain's head (chain, sequence number, hash) at a moment, signed
with a key the database does not hold (Ed25519 or SM2, see core.crypto.signing), numbered, and linked
to the previous checkpoint by its digest:

    {"v": 1, "number": 42, "at": "2026-12-01T08:15:00.000Z", "alg": "ed25519", "key": "<key id>",
     "heads": [[0, 1187, "<hash>"], [1, 1180, "<hash>"]], "prev": "sha256:<digest of #41>"}

Each one is stored in the database and appended to the export file (AUDIT_CHECKPOINT_FILE), one JSON
line `{"checkpoint": {...}, "signature": "<hex>"}` per checkpoint, never rewritten: the file is what is
copied to another province or to write-once storage. Someone who can change the database can rewrite
entries, heads and checkpoint rows, but cannot sign, and cannot reach the copies: `audit_verify
--checkpoints FILE` then finds entries that are gone or differ from what a checkpoint recorded.
"""

import fcntl
import json
import os
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from yrd.core.crypto.signing import configured_signing_key
from yrd.core.crypto.suites import HASHES, current_suite, hexdigest
from yrd.core.models import AuditCheckpoint, AuditHead

VERSION = 1


class CheckpointProblem(Exception):
    """A checkpoint that does not verify, a broken sequence of checkpoints, or an export file that
    disagrees with the database."""


def signed_bytes(statement: dict) -> bytes:
    return json.dumps(statement, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def statement_digest(statement: dict, algorithm: str) -> str:
    return f"{algorithm}:{hexdigest(algorithm, signed_bytes(statement))}"


def line_of(statement: dict, signature: str) -> str:
    return json.dumps({"checkpoint": statement, "signature": signature}, sort_keys=True, ensure_ascii=False)


def _iso(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def make_checkpoint(*, force: bool = False) -> AuditCheckpoint | None:
    """Sign the current heads and store the checkpoint, then bring the export file up to date.
    Returns None when nothing was written since the last checkpoint (unless `force`)."""
    key = configured_signing_key()
    if key is None:
        raise ImproperlyConfigured(
            "No audit signing key: set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE (`manage.py audit_keygen`)."
        )
    with transaction.atomic():
        last = AuditCheckpoint.objects.select_for_update().order_by("-number").first()
        heads = [[head.chain, head.seq, head.hash] for head in AuditHead.objects.order_by("chain")]
        made = None
        if force or last is None or last.statement["heads"] != heads:
            now = timezone.now()
            now = now.replace(microsecond=now.microsecond // 1000 * 1000)
            hash_algorithm = current_suite().hash
            statement = {
                "v": VERSION,
                "number": last.number + 1 if last else 1,
                "at": _iso(now),
                "alg": key.algorithm,
                "key": key.public.key_id,
                "heads": heads,
                "prev": statement_digest(last.statement, hash_algorithm) if last else "",
            }
            made = AuditCheckpoint.objects.create(
                number=statement["number"],
                at=now,
                key_id=statement["key"],
                statement=statement,
                signature=key.sign(signed_bytes(statement)).hex(),
            )
    if settings.AUDIT_CHECKPOINT_FILE:
        try:
            export_checkpoints(settings.AUDIT_CHECKPOINT_FILE)
        except CheckpointProblem as problem:
            from yrd.core.audit.security import record_security_event

            record_security_event("audit_checkpoint_mismatch", data={"problem": str(problem)})
            raise
    return made


def export_checkpoints(path) -> int:
    """Append to the file every stored checkpoint it lacks; returns how many. Refuses when the file's
    last checkpoint is not in the database as written: the database was then restored from an older
    backup or its checkpoints were altered, and the file must stay as evidence."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        after = _number_the_file_ends_with(file, path)
        lines = [
            line_of(row.statement, row.signature)
            for row in AuditCheckpoint.objects.filter(number__gt=after).order_by("number")
        ]
        file.seek(0, os.SEEK_END)
        file.write("".join(line + "\n" for line in lines).encode())
        file.flush()
        os.fsync(file.fileno())
    return len(lines)


def _number_the_file_ends_with(file, path) -> int:
    text = _last_line(file)
    if not text:
        return 0
    statement, signature = parse_line(text, path, "last line")
    stored = AuditCheckpoint.objects.filter(number=statement["number"]).first()
    if stored is None or line_of(stored.statement, stored.signature) != line_of(statement, signature):
        raise CheckpointProblem(
            f"{path} ends with checkpoint #{statement['number']}, which the database "
            f"{'does not hold' if stored is None else 'holds differently'}: the database was restored from an "
            "older backup or its checkpoints were altered. Nothing was appended; run audit_verify."
        )
    return statement["number"]


def _last_line(file, block: int = 8192) -> str:
    file.seek(0, os.SEEK_END)
    end = position = file.tell()
    tail = b""
    while position > 0 and tail.count(b"\n") < 2:
        position = max(0, position - block)
        file.seek(position)
        tail = file.read(end - position)
    lines = [line for line in tail.split(b"\n") if line.strip()]
    return lines[-1].decode() if lines else ""


def parse_line(text: str, source, where) -> tuple[dict, str]:
    try:
        record = json.loads(text)
        statement, signature = record["checkpoint"], record["signature"]
        if not isinstance(statement, dict) or not isinstance(statement["number"], int):
            raise TypeError
        return statement, signature
    except (ValueError, KeyError, TypeError):
        raise CheckpointProblem(f"{source}, {where}: not a checkpoint line.") from None


def read_checkpoint_file(path) -> list[tuple[dict, str]]:
    try:
        with open(path, encoding="utf-8") as file:
            return [parse_line(text, path, f"line {n}") for n, text in enumerate(file, 1) if text.strip()]
    except OSError as error:
        raise CheckpointProblem(f"{path}: {error.strerror}.") from None


def _check_shape(statement, signature, source) -> None:
    """Enough structure to read a checkpoint before its signature says whether to believe it."""
    try:
        well_formed = (
            isinstance(statement["number"], int)
            and isinstance(signature, str)
            and all(isinstance(c, int) and isinstance(s, int) and isinstance(h, str) for c, s, h in statement["heads"])
        )
    except (TypeError, KeyError, ValueError):
        well_formed = False
    if not well_formed:
        raise CheckpointProblem(f"A checkpoint in {source} is not of the documented shape (altered).")


@dataclass(frozen=True)
class Vouch:
    """What a checkpoint says about one entry: it is the head of `chain` with hash `hash`."""

    number: int
    at: str
    chain: int
    hash: str

    def by(self) -> str:
        return f"checkpoint #{self.number} of {self.at}"


class CheckpointCheck:
    """Verifies signatures and the sequence of checkpoints, and collects what they vouch for."""

    def __init__(self, trusted: dict):
        self.trusted = trusted
        self.vouches: dict[int, Vouch] = {}
        self.count = 0
        self.latest: dict | None = None
        self._verified: set[tuple[bytes, str]] = set()

    def add(self, checkpoints: list[tuple[dict, str]], source: str) -> None:
        previous = None
        for statement, signature in checkpoints:
            _check_shape(statement, signature, source)
            self._check_signature(statement, signature, source)
            if previous is not None:
                self._check_follows(previous, statement, source)
            self._collect(statement)
            previous = statement
        if previous is not None and (self.latest is None or previous["number"] > self.latest["number"]):
            self.latest = previous

    def _check_signature(self, statement, signature, source) -> None:
        number = statement.get("number")
        if (signed_bytes(statement), signature) in self._verified:
            return
        if statement.get("v") != VERSION:
            raise CheckpointProblem(f"Checkpoint #{number} ({source}) is of an unknown version.")
        key = self.trusted.get(statement.get("key"))
        if key is None or key.algorithm != statement.get("alg"):
            raise CheckpointProblem(
                f"Checkpoint #{number} ({source}) is signed with key {statement.get('key')!r}, which this "
                "deployment does not trust (AUDIT_TRUSTED_KEYS)."
            )
        try:
            valid = key.verify(bytes.fromhex(signature), signed_bytes(statement))
        except ValueError:
            valid = False
        if not valid:
            raise CheckpointProblem(
                f"Checkpoint #{number} ({source}): the signature does not verify (forged or altered)."
            )
        self._verified.add((signed_bytes(statement), signature))
        self.count += 1

    @staticmethod
    def _check_follows(previous, statement, source) -> None:
        algorithm = str(statement.get("prev", "")).partition(":")[0]
        if (
            statement["number"] != previous["number"] + 1
            or algorithm not in HASHES
            or statement["prev"] != statement_digest(previous, algorithm)
        ):
            raise CheckpointProblem(
                f"Checkpoint #{statement['number']} ({source}) does not follow checkpoint #{previous['number']}: "
                "checkpoints between them were removed or altered."
            )

    def _collect(self, statement) -> None:
        for chain, seq, hash_ in statement["heads"]:
            if not seq:
                continue
            vouch = Vouch(statement["number"], statement["at"], chain, hash_)
            known = self.vouches.setdefault(seq, vouch)
            if (known.chain, known.hash) != (chain, hash_):
                raise CheckpointProblem(f"{known.by()} and {vouch.by()} disagree about entry #{seq}.")

    def compare(self, stored: list[tuple[dict, str]], exported: list[tuple[dict, str]], source: str) -> None:
        """The database's checkpoints against a kept copy: the same where both have one, and none
        missing from the database's end."""
        in_database = {statement["number"]: line_of(statement, signature) for statement, signature in stored}
        for statement, signature in exported:
            number = statement["number"]
            if number in in_database and in_database[number] != line_of(statement, signature):
                raise CheckpointProblem(f"Checkpoint #{number} in the database differs from the one in {source}.")
        newest_stored = max(in_database, default=0)
        newest_kept = max((statement["number"] for statement, _ in exported), default=0)
        if newest_kept > newest_stored:
            raise CheckpointProblem(
                f"The database's checkpoints end at #{newest_stored} but {source} goes on to #{newest_kept}: "
                "the database was restored from an older backup, or its newest checkpoints were deleted."
            )
