"""Handling and decisions: start, decide, joint-handling steps, delivery of the result."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import can
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.translation import interpolate_lazy
from yrd.core.uploads import check_upload
from yrd.services.apps import DECIDE, DELIVER
from yrd.services.models import Application, ExchangeRecord, HandlingStep, Material, State
from yrd.services.selectors import officers_for
from yrd.services.workflow import authorise, open_steps, performs, steps_scope
from yrd.services.workflow.sides import window

from .common import decision_type, lock, move, now, province_of, record_exchange, tell

TRACKING = re.compile(r"^[A-Za-z0-9]{8,30}$")


@performs("start_handling")
@write
def application_start_handling(*, acting_user, application: Application, at=None) -> Application:
    application = lock(application)
    authorise(acting_user, application, "start_handling")
    return move(acting_user, application, "start_handling", State.IN_HANDLING, now(at))


def _decision_document(application: Application, document, acting_user, at) -> Material:
    if document is None:
        raise ValidationError({"document": _("Attach the decision document.")})
    content_type, digest = check_upload(document)
    return Material.objects.create(
        application=application,
        material_type=decision_type(application.item),
        role=Material.Role.DECISION,
        file=document,
        original_name=document.name[:200],
        content_type=content_type,
        size=document.size,
        sha256=digest,
        added_by=person(acting_user),
        added_at=at,
    )


def _send_decision(acting_user, application: Application, authority, document: Material, at) -> None:
    window_org = application.receiving_window
    if window_org is not None and province_of(window_org).pk != province_of(authority).pk:
        record_exchange(
            acting_user=acting_user,
            application=application,
            kind=ExchangeRecord.Kind.DECISION,
            sender=authority,
            receiver=window_org,
            at=at,
            payload={
                "application": application.number,
                "decision": application.decision,
                "document_sha256": document.sha256 if document else None,
            },
        )
    tell(
        [application.applicant_user],
        interpolate_lazy(
            gettext_lazy("Application %(number)s decided: %(decision)s"),
            {"number": application.number, "decision": Application.Decision(application.decision).label},
        ),
        application,
    )


def _finish_step(step: HandlingStep, acting_user, approved: bool, note: str, at) -> None:
    step.outcome = HandlingStep.Outcome.APPROVED if approved else HandlingStep.Outcome.DENIED
    step.completed_by, step.completed_at, step.note = person(acting_user), at, note.strip()
    step.save()


@performs("decide")
@write
def application_decide(
    *, acting_user, application: Application, approved: bool, note: str = "", document=None, at=None
) -> Application:
    application = lock(application)
    authorise(acting_user, application, "decide")
    if not approved and not note.strip():
        raise ValidationError({"note": _("Say why the application is denied.")})
    at = now(at)
    material = _decision_document(application, document, acting_user, at)
    step = application.steps.get()
    _finish_step(step, acting_user, approved, note, at)
    _decide(acting_user, application, approved, note, step.authority, material, at)
    return application


def _chosen_step(application: Application, code: str | None) -> HandlingStep:
    """The step named by its province code, or the first open one."""
    steps = list(application.steps.select_related("jurisdiction", "authority__jurisdiction"))
    if code:
        chosen = [s for s in steps if s.jurisdiction.code == code]
        if not chosen:
            raise ValidationError({"step": _("This application has no step in %s.") % code})
        return chosen[0]
    pending = [s for s in steps if s.outcome == HandlingStep.Outcome.PENDING]
    if not pending:
        raise ValidationError({"step": _("Name the step to complete.")})
    return min(pending, key=lambda s: s.order)


def _may_complete_now(application: Application, step: HandlingStep) -> None:
    if step.outcome != HandlingStep.Outcome.PENDING:
        raise Conflict(_("The step in %s is already complete.") % step.jurisdiction.name, code="step_done")
    if step not in open_steps(application):
        waiting = application.steps.filter(order__lt=step.order, outcome=HandlingStep.Outcome.PENDING).first()
        raise Conflict(_("The step in %s must be completed first.") % waiting.jurisdiction.name, code="step_waiting")


@performs("complete_step")
@write
def step_complete(
    *,
    acting_user,
    application: Application,
    approved: bool,
    step: str | None = None,
    note: str = "",
    document=None,
    at=None,
) -> HandlingStep:
    """Joint handling: one jurisdiction finishes its step (`step`: its province code; the first
    open step when None). Later steps wait for earlier ones; the application is decided when every
    step is (denied as soon as one step is, and the steps still pending are cancelled)."""
    application = lock(application)
    authorise(acting_user, application, "complete_step")
    chosen = _chosen_step(application, step)
    if not can(acting_user, DECIDE, steps_scope([chosen])):
        raise PermissionDenied(_("You may not do this for this application."))
    _may_complete_now(application, chosen)
    if not approved and not note.strip():
        raise ValidationError({"note": _("Say why the step is denied.")})
    at = now(at)
    material = _decision_document(application, document, acting_user, at)
    _finish_step(chosen, acting_user, approved, note, at)
    pending = list(
        application.steps.filter(outcome=HandlingStep.Outcome.PENDING).select_related(
            "jurisdiction", "authority__jurisdiction"
        )
    )
    cancelled = [] if approved else [s.jurisdiction.code for s in pending]
    audit_record(
        actor=acting_user,
        action="services.step.complete",
        obj=application,
        jurisdiction=chosen.jurisdiction.code,
        data={
            "step": chosen.jurisdiction.code,
            "outcome": chosen.outcome,
            "document": material.sha256,
            "cancelled": cancelled,
        },
    )
    if approved and pending:
        _hand_to_next_steps(acting_user, application, chosen, pending, material, at)
        return chosen
    if cancelled:
        application.steps.filter(outcome=HandlingStep.Outcome.PENDING).update(outcome=HandlingStep.Outcome.CANCELLED)
    _decide(acting_user, application, approved, note, chosen.authority, material, at)
    return chosen


def _decide(acting_user, application: Application, approved: bool, note: str, authority, material, at) -> None:
    decision = Application.Decision.APPROVED if approved else Application.Decision.DENIED
    move(
        acting_user,
        application,
        "decide",
        State.DECIDED,
        at,
        decided_at=at,
        decision=decision,
        decision_note=note.strip(),
    )
    _send_decision(acting_user, application, authority, material, at)


def _hand_to_next_steps(acting_user, application: Application, step, pending, material, at) -> None:
    if any(s.order == step.order for s in pending):
        return  # parallel steps of the same order still running: nothing is handed on yet
    following = min(s.order for s in pending)
    for successor in [s for s in pending if s.order == following]:
        record_exchange(
            acting_user=acting_user,
            application=application,
            kind=ExchangeRecord.Kind.FORWARD,
            sender=step.authority,
            receiver=successor.authority,
            at=at,
            payload={
                "application": application.number,
                "step": step.jurisdiction.code,
                "outcome": step.outcome,
                "document_sha256": material.sha256,
            },
        )
        tell(
            officers_for(DECIDE, successor.jurisdiction, successor.authority),
            interpolate_lazy(gettext_lazy("Application %s: your step may start"), application.number),
            application,
        )


def _checked_tracking_number(raw: str) -> str:
    tracking_number = raw.strip()
    if not tracking_number:
        raise ValidationError({"tracking_number": _("Enter the courier's tracking number.")})
    if not TRACKING.match(tracking_number):
        message = _("A courier tracking number is 8 to 30 letters and digits, got “%s”.") % tracking_number
        raise ValidationError({"tracking_number": message})
    return tracking_number


@performs("deliver")
@write
def application_deliver(
    *, acting_user, application: Application, method: str, tracking_number: str = "", at=None
) -> Application:
    """The decision reaches the applicant: by courier (tracking number recorded) or at the
    window, which only the window itself can hand over."""
    application = lock(application)
    authorise(acting_user, application, "deliver")
    if method == Application.Delivery.WINDOW:
        if application.receiving_window_id is None:
            raise ValidationError({"method": _("This application has no receiving window to pick up at.")})
        if not window(DELIVER).allows(acting_user, application):
            raise PermissionDenied(_("Only the receiving window hands over a result at the window."))
        tracking_number = ""
    elif method == Application.Delivery.COURIER:
        tracking_number = _checked_tracking_number(tracking_number)
    else:
        raise ValidationError({"method": _("Deliver by courier or at the window.")})
    at = now(at)
    move(
        acting_user,
        application,
        "deliver",
        State.DELIVERED,
        at,
        delivered_at=at,
        delivery_method=method,
        tracking_number=tracking_number,
    )
    tell(
        [application.applicant_user],
        interpolate_lazy(gettext_lazy("Application %s: result on its way"), application.number),
        application,
        body=tracking_number,
    )
    return application
