"""Records past their retention period lose their personal fields to `personal_purge`; the record
stays, the audit log still verifies, and neither the record nor the log holds the erased values."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from yrd.core.models import AuditEntry
from yrd.core.personal.retention import due
from yrd.market.models import Report

PHONE = "13800138000"


def age(report, days):
    Report.objects.filter(pk=report.pk).update(received_at=timezone.now() - timedelta(days=days))


def purge(*args):
    out = StringIO()
    call_command("personal_purge", *args, stdout=out)
    return out.getvalue()


def audit_text():
    return " ".join(f"{e.object_repr} {e.data} {e.actor_label}" for e in AuditEntry.objects.all())


@pytest.fixture
def old_report(suzhou_report):
    age(suzhou_report, 4 * 365)
    return suzhou_report


def test_a_dry_run_counts_and_changes_nothing(old_report):
    said = purge()
    assert "market.Report: 1 of 1 holding personal values are past 1095 days" in said
    assert "Dry run: 1 records" in said
    old_report.refresh_from_db()
    assert old_report.reporter_phone == PHONE
    assert not AuditEntry.objects.filter(action="core.personal.purge").exists()


def test_apply_erases_the_personal_fields_and_keeps_the_record_and_the_chain(old_report):
    purge("--apply")
    old_report.refresh_from_db()
    assert (old_report.reporter_name, old_report.reporter_phone, old_report.reporter_email) == ("", "", "")
    assert (old_report.description, old_report.place, old_report.latitude) == ("", "", None)
    assert old_report.receipt and old_report.subject_name == "苏州美佳食品有限公司"  # the record itself stays
    entry = AuditEntry.objects.get(action="core.personal.purge")
    assert entry.data["ids"] == [old_report.pk] and "reporter_phone" in entry.data["fields"]
    assert PHONE not in audit_text() and "张三" not in audit_text() and "出售过期食品" not in audit_text()
    call_command("audit_verify", stdout=StringIO())  # raises CommandError on any break


def test_a_second_run_finds_nothing_left(old_report):
    purge("--apply")
    assert "Dry run: 0 records" in purge()


def test_records_within_their_period_are_kept(suzhou_report):
    age(suzhou_report, 365)
    purge("--apply")
    suzhou_report.refresh_from_db()
    assert suzhou_report.reporter_phone == PHONE


def test_a_report_whose_case_is_still_open_is_kept(old_report, monkeypatch):
    from yrd.market.models import Case

    case = Case.objects.create(
        enterprise_key="k", enterprise_name="x", category="food_safety", lead_jurisdiction=old_report.incident_city,
        opened_at=timezone.now(), window_ends=timezone.now(),
    )  # fmt: skip
    Report.objects.filter(pk=old_report.pk).update(case=case)
    assert not [d for d in due() if d.rule.model == "market.Report" and d.queryset.exists()]


def test_settings_override_a_period(settings, suzhou_report):
    settings.PERSONAL_RETENTION_DAYS = {"market.Report": 30}
    age(suzhou_report, 60)
    assert "market.Report: 1 of 1 holding personal values are past 30 days" in purge()


def test_as_of_counts_what_a_later_day_would_erase_and_refuses_to_erase(suzhou_report):
    from django.core.management.base import CommandError

    later = (timezone.now() + timedelta(days=4 * 365)).date().isoformat()
    counted = purge("--as-of", later)
    assert "market.Report: 1 of 1" in counted and "Dry run:" in counted
    with pytest.raises(CommandError):
        purge("--apply", "--as-of", later)


def test_every_rule_names_its_legal_basis_and_a_date_field():
    from yrd.core.personal.retention import rules

    found = rules()
    assert {r.model for r in found} >= {"market.Report", "services.Application", "emergency.SupplyRequest"}
    for rule in found:
        assert "PIPL" in rule.basis and rule.days > 0
        assert rule.when is None or isinstance(rule.when, Q)


def test_erasing_evidence_deletes_the_stored_file_once_committed(old_report, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from yrd.market.models import Evidence

    evidence = Evidence(report=old_report, name="张三的照片.jpg")
    evidence.file.save("photo.jpg", ContentFile(b"jpeg"), save=True)
    Evidence.objects.filter(pk=evidence.pk).update(uploaded_at=timezone.now() - timedelta(days=4 * 365))
    stored = evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        purge("--apply")
    evidence.refresh_from_db()
    assert (evidence.file.name, evidence.name) == ("", "") and not evidence.file.storage.exists(stored)


def test_the_start_up_check_refuses_a_rule_for_a_model_without_personal_fields():
    from yrd.core.registry import Retention, _retention_problems

    assert _retention_problems("market", Retention("market.Case", "opened_at", 10, "PIPL")) != []
    assert _retention_problems("market", Retention("services.Application", "submitted_at", 10, "PIPL")) != []
    assert _retention_problems("market", Retention("market.Report", "received_at", 10, "PIPL")) == []


def test_a_closed_account_is_anonymised_with_its_identity_after_its_period(reference):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from yrd.core.models import User
    from yrd.core.tests.factories import person
    from yrd.services.models import AccountIdentity

    closed = person(display_name="王五", email="wang.wu@example.test", first_name="五", last_name="王")
    open_account = person(display_name="赵六")
    old = timezone.now() - timedelta(days=6 * 365)
    User.objects.filter(pk=closed.pk).update(is_active=False, last_login=old)
    User.objects.filter(pk=open_account.pk).update(last_login=old)
    TOTPDevice.objects.create(user=closed, name="phone", confirmed=False)
    AccountIdentity.objects.create(
        user=closed, kind="person", name="王五", id_number="310101199001018556", bound_at=old
    )
    counted = purge()
    assert "core.User: 1 of" in counted and "services.AccountIdentity: 1 of 1" in counted
    purge("--apply")
    closed.refresh_from_db()
    open_account.refresh_from_db()
    assert closed.username == f"erased:{closed.pk}" and not closed.has_usable_password()
    assert (closed.display_name, closed.email, closed.first_name, closed.last_name) == ("", "", "", "")
    assert not TOTPDevice.objects.filter(user=closed).exists()
    identity = AccountIdentity.objects.get(user=closed)
    assert (identity.name, identity.id_number) == ("", "")
    assert open_account.display_name == "赵六"
    assert "王五" not in audit_text() and "310101199001018556" not in audit_text()
    assert "core.User: 0 of" in purge()  # nothing left to erase


def test_the_actor_and_ip_of_old_audit_entries_are_erased_and_the_chain_still_verifies(reference, monkeypatch):
    from django.db import connection, transaction

    from yrd.core.audit import audit_record, chain, make_checkpoint, verify_chain
    from yrd.core.context import origin
    from yrd.core.tests.factories import person

    someone = person(display_name="钱七")
    long_ago = timezone.now() - timedelta(days=4 * 365)
    token = origin.set("203.0.113.9")
    try:
        with monkeypatch.context() as patched, transaction.atomic():
            patched.setattr(chain.timezone, "now", lambda: long_ago)  # an entry written four years ago
            old = audit_record(actor=someone, action="core.reference.load", personal={"username": "qian7"})
        with transaction.atomic():
            recent = audit_record(actor=someone, action="core.reference.load")
    finally:
        origin.reset(token)
    make_checkpoint()
    assert "core.AuditEntry: 1 of" in purge()
    purge("--apply")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.actor_label, old.ip, old.personal_data, old.personal_salt) == ("", "", {}, "")
    assert old.personal_erased_at and old.personal_digest and old.actor_id == someone.pk
    assert (recent.actor_label, recent.ip) == ("钱七", "203.0.113.9")
    assert verify_chain() is None
    # Altering the personal values of an entry not erased yet is found, like any other change.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditentry DISABLE TRIGGER USER")
        cursor.execute("UPDATE core_auditentry SET actor_label = 'someone else' WHERE id = %s", [recent.pk])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditentry ENABLE TRIGGER USER")
    assert "do not match their digest" in str(verify_chain())


def test_an_erased_entry_may_only_be_emptied_once_and_nothing_else_changes(reference):
    from django.db import DatabaseError, connection, transaction

    from yrd.core.actors import SYSTEM
    from yrd.core.audit import audit_record, verify_chain
    from yrd.core.models.audit import erase_personal

    with transaction.atomic():
        entry = audit_record(actor=SYSTEM, action="core.reference.load")
    assert erase_personal([entry.pk]) == 1 and erase_personal([entry.pk]) == 0
    assert verify_chain() is None
    if connection.vendor == "postgresql":  # the trigger refuses any other change, even in SQL
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditentry SET personal_erased_at = NULL WHERE id = %s", [entry.pk])
