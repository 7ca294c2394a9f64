"""Bulk triage of a backlog by a lead regulator: many cases at once put in an officer's charge, merged into one,
or closed with a reason. All the chosen cases or none: one case the caller does not lead, or one that cannot
take the step, refuses the whole request and says which."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import Scope, can
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.market.apps import CASE_WORK
from yrd.market.models import Case, CaseEvent, CaseState
from yrd.market.selectors import case_officers

from .cases import TransitionInput, case_transition
from .notices import tell_assigned, tell_moved

ACTIONS = ("assign", "merge", "close")
MAX_CASES = 500
WORKING = (CaseState.OPEN, CaseState.INVESTIGATING)


@dataclass
class TriageInput:
    action: str
    case_ids: list[int]
    note: str = ""
    assignee_id: int | None = None


def _chosen(acting_user, data: TriageInput) -> list[Case]:
    cases = list(Case.objects.select_for_update().filter(pk__in=data.case_ids).order_by("opened_at", "pk"))
    if len(cases) != len(set(data.case_ids)):
        raise ValidationError({"cases": [_("Some of the chosen cases do not exist.")]})
    foreign = [c.number for c in cases if not can(acting_user, CASE_WORK, Scope((c.lead_jurisdiction,)))]
    if foreign:
        raise PermissionDenied(
            _("Your jurisdiction does not lead these cases; nothing was changed: %(cases)s.")
            % {"cases": ", ".join(foreign)}
        )
    return cases


def _problems(data: TriageInput, cases: list[Case]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.action not in ACTIONS:
        errors["action"] = [_("Choose assign, merge or close.")]
    if not cases or len(cases) > MAX_CASES:
        errors["cases"] = [_("Choose between 1 and %(n)d cases.") % {"n": MAX_CASES}]
    if len(data.note) > 1000:
        errors["note"] = [_("At most 1000 characters.")]
    if data.action == "close" and not data.note.strip():
        errors["note"] = [_("Say why these cases are closed.")]
    if data.action == "merge" and len(cases) < 2:
        errors["cases"] = [_("Choose at least two cases to merge.")]
    done = [c.number for c in cases if c.state not in WORKING]
    if done:
        errors.setdefault("cases", []).append(
            _("Only open or investigated cases can be triaged: %(cases)s.") % {"cases": ", ".join(done)}
        )
    if data.action == "assign":
        officers = None
        for case in cases:
            officers = case_officers(case.lead_jurisdiction)
            if data.assignee_id is None or not officers.filter(pk=data.assignee_id).exists():
                errors["assignee"] = [
                    _("Choose an officer who works the cases of %(j)s.") % {"j": case.lead_jurisdiction}
                ]
                break
    return errors


@write
def cases_triage(*, acting_user, data: TriageInput) -> list[Case]:
    """Perform one triage step on every chosen case; returns the cases changed (for a merge: the one kept)."""
    cases = _chosen(acting_user, data)
    errors = _problems(data, cases)
    if errors:
        raise ValidationError(errors)
    if data.action == "close":
        reason = TransitionInput(note=data.note)
        return [
            case_transition(acting_user=acting_user, case=c, name="close_without_effect", data=reason) for c in cases
        ]
    if data.action == "assign":
        return [_assign(acting_user, case, data) for case in cases]
    return [_merge(acting_user, cases[0], cases[1:], data.note)]


def _assign(acting_user, case: Case, data: TriageInput) -> Case:
    case.assignee_id = data.assignee_id
    case.save(update_fields=["assignee"])
    officer = case_officers(case.lead_jurisdiction).get(pk=data.assignee_id)
    _event(acting_user, case, "assigned", data.note or str(officer))
    audit_record(actor=acting_user, action="market.case.assign", obj=case, jurisdiction=case.lead_jurisdiction.code,
                 data={"assignee": officer.username})  # fmt: skip
    tell_assigned(case, officer, actor=acting_user)
    return case


def _merge(acting_user, kept: Case, others: list[Case], note: str) -> Case:
    """The oldest case keeps every report; the others close as merged, their regulators stay concerned."""
    now = timezone.now()
    for other in others:
        other.reports.update(case=kept)
        for jurisdiction in other.jurisdictions_concerned():
            if jurisdiction.pk != kept.lead_jurisdiction_id:
                kept.shared_with.add(jurisdiction)
        other.state, other.outcome, other.closed_at, other.merged_into = (
            CaseState.CLOSED,
            Case.Outcome.MERGED,
            now,
            kept,
        )
        other.save(update_fields=["state", "outcome", "closed_at", "merged_into"])
        _event(acting_user, other, "merged", f"{kept.number} {note}".strip())
        _event(acting_user, kept, "merged_in", f"{other.number} {note}".strip())
        where = other.lead_jurisdiction.code
        audit_record(actor=acting_user, action="market.case.merge", obj=other, jurisdiction=where,
                     data={"into": kept.number})  # fmt: skip
        tell_moved(other, "merged", actor=acting_user, note=kept.number)
    return kept


def _event(acting_user, case: Case, kind: str, note: str) -> None:
    CaseEvent.objects.create(case=case, at=timezone.now(), actor=person(acting_user), kind=kind, note=note[:1000])
