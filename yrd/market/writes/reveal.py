"""Revealing a reporter's contact: lists and pages show it masked; the lead regulator of the report's case, who
may need to call the reporter back, sees it in full on request, and every such look is audited (who, which
report, which fields — never the values)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.personal.reveal import may_reveal
from yrd.market.models import Report

FIELDS = ("reporter_name", "reporter_phone", "reporter_email")


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


@write
def reporter_contact_reveal(*, acting_user, report: Report, reason: str = "") -> Contact:
    if report.case is None:
        raise PermissionDenied(_("A report's contact is shown only once the report is part of a case."))
    if not may_reveal(acting_user, report):  # the rule is the model's (Report.reveal_scopes), as for every reveal
        raise PermissionDenied(_("Only the regulator leading this case may see the reporter's contact."))
    shown = [name for name in FIELDS if getattr(report, name)]
    audit_record(
        actor=acting_user,
        action="market.report.reveal",
        obj=report,
        jurisdiction=report.case.lead_jurisdiction.code,
        data={"case": report.case.number, "fields": shown, "reason": reason[:200]},
    )
    return Contact(report.reporter_name, report.reporter_phone, report.reporter_email)
