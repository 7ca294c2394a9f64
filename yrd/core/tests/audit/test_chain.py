"""Appending to the log: one chained entry per audited write, in the write's transaction, and no way
to change or remove an entry through the platform."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from yrd.core.actors import SYSTEM
from yrd.core.audit import UndeclaredAuditEvent, audit_record, data_version, verify_chain
from yrd.core.models import AuditCheckpoint, AuditEntry
from yrd.core.tests.factories import jurisdiction, person
from yrd.core.writes import organisation_create

from .conftest import write_entries


def test_a_service_write_appends_one_chained_entry(reference, each_suite):
    admin = person(is_superuser=True)  # its creation is a security event (core.security.permission_change)
    first = write_entries(1)[0]
    organisation_create(
        acting_user=admin, name_zh="上海市测试局", kind="government", jurisdiction=jurisdiction("310000")
    )
    entry = AuditEntry.objects.latest("seq")
    assert AuditEntry.objects.exclude(action__startswith="core.security.").count() == 2
    assert (entry.action, entry.actor_id, entry.jurisdiction) == ("core.organisation.create", admin.pk, "310000")
    assert entry.prev_hash == first.hash and entry.hash_alg == {"intl": "sha256", "sm": "sm3"}[each_suite]
    assert verify_chain() is None


def test_a_rolled_back_write_leaves_no_entry_and_the_chain_intact(db):
    write_entries(2)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        write_entries(1, start=5)
        1 / 0  # noqa: B018
    assert AuditEntry.objects.count() == 2 and verify_chain() is None
    assert write_entries(1, start=9)[0].prev_hash == AuditEntry.objects.order_by("seq")[1].hash


def test_entries_cannot_be_changed_or_deleted_through_the_orm(db):
    write_entries(2)
    entry = AuditEntry.objects.first()
    entry.action = "other"
    for attempt in (
        entry.save,
        entry.delete,
        AuditEntry.objects.all().delete,
        lambda: AuditEntry.objects.update(action="other"),
        AuditCheckpoint.objects.all().delete,
    ):
        with pytest.raises(PermissionDenied, match="append-only"):
            attempt()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's")
def test_on_postgresql_not_even_sql_may_change_or_delete_an_entry(db):
    entry = write_entries(1)[0]
    for statement in (
        "UPDATE core_auditentry SET action = 'x' WHERE seq = %s",
        "DELETE FROM core_auditentry WHERE seq = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.seq])


def test_the_admin_reads_the_log_and_offers_no_way_to_change_it(client, db):
    write_entries(1)
    client.force_login(person(is_superuser=True, is_staff=True))
    entry = AuditEntry.objects.exclude(action__startswith="core.security.").get()
    assert client.get(reverse("admin:core_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:core_auditcheckpoint_changelist")).status_code == 200
    assert client.post(reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    response = client.post(
        reverse("admin:core_auditentry_changelist"), {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists() and response.status_code in (200, 302)


def test_recording_outside_a_transaction_is_refused(transactional_db):
    with pytest.raises(RuntimeError):
        audit_record(actor=SYSTEM, action="test.write", object_type="test", object_id=1)


def test_an_undeclared_event_is_refused(db):
    with pytest.raises(UndeclaredAuditEvent), transaction.atomic():
        audit_record(actor=SYSTEM, action="test.undeclared", object_type="test", object_id=1)


def test_the_data_version_moves_with_every_audited_write(db):
    before = data_version()
    write_entries(1)
    after_one = data_version()
    write_entries(1, start=3)
    assert before < after_one < data_version()


def test_on_postgresql_with_sha256_an_entry_is_appended_in_one_statement(db, each_suite):
    if connection.vendor != "postgresql":
        pytest.skip("the one-statement append is PostgreSQL's (SQLite takes the head first)")
    first = write_entries(1)[0]  # the first entry opens a chain, the way that needs more statements
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        entry = audit_record(
            actor=SYSTEM,
            action="plan.task.update",
            object_type="plan.Task",
            object_id="7",
            object_repr='任务 "7" \\ 😀',
            data={"note": 'a "quoted" \\ back\nslash, 中文, 😀', "percent": 40},
        )
    statements = [q["sql"] for q in queries.captured_queries if "core_audit" in q["sql"]]
    # SM3 is not among PostgreSQL's functions: that suite takes the head, then appends (two statements)
    assert len(statements) == {"intl": 1, "sm": 2}[each_suite]
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.seq, stored.prev_hash, stored.hash) == (entry.seq, first.hash, entry.hash)
    assert verify_chain() is None
    assert data_version(["plan"]) == entry.seq  # the module's version moved with the entry
