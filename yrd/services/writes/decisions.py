"""Handling and decisions: start, decide, joint-handling steps, delivery of the result."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import can
from yrd.core.actors import SYSTEM, person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.translation import interpolate_lazy
from yrd.services import workflow
from yrd.services.apps import DECIDE, DELIVER
from yrd.services.models import (
    Application,
    ExchangeRecord,
    HandlingStep,
    Material,
    State,
)
from yrd.services.scopes import (
    authority_scope,
    officers_for,
    steps_scope,
    window_scope,
)

from .common import (
    decision_type,
    now,
    province_of,
    record_exchange,
    require_scope,
    tell,
)
from .transitions import _lock, _move

TRACKING = re.compile(r"^[A-Za-z0-9]{8,30}$")


@write
def application_start_handling(*, acting_user, application, at=None):
    application = _lock(application)
    workflow.check(application, "start_handling")
    require_scope(acting_user, DECIDE, authority_scope(application))
    return _move(acting_user, application, "start_handling", State.IN_HANDLING, now(at))


def _decision_document(application, document, acting_user, at):
    if document is None:
        raise ValidationError({"document": _("Attach the decision document.")})
    from yrd.core.uploads import check_upload

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


def _send_decision(acting_user, application, authority, document, at):
    window = application.receiving_window
    if window is not None and province_of(window).pk != province_of(authority).pk:
        record_exchange(
            acting_user=acting_user,
            application=application,
            kind=ExchangeRecord.Kind.DECISION,
            sender=authority,
            receiver=window,
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
            {
                "number": application.number,
                "decision": Application.Decision(application.decision).label,
            },
        ),
        application,
    )


@write
def application_decide(*, acting_user, application, approved, note="", document=None, at=None):
    application = _lock(application)
    workflow.check(application, "decide")
    require_scope(acting_user, DECIDE, authority_scope(application))
    if not approved and not note.strip():
        raise ValidationError({"note": _("Say why the application is denied.")})
    at = now(at)
    material = _decision_document(application, document, acting_user, at)
    step = application.steps.get()
    step.outcome = HandlingStep.Outcome.APPROVED if approved else HandlingStep.Outcome.DENIED
    step.completed_by, step.completed_at, step.note = person(acting_user), at, note.strip()
    step.save()
    _decide(acting_user, application, approved, note, step.authority, material, at)
    return application


@write
def step_complete(*, acting_user, step, approved, note="", document=None, at=None):
    """Joint handling: one jurisdiction finishes its step. Later steps wait for earlier ones; the
    application is decided when every step is (denied as soon as one step is)."""
    application = _lock(step.application)
    workflow.check(application, "complete_step")
    step = application.steps.select_related("jurisdiction", "authority__jurisdiction").get(pk=step.pk)
    require_scope(acting_user, DECIDE, steps_scope([step]))
    if step.outcome != HandlingStep.Outcome.PENDING:
        raise Conflict(_("The step in %s is already complete.") % step.jurisdiction.name, code="step_done")
    waiting = application.steps.filter(order__lt=step.order, outcome=HandlingStep.Outcome.PENDING)
    if waiting.exists():
        raise Conflict(
            _("The step in %s must be completed first.") % waiting.first().jurisdiction.name,
            code="step_waiting",
        )
    if not approved and not note.strip():
        raise ValidationError({"note": _("Say why the step is denied.")})
    at = now(at)
    material = _decision_document(application, document, acting_user, at)
    step.outcome = HandlingStep.Outcome.APPROVED if approved else HandlingStep.Outcome.DENIED
    step.completed_by, step.completed_at, step.note = person(acting_user), at, note.strip()
    step.save()
    audit_record(
        actor=acting_user,
        action="services.step.complete",
        obj=application,
        jurisdiction=step.jurisdiction.code,
        data={"step": step.jurisdiction.code, "outcome": step.outcome, "document": material.sha256},
    )
    pending = list(
        application.steps.filter(outcome=HandlingStep.Outcome.PENDING).select_related(
            "jurisdiction", "authority__jurisdiction"
        )
    )
    if approved and pending:
        _hand_to_next_steps(acting_user, application, step, pending, material, at)
        return step
    if not approved:
        application.steps.filter(outcome=HandlingStep.Outcome.PENDING).update(outcome=HandlingStep.Outcome.CANCELLED)
    _decide(acting_user, application, approved, note, step.authority, material, at)
    return step


def _decide(acting_user, application, approved, note, authority, material, at):
    decision = Application.Decision.APPROVED if approved else Application.Decision.DENIED
    _move(
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


def _hand_to_next_steps(acting_user, application, step, pending, material, at):
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


@write
def application_deliver(*, acting_user, application, method, tracking_number="", at=None):
    """The decision reaches the applicant: by courier (tracking number recorded) or at the
    window."""
    application = _lock(application)
    workflow.check(application, "deliver")
    if method == Application.Delivery.WINDOW:
        if application.receiving_window_id is None:
            raise ValidationError({"method": _("This application has no receiving window to pick up at.")})
        require_scope(acting_user, DELIVER, window_scope(application))
        tracking_number = ""
    elif method == Application.Delivery.COURIER:
        tracking_number = tracking_number.strip()
        if not tracking_number:
            raise ValidationError({"tracking_number": _("Enter the courier's tracking number.")})
        if not TRACKING.match(tracking_number):
            raise ValidationError(
                {
                    "tracking_number": _("A courier tracking number is 8 to 30 letters and digits, got “%s”.")
                    % tracking_number
                }
            )
        if (
            acting_user is not SYSTEM
            and not can(acting_user, DELIVER, window_scope(application))
            and not can(acting_user, DELIVER, steps_scope(application.steps.all()))
        ):
            raise PermissionDenied(_("You may not do this for this application."))
    else:
        raise ValidationError({"method": _("Deliver by courier or at the window.")})
    at = now(at)
    _move(
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
