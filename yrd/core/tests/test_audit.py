import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record, verify_chain
from yrd.core.models import AuditEntry
from yrd.core.registry import registry
from yrd.core.tests.factories import jurisdiction, person
from yrd.core.writes import organisation_create


@pytest.fixture(autouse=True)
def test_event(monkeypatch):
    monkeypatch.setattr(registry, "audit_events", registry.audit_events | {"test.write"})


def write_entries(n):
    for i in range(n):
        with transaction.atomic():
            audit_record(actor=SYSTEM, action="test.write", object_type="test", object_id=i, data={"n": i})


def test_a_service_write_appends_one_chained_entry(reference):
    write_entries(1)
    before = AuditEntry.objects.count()
    admin = person(is_superuser=True)
    organisation_create(
        acting_user=admin, name_zh="上海市测试局", kind="government", jurisdiction=jurisdiction("310000")
    )
    entry = AuditEntry.objects.latest("seq")
    assert AuditEntry.objects.count() == before + 1
    assert (entry.action, entry.actor_id, entry.jurisdiction) == ("core.organisation.create", admin.pk, "310000")
    assert entry.prev_hash == AuditEntry.objects.get(seq=entry.seq - 1).hash
    assert verify_chain() is None


def test_it_names_the_first_altered_entry(db):
    write_entries(5)
    AuditEntry.objects.filter(seq=3).update(data={"n": 999})
    problem = verify_chain()
    assert problem.seq == 3 and "altered" in problem.reason


def test_it_names_a_deleted_entry(db):
    write_entries(5)
    AuditEntry.objects.filter(seq=2).delete()
    assert verify_chain().seq == 2


def test_it_notices_the_newest_entries_were_deleted(db):
    write_entries(4)
    AuditEntry.objects.filter(seq__gte=3).delete()
    assert verify_chain().seq == 3


def test_a_rewritten_chain_still_fails_on_the_head(db):
    write_entries(3)
    AuditEntry.objects.filter(seq=3).update(hash="f" * 64)
    assert verify_chain().seq == 3


def test_audit_verify_exits_non_zero_naming_the_entry(db):
    write_entries(3)
    call_command("audit_verify")
    AuditEntry.objects.filter(seq=2).update(actor_label="someone else")
    with pytest.raises(CommandError, match="#2"):
        call_command("audit_verify")


def test_entries_cannot_be_changed_or_deleted_through_the_model(db):
    write_entries(1)
    entry = AuditEntry.objects.get()
    entry.action = "other"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()


def test_recording_outside_a_transaction_is_refused(transactional_db):
    with pytest.raises(RuntimeError):
        audit_record(actor=SYSTEM, action="test.write", object_type="test", object_id=1)
