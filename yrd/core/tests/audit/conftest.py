import json

import pytest
from django.db import connection, transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record, entry_hash, stored_values
from yrd.core.models import AuditCheckpoint, AuditEntry, AuditHead
from yrd.core.registry import registry
from yrd.core.tests.suites import each_suite  # noqa: F401  (every audit test runs under both suites)

EVENT = "test.write"


@pytest.fixture(autouse=True)
def test_event(monkeypatch, each_suite):  # noqa: F811
    monkeypatch.setattr(registry, "audit_events", registry.audit_events | {EVENT})


def write_entries(n: int, start: int = 0) -> list[AuditEntry]:
    """n audited writes, each in its own transaction, as the platform makes them."""
    entries = []
    for i in range(start, start + n):
        with transaction.atomic():
            entries.append(audit_record(actor=SYSTEM, action=EVENT, object_type="test", object_id=i, data={"n": i}))
    return entries


@pytest.fixture
def kept_file(tmp_path, settings):
    """The checkpoint export file, as a copy kept elsewhere sees it."""
    settings.AUDIT_CHECKPOINT_FILE = str(tmp_path / "checkpoints.jsonl")
    return settings.AUDIT_CHECKPOINT_FILE


class Attacker:
    """Someone with write access to the database: plain SQL (the ORM refuses), and on PostgreSQL
    enough rights to switch off the append-only triggers first."""

    def __init__(self):
        if connection.vendor == "postgresql":
            self.sql("ALTER TABLE core_auditentry DISABLE TRIGGER USER")
            self.sql("ALTER TABLE core_auditcheckpoint DISABLE TRIGGER USER")

    def sql(self, query: str, params=()):
        with connection.cursor() as cursor:
            cursor.execute(query, params)

    def delete_entries_after(self, seq: int):
        self.sql("DELETE FROM core_auditentry WHERE seq > %s", [seq])

    def delete_entry(self, seq: int):
        self.sql("DELETE FROM core_auditentry WHERE seq = %s", [seq])

    def move_head_to(self, entry: AuditEntry):
        self.sql("UPDATE core_audithead SET seq = %s, hash = %s WHERE chain = %s", [entry.seq, entry.hash, entry.chain])

    def delete_heads(self):
        self.sql("DELETE FROM core_audithead")

    def delete_everything(self):
        self.sql("DELETE FROM core_auditentry")
        self.delete_heads()

    def delete_checkpoints(self):
        self.sql("DELETE FROM core_auditcheckpoint")

    def edit(self, seq: int, data: dict):
        self.sql("UPDATE core_auditentry SET data = %s WHERE seq = %s", [json.dumps(data), seq])

    def rehash(self, seq: int, *, following: bool = True):
        """Recompute the hash of entry `seq` (and, when `following`, of every later entry of its chain
        and the chain's head) so that each entry matches its content again."""
        entry = AuditEntry.objects.get(seq=seq)
        previous = entry.prev_hash
        entries = AuditEntry.objects.filter(chain=entry.chain, seq__gte=seq) if following else [entry]
        for row in entries:
            values = stored_values(row)
            values["prev_hash"] = previous
            previous = entry_hash(values, row.hash_alg, row.format)
            self.sql(
                "UPDATE core_auditentry SET prev_hash = %s, hash = %s WHERE seq = %s",
                [values["prev_hash"], previous, row.seq],
            )
        if following:
            self.sql("UPDATE core_audithead SET hash = %s WHERE chain = %s", [previous, entry.chain])

    def backup(self) -> dict:
        return {
            "entries": list(AuditEntry.objects.values()),
            "heads": list(AuditHead.objects.values()),
            "checkpoints": list(AuditCheckpoint.objects.values()),
        }

    def restore(self, backup: dict):
        self.delete_everything()
        self.delete_checkpoints()
        AuditEntry.objects.bulk_create(AuditEntry(**row) for row in backup["entries"])
        AuditHead.objects.bulk_create(AuditHead(**row) for row in backup["heads"])
        AuditCheckpoint.objects.bulk_create(AuditCheckpoint(**row) for row in backup["checkpoints"])


@pytest.fixture
def attacker(db):
    return Attacker()
