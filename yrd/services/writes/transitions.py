"""Workflow transitions up to acceptance: receive, forward, accept, reject, correction. Each checks
the workflow (409), the performer's side (403), then the input (400), and writes nothing before."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.actors import person, write
from yrd.core.personal.subject import consent_record, consent_withdrawn
from yrd.core.translation import interpolate_lazy
from yrd.core.workdays import add_workdays
from yrd.services.apps import ACCEPT
from yrd.services.clock import REVIEW_DAYS, local_day
from yrd.services.models import CompetentAuthority, Correction, ExchangeRecord, Mode, State
from yrd.services.selectors import officers_for
from yrd.services.workflow import authorise, is_applicant, lead_steps, performs

from .common import (
    check_materials,
    lead_authority,
    lock,
    material_summary,
    missing_mandatory,
    move,
    now,
    province_of,
    record_exchange,
    tell,
    write_materials,
)

FORM_CONSENT = "services.remote_handling"  # the signed form taken at the window; wording in the manifest


@performs("receive")
@write
def application_receive(*, acting_user, application, consent_signed=False, uploads=(), at=None):
    """The window (or, online, the competent authority) checks the materials: all mandatory ones
    there, and for remote receive-and-forward the applicant's signed consent form taken."""
    application = lock(application)
    authorise(acting_user, application, "receive")
    checked = check_materials(application.item, uploads)
    present = set(application.materials.values_list("material_type__code", flat=True))
    missing = missing_mandatory(application.item, present | {c.material_type.code for c in checked})
    errors = {}
    if missing:
        errors["materials"] = [_("Missing: %s.") % ", ".join(missing)]
    if application.mode == Mode.REMOTE and not consent_signed:
        errors["consent_signed"] = [_("Take the applicant's signed consent form before receiving.")]
    if errors:
        raise ValidationError(errors)
    at = now(at)
    write_materials(application, checked, acting_user=acting_user, at=at)
    consent = application.receiving_window_id is not None and (consent_signed or application.consent_signed)
    if consent and not application.consent_signed:
        consent_record(
            acting_user=acting_user, code=FORM_CONSENT, user=application.applicant_user, obj=application, at=at
        )
    return move(
        acting_user,
        application,
        "receive",
        State.RECEIVED,
        at,
        received_at=at,
        consent_signed=consent,
    )


@performs("forward")
@write
def application_forward(*, acting_user, application, to_province=None, at=None):
    """Hand a remote application from the receiving window to the competent authority of the
    handling province (optionally re-routed to another province, which must have one)."""
    application = lock(application)
    authorise(acting_user, application, "forward")
    if consent_withdrawn(FORM_CONSENT, application):  # PIPL art. 15: what the form allowed stops
        raise ValidationError(
            {"consent_signed": [_("The applicant withdrew the signed consent form: the application is not forwarded.")]}
        )
    step = application.steps.select_related("jurisdiction", "authority__jurisdiction").get()
    if to_province is not None and to_province.pk != step.jurisdiction_id:
        authority = CompetentAuthority.objects.filter(item=application.item, province=to_province).first()
        if authority is None:
            raise ValidationError(
                {
                    "to_province": _("%(item)s has no competent authority in %(province)s; nothing was forwarded.")
                    % {"item": application.item.name, "province": to_province.name}
                }
            )
        if province_of(application.receiving_window).pk == to_province.pk:
            raise ValidationError({"to_province": _("That is the window's own province.")})
        step.jurisdiction, step.authority = to_province, authority.organisation
        step.save(update_fields=["jurisdiction", "authority"])
    at = now(at)
    review_due_on = add_workdays(local_day(at), REVIEW_DAYS)
    move(acting_user, application, "forward", State.FORWARDED, at, forwarded_at=at, review_due_on=review_due_on)
    record_exchange(
        acting_user=acting_user,
        application=application,
        kind=ExchangeRecord.Kind.FORWARD,
        sender=application.receiving_window,
        receiver=step.authority,
        at=at,
        payload={
            "application": application.number,
            "item": application.item.code,
            "applicant": application.applicant_name,
            "consent_signed": application.consent_signed,
            "handling": step.jurisdiction.code,
            "materials": material_summary(application),
        },
    )
    tell(
        officers_for(ACCEPT, step.jurisdiction, step.authority),
        interpolate_lazy(gettext_lazy("Application %s forwarded to you for review"), application.number),
        application,
    )
    return application


def _return_to_window(acting_user, application, reason, at):
    """A remote application goes back across the border to the window that received it."""
    if application.mode == Mode.REMOTE and application.forwarded_at:
        record_exchange(
            acting_user=acting_user,
            application=application,
            kind=ExchangeRecord.Kind.RETURN,
            sender=lead_authority(application),
            receiver=application.receiving_window,
            at=at,
            payload={
                "application": application.number,
                "state": application.state,
                "reason": reason,
            },
        )


@performs("accept")
@write
def application_accept(*, acting_user, application, at=None):
    application = lock(application)
    authorise(acting_user, application, "accept")
    at = now(at)
    move(acting_user, application, "accept", State.ACCEPTED, at, accepted_at=at)
    tell(
        [application.applicant_user],
        interpolate_lazy(gettext_lazy("Application %s accepted"), application.number),
        application,
    )
    return application


@performs("reject")
@write
def application_reject(*, acting_user, application, reasons, at=None):
    application = lock(application)
    authorise(acting_user, application, "reject")
    if not reasons.strip():
        raise ValidationError({"reasons": _("Say why the application is rejected.")})
    at = now(at)
    move(acting_user, application, "reject", State.REJECTED, at, rejection_reasons=reasons.strip())
    _return_to_window(acting_user, application, reasons.strip(), at)
    tell(
        [application.applicant_user],
        interpolate_lazy(gettext_lazy("Application %s rejected"), application.number),
        application,
        body=reasons,
    )
    return application


@performs("request_correction")
@write
def correction_request(*, acting_user, application, reasons, material_types=(), at=None):
    """补正: the application goes back to the applicant; the clock stops until they answer."""
    application = lock(application)
    authorise(acting_user, application, "request_correction")
    if not reasons.strip():
        raise ValidationError({"reasons": _("Say what the applicant must correct.")})
    asked = set(application.item.materials.values_list("material_type__code", flat=True))
    unknown = [t.code for t in material_types if t.code not in asked]
    if unknown:
        raise ValidationError(
            {
                "material_types": _("%(item)s does not ask for: %(types)s.")
                % {"item": application.item.name, "types": ", ".join(unknown)}
            }
        )
    at = now(at)
    correction = Correction.objects.create(
        application=application, requested_by=person(acting_user), requested_at=at, reasons=reasons.strip()
    )
    correction.material_types.set(material_types)
    move(
        acting_user,
        application,
        "request_correction",
        State.CORRECTION,
        at,
        resume_state=application.state,
    )
    _return_to_window(acting_user, application, reasons.strip(), at)
    tell(
        [application.applicant_user],
        interpolate_lazy(gettext_lazy("Application %s: correction requested"), application.number),
        application,
        body=reasons,
    )
    return correction


@performs("respond_correction")
@write
def correction_respond(*, acting_user, application, uploads=(), note="", at=None):
    """The applicant (or the receiving window for them) provides what was asked; the application
    returns to where it was and the clock runs again."""
    application = lock(application)
    authorise(acting_user, application, "respond_correction")
    # Not the applicant: then it is the receiving window, answering for them.
    by_window = application.receiving_window_id is not None and not is_applicant(acting_user, application)
    correction = application.corrections.filter(responded_at__isnull=True).order_by("-requested_at").first()
    checked = check_materials(application.item, uploads)
    wanted = {t.code: t.name for t in correction.material_types.all()}
    missing = [name for code, name in wanted.items() if code not in {c.material_type.code for c in checked}]
    if missing:
        raise ValidationError({"materials": [_("Still missing: %s.") % ", ".join(missing)]})
    if not checked and not note.strip():
        raise ValidationError({"note": _("Answer the request: upload the material or write a note.")})
    at = now(at)
    write_materials(application, checked, acting_user=acting_user, at=at)
    correction.responded_by, correction.responded_at, correction.response_note = (
        person(acting_user),
        at,
        note.strip(),
    )
    correction.save(update_fields=["responded_by", "responded_at", "response_note"])
    move(
        acting_user,
        application,
        "respond_correction",
        application.resume_state,
        at,
        resume_state="",
    )
    if by_window and application.mode == Mode.REMOTE and application.forwarded_at:
        record_exchange(
            acting_user=acting_user,
            application=application,
            kind=ExchangeRecord.Kind.FORWARD,
            sender=application.receiving_window,
            receiver=lead_authority(application),
            at=at,
            payload={
                "application": application.number,
                "correction": correction.pk,
                "materials": [{"type": c.material_type.code, "sha256": c.sha256} for c in checked],
            },
        )
    steps = lead_steps(application)
    tell(
        officers_for(ACCEPT, steps[0].jurisdiction, steps[0].authority),
        interpolate_lazy(
            gettext_lazy("Application %s: the applicant answered the correction request"),
            application.number,
        ),
        application,
    )
    return application
