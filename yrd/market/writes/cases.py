"""The case workflow as data — open → investigating → decided → closed, a case closed without effect re-opened or
escalated to the province — and the one write that performs a transition. The table is the only place that
says who may do what; the case page's buttons come from `available()`."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import Scope, can
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.market.apps import CASE_WORK
from yrd.market.models import AccessMeasure, Case, CaseEvent, CaseState
from yrd.market.writes.notices import tell_moved, tell_negative_list_case

LEAD, CONCERNED, REPORTER = "lead", "concerned", "reporter"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    who: tuple  # LEAD: the lead regulator; CONCERNED: any regulator concerned; REPORTER: a reporter of the case
    only_without_effect: bool = False


def _t(name, label, sources, target, who, only_without_effect=False):
    return Transition(name, label, frozenset(sources), target, tuple(who), only_without_effect)


TRANSITIONS = {
    t.name: t
    for t in (
        _t("investigate", gettext_lazy("Start investigating"), {CaseState.OPEN}, CaseState.INVESTIGATING, (LEAD,)),
        _t("decide", gettext_lazy("Decide"), {CaseState.INVESTIGATING}, CaseState.DECIDED, (LEAD,)),
        _t("close", gettext_lazy("Close"), {CaseState.DECIDED}, CaseState.CLOSED, (LEAD,)),
        _t(
            "close_without_effect",
            gettext_lazy("Close without effect"),
            {CaseState.OPEN, CaseState.INVESTIGATING},
            CaseState.CLOSED,
            (LEAD,),
        ),
        _t("reopen", gettext_lazy("Re-open"), {CaseState.CLOSED}, CaseState.OPEN, (CONCERNED, REPORTER), True),
        _t(
            "escalate",
            gettext_lazy("Escalate to the province"),
            {CaseState.CLOSED},
            CaseState.OPEN,
            (CONCERNED, REPORTER),
            True,
        ),
    )
}


def _performs_as(acting_user, case: Case, who: tuple) -> bool:
    if LEAD in who and can(acting_user, CASE_WORK, Scope((case.lead_jurisdiction,))):
        return True
    if CONCERNED in who and can(acting_user, CASE_WORK, case):
        return True
    signed_in = getattr(acting_user, "is_authenticated", False)
    return REPORTER in who and signed_in and case.reports.filter(reporter=acting_user).exists()


def available(acting_user, case: Case) -> list[Transition]:
    """The transitions this person may perform on this case now (the buttons of the case page)."""
    return [t for t in TRANSITIONS.values() if _blocked(t, case) is None and _performs_as(acting_user, case, t.who)]


def _blocked(transition: Transition, case: Case) -> Conflict | None:
    if case.state not in transition.sources:
        return Conflict(_("A case that is %(state)s cannot do this.") % {"state": case.get_state_display()})
    if transition.only_without_effect and case.outcome != Case.Outcome.WITHOUT_EFFECT:
        return Conflict(_("Only a case closed without effect can be re-opened or escalated."))
    return None


@dataclass
class TransitionInput:
    note: str = ""
    decision_text: str = ""
    legal_basis: str = ""
    penalty_cny: Decimal | None = None
    outcome: str = ""
    publish: bool = False
    negative_list_entry: str = ""  # code of the negative-list entry violated (plan task 4.02: cases collected)


def _problems(name: str, data: TransitionInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if len(data.note) > 1000:
        errors["note"] = [_("At most 1000 characters.")]
    if name in ("close_without_effect", "reopen", "escalate") and not data.note.strip():
        errors["note"] = [_("Say why.")]
    if name == "decide":
        if data.outcome not in (Case.Outcome.PENALTY, Case.Outcome.NO_VIOLATION):
            errors["outcome"] = [_("Choose the outcome.")]
        if not data.decision_text.strip() or len(data.decision_text) > 4000:
            errors["decision_text"] = [_("Write the decision (at most 4000 characters).")]
        if not data.legal_basis.strip() or len(data.legal_basis) > 300:
            errors["legal_basis"] = [_("Name the legal basis (at most 300 characters).")]
        if data.outcome == Case.Outcome.PENALTY and (data.penalty_cny is None or data.penalty_cny < 0):
            errors["penalty_cny"] = [_("Give the penalty in CNY.")]
        entry = data.negative_list_entry.strip()
        if entry and (len(entry) > 20 or not AccessMeasure.objects.filter(code=entry).exists()):
            errors["negative_list_entry"] = [_("Not the code of an entry of the negative list.")]
        if entry and data.outcome != Case.Outcome.PENALTY:
            errors["negative_list_entry"] = [_("A negative-list violation is recorded with a penalty decision.")]
    return errors


@write
def case_transition(*, acting_user, case: Case, name: str, data: TransitionInput | None = None) -> Case:
    data = data or TransitionInput()
    case = Case.objects.select_for_update().get(pk=case.pk)
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise ValidationError({"transition": [_("Unknown action.")]})
    conflict = _blocked(transition, case)
    if conflict is not None:
        raise conflict
    if not _performs_as(acting_user, case, transition.who):
        raise PermissionDenied(
            _("Your role does not allow this on this case: %(action)s.") % {"action": transition.label}
        )
    errors = _problems(name, data)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    _apply(case, transition, data, now)
    case.state = transition.target
    case.full_clean()
    case.save()
    CaseEvent.objects.create(case=case, at=now, actor=person(acting_user), kind=name, note=data.note[:1000])
    audit_record(
        actor=acting_user,
        action="market.case.transition",
        obj=case,
        jurisdiction=case.lead_jurisdiction.code,
        data={"transition": name, "to": transition.target, "outcome": case.outcome},
    )
    tell_moved(case, name, actor=acting_user, note=data.note)
    if name == "decide" and case.negative_list_entry:
        tell_negative_list_case(case, actor=acting_user)
    return case


def _apply(case: Case, transition: Transition, data: TransitionInput, now) -> None:
    if transition.name == "decide":
        case.outcome, case.decision_text, case.legal_basis = data.outcome, data.decision_text, data.legal_basis
        case.penalty_cny = data.penalty_cny if data.outcome == Case.Outcome.PENALTY else None
        case.decided_at = now
        case.published = data.publish and data.outcome == Case.Outcome.PENALTY
        case.negative_list_entry = data.negative_list_entry.strip()
    elif transition.target == CaseState.CLOSED:
        case.closed_at = now
        if transition.name == "close_without_effect":
            case.outcome = Case.Outcome.WITHOUT_EFFECT
    elif transition.name in ("reopen", "escalate"):
        case.outcome, case.closed_at = "", None
        if transition.name == "escalate":
            case.shared_with.add(case.lead_jurisdiction)
            case.lead_jurisdiction = case.lead_jurisdiction.province
