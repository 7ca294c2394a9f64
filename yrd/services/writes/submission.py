"""Submission of applications: validated (applicant, routing, materials), idempotent, with
once-only reuse of materials the platform holds; nothing is written until all of it passed."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.actors import SYSTEM, person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.validators import clean_uscc
from yrd.services.apps import APPLY, RECEIVE
from yrd.services.models import (
    Application,
    CompetentAuthority,
    HandlingStep,
    Material,
    Mode,
    ServiceItem,
)
from yrd.services.resident_id import clean_resident_id
from yrd.services.scopes import (
    Scope,
)
from yrd.services.selectors import held_materials

from .common import (
    check_materials,
    new_number,
    now,
    province_of,
    write_materials,
)

# --- submission -------------------------------------------------------------------------------


def _earlier(idempotency_key, acting_user):
    earlier = Application.objects.filter(idempotency_key=idempotency_key).first()
    if earlier is not None and earlier.submitted_by_id != getattr(acting_user, "pk", None):
        raise Conflict(
            _("This idempotency key was already used for another application."),
            code="idempotency_key_reused",
        )
    return earlier


def _applicant(item, kind, name, id_number, uscc, errors):
    if not name.strip():
        errors.setdefault("applicant_name", []).append(_("Give the applicant's name."))
    wanted = (
        Application.ApplicantKind.PERSON
        if item.audience == ServiceItem.Audience.INDIVIDUAL
        else Application.ApplicantKind.ENTERPRISE
    )
    if kind != wanted:
        errors.setdefault("applicant_kind", []).append(
            _("%(item)s is for %(audience)s.") % {"item": item.name, "audience": item.get_audience_display()}
        )
        return "", ""
    try:
        if kind == Application.ApplicantKind.PERSON:
            return clean_resident_id(id_number.strip()), ""
        return "", clean_uscc(uscc.strip())
    except ValidationError as error:
        field = "applicant_id_number" if kind == Application.ApplicantKind.PERSON else "applicant_uscc"
        errors.setdefault(field, []).extend(error.messages)
        return "", ""


def _routing(item, mode, channel, window, handling, errors):
    """The competent authority of each handling province, in order, or errors saying why not."""
    if not item.offers(mode):
        errors.setdefault("mode", []).append(
            _("%(item)s is not offered as “%(mode)s”; it is offered as: %(modes)s.")
            % {
                "item": item.name,
                "mode": Mode(mode).label if mode in Mode.values else mode,
                "modes": ", ".join(str(m.label) for m in item.modes) or _("nothing yet"),
            }
        )
        return []
    if item.time_limit_days is None:
        errors.setdefault("item", []).append(
            _("%(item)s has no time limit set yet; it cannot be applied for.") % {"item": item.name}
        )
    if mode == Mode.REMOTE and channel != Application.Channel.WINDOW:
        errors.setdefault("channel", []).append(_("Remote receive-and-forward starts at a service window."))
    if mode == Mode.ONLINE and channel != Application.Channel.ONLINE:
        errors.setdefault("channel", []).append(_("A fully online service is applied for online."))
    if channel == Application.Channel.WINDOW:
        if window is None:
            errors.setdefault("receiving_window", []).append(_("Choose the service window."))
        elif window.kind != Organisation.Kind.GOVERNMENT or window.jurisdiction.level != Jurisdiction.Level.CITY:
            errors.setdefault("receiving_window", []).append(
                _("%(window)s is not a government service window in a city.") % {"window": window.name}
            )
    provinces = list(handling)
    if len({p.pk for p in provinces}) != len(provinces) or not provinces:
        errors.setdefault("handling", []).append(_("Name each handling province once."))
        return []
    if mode == Mode.JOINT and len(provinces) < 2:
        errors.setdefault("handling", []).append(_("Joint handling needs two or more jurisdictions."))
    if mode != Mode.JOINT and len(provinces) != 1:
        errors.setdefault("handling", []).append(_("Only joint handling has more than one jurisdiction."))
    if mode == Mode.REMOTE and window is not None and provinces and province_of(window).pk == provinces[0].pk:
        errors.setdefault("handling", []).append(
            _(
                "The window is in %(province)s, the handling province: remote receive-and-forward "
                "is for "
                "another province's matters; apply for it as a local matter."
            )
            % {"province": provinces[0].name}
        )
    authorities = {
        a.province_id: a.organisation
        for a in CompetentAuthority.objects.filter(item=item).select_related("organisation__jurisdiction")
    }
    routed = []
    for province in provinces:
        if province.pk not in authorities:
            errors.setdefault("handling", []).append(
                _("%(item)s has no competent authority in %(province)s; it cannot be handled there.")
                % {"item": item.name, "province": province.name}
            )
        else:
            routed.append((province, authorities[province.pk]))
    return routed


def _reusable(item, applicant_key, reuse, consent, errors):
    """Materials held for this applicant that they consent to reuse: [(material type, earlier)]."""
    if not reuse:
        return []
    if not consent:
        errors.setdefault("reuse", []).append(_("Reusing materials the platform holds needs the applicant's consent."))
        return []
    wanted = set(item.materials.values_list("material_type__code", flat=True))
    held = {m.pk: m for m in held_materials(applicant_key).filter(pk__in=list(reuse.values()))}
    chosen = []
    for code, material_id in reuse.items():
        material = held.get(int(material_id)) if str(material_id).isdigit() else None
        if code not in wanted:
            errors.setdefault("reuse", []).append(
                _("“%(type)s” is not a material %(item)s asks for.") % {"type": code, "item": item.name}
            )
        elif material is None or material.material_type.code != code:
            errors.setdefault("reuse", []).append(
                _("No %(type)s is held for this applicant to reuse.") % {"type": code}
            )
        else:
            chosen.append(material)
    return chosen


def _missing_mandatory(item, present_codes):
    return [
        r.material_type.name
        for r in item.materials.select_related("material_type")
        if r.mandatory and r.material_type.code not in present_codes
    ]


def _may_submit(acting_user, channel, window):
    if acting_user is SYSTEM or can(acting_user, APPLY):
        return
    if (
        channel == Application.Channel.WINDOW
        and window is not None
        and can(acting_user, RECEIVE, Scope((window.jurisdiction,), (window,)))
    ):
        return
    raise PermissionDenied(
        _("You may not apply here: applicants apply for themselves, window officers at their own window.")
    )


@write
def application_submit(
    *,
    acting_user,
    item,
    mode,
    applicant_kind,
    applicant_name,
    handling,
    applicant_id_number="",
    applicant_uscc="",
    channel=Application.Channel.ONLINE,
    receiving_window=None,
    parallel=False,
    uploads=(),
    reuse=None,
    reuse_consent=False,
    applicant_user=None,
    idempotency_key=None,
    at=None,
    is_demo=False,
):
    """Submit an application. `handling` is the ordered list of handling provinces; `uploads` are
    (material type code, file); `reuse` maps a material type code to a held material's id. A retry
    with the same idempotency key returns the first application and writes nothing."""
    if idempotency_key and (earlier := _earlier(idempotency_key, acting_user)) is not None:
        return earlier
    _may_submit(acting_user, channel, receiving_window)
    errors = {}
    id_number, uscc = _applicant(item, applicant_kind, applicant_name, applicant_id_number, applicant_uscc, errors)
    routed = _routing(item, mode, channel, receiving_window, handling, errors)
    try:
        checked = check_materials(item, uploads)
    except ValidationError as error:
        errors.setdefault("materials", []).extend(error.message_dict["materials"])
        checked = []
    reused = _reusable(item, id_number or uscc, reuse or {}, reuse_consent, errors)
    types = [c.material_type.code for c in checked] + [m.material_type.code for m in reused]
    if len(types) != len(set(types)):
        errors.setdefault("materials", []).append(_("Give each material once."))
    if channel == Application.Channel.ONLINE:
        # Listed with the other reasons; an upload refused above is named there, not here.
        missing = _missing_mandatory(item, set(types) | {code for code, _file in uploads})
        if missing:
            errors.setdefault("materials", []).append(_("Missing: %s.") % ", ".join(missing))
    if errors:
        raise ValidationError(errors)
    at = now(at)
    if applicant_user is None and acting_user is not SYSTEM and can(acting_user, APPLY):
        applicant_user = acting_user
    application = Application(
        number=new_number(at),
        item=item,
        mode=mode,
        channel=channel,
        receiving_window=receiving_window,
        applicant_user=applicant_user,
        applicant_kind=applicant_kind,
        applicant_name=applicant_name.strip(),
        applicant_id_number=id_number,
        applicant_uscc=uscc,
        submitted_by=person(acting_user),
        submitted_at=at,
        idempotency_key=idempotency_key or None,
        is_demo=is_demo,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        earlier = _earlier(idempotency_key, acting_user) if idempotency_key else None
        if earlier is None:
            raise
        return earlier
    for n, (province, authority) in enumerate(routed, start=1):
        HandlingStep.objects.create(
            application=application,
            jurisdiction=province,
            authority=authority,
            order=1 if parallel else n,
        )
    write_materials(application, checked, acting_user=acting_user, at=at)
    for earlier in reused:
        Material.objects.create(
            application=application,
            material_type=earlier.material_type,
            file=earlier.file.name,
            original_name=earlier.original_name,
            content_type=earlier.content_type,
            size=earlier.size,
            sha256=earlier.sha256,
            reused_from=earlier,
            reuse_consent_at=at,
            added_by=person(acting_user),
            added_at=at,
        )
    audit_record(
        actor=acting_user,
        action="services.application.submit",
        obj=application,
        jurisdiction=routed[0][0].code,
        data={
            "item": item.code,
            "mode": mode,
            "channel": channel,
            "window": receiving_window.pk if receiving_window else None,
            "handling": [p.code for p, _a in routed],
            "materials": [c.sha256 for c in checked],
            "reused": [
                {"type": m.material_type.code, "from": m.application.number, "sha256": m.sha256} for m in reused
            ],
            "consent": bool(reused),
        },
    )
    return application
