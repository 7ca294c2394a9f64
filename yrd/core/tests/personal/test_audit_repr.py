"""The audit log is kept for good, so it never names a person: records holding personal fields are
named by type and number, and writes record ids rather than names."""

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.personal import redacted
from yrd.core.tests.factories import jurisdiction
from yrd.core.writes import person_create, role_assign
from yrd.services.models import Application


def test_creating_a_person_and_giving_a_role_leave_no_name_in_the_log(reference):
    created = person_create(acting_user=SYSTEM, username="wang_wu", password="pw-for-tests-1", display_name="王五")
    role_assign(acting_user=SYSTEM, user=created, role_code="applicant", jurisdiction=jurisdiction("310000"))
    logged = " ".join(f"{e.object_repr} {e.data}" for e in AuditEntry.objects.all())
    assert "王五" not in logged and "wang_wu" not in logged
    assert AuditEntry.objects.get(action="core.person.create").object_repr == f"User #{created.pk}"


def test_redacted_keeps_the_kind_of_a_personal_value_and_leaves_the_rest():
    data = redacted(Application, {"to": "rejected", "rejection_reasons": "张三的身份证已过期", "decision_note": ""})
    assert data == {"to": "rejected", "rejection_reasons": "[free_text]", "decision_note": ""}
