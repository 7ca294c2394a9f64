"""One entry for pages and the API: perform a named transition with the inputs a form or a JSON
body gave. The services themselves do every check."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .decisions import (
    application_decide,
    application_deliver,
    application_start_handling,
    step_complete,
)
from .transitions import (
    application_accept,
    application_forward,
    application_receive,
    application_reject,
    correction_request,
    correction_respond,
)


def _step(user, application, code):
    steps = list(application.steps.all())
    if code:
        chosen = [s for s in steps if s.jurisdiction.code == code]
        if not chosen:
            raise ValidationError({"step": _("This application has no step in %s.") % code})
        return chosen[0]
    pending = [s for s in steps if s.outcome == "pending"]
    if not pending:
        raise ValidationError({"step": _("Name the step to complete.")})
    return min(pending, key=lambda s: s.order)


def _approved(inputs):
    if inputs.get("approved") is None:
        raise ValidationError({"approved": _("Say whether the application is approved or denied.")})
    return bool(inputs["approved"])


def perform(user, application, name, inputs):
    common = {"acting_user": user, "application": application}
    if name == "receive":
        return application_receive(
            **common,
            consent_signed=bool(inputs.get("consent_signed")),
            uploads=inputs.get("uploads", ()),
        )
    if name == "forward":
        return application_forward(**common, to_province=inputs.get("to_province"))
    if name == "accept":
        return application_accept(**common)
    if name == "reject":
        return application_reject(**common, reasons=inputs.get("reasons", ""))
    if name == "request_correction":
        return correction_request(
            **common,
            reasons=inputs.get("reasons", ""),
            material_types=inputs.get("material_types", ()),
        )
    if name == "respond_correction":
        return correction_respond(**common, uploads=inputs.get("uploads", ()), note=inputs.get("note", ""))
    if name == "start_handling":
        return application_start_handling(**common)
    if name == "decide":
        return application_decide(
            **common,
            approved=_approved(inputs),
            note=inputs.get("note", ""),
            document=inputs.get("document"),
        )
    if name == "complete_step":
        return step_complete(
            acting_user=user,
            step=_step(user, application, inputs.get("step")),
            approved=_approved(inputs),
            note=inputs.get("note", ""),
            document=inputs.get("document"),
        )
    if name == "deliver":
        return application_deliver(
            **common,
            method=inputs.get("method", ""),
            tracking_number=inputs.get("tracking_number", ""),
        )
    raise ValidationError({"action": _("Unknown action %s.") % name})
