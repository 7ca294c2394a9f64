"""Submission of applications: validated (applicant, identity, routing, materials), idempotent,
with once-only reuse of materials the account itself submitted; nothing is written until all of it
passed.

An account applies under one identity (AccountIdentity): bound by its first application, changed
only by a window officer who checked the papers. Reuse offers an account only the materials of its
own applications under that identity — never what a typed ID number finds.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import can, require
from yrd.core.actors import SYSTEM, person, write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction, Organisation, User
from yrd.core.personal import Kind, mask
from yrd.core.personal.subject import consent_record
from yrd.core.validators import clean_uscc
from yrd.services.apps import APPLY, RECEIVE
from yrd.services.models import (
    AccountIdentity,
    Application,
    CompetentAuthority,
    HandlingStep,
    Material,
    Mode,
    ServiceItem,
)
from yrd.services.resident_id import clean_resident_id
from yrd.services.selectors import org_scope, reusable_materials

from .common import CheckedUpload, check_materials, missing_mandatory, new_number, now, province_of
from .common import write_materials as write_uploaded_materials

OPERATION = "services.application.submit"
NAME_LENGTH = 200


@dataclass(frozen=True)
class ApplicationDraft:
    """What an applicant (or a window officer for them) hands in. `handling` lists the handling
    provinces in order; `uploads` are (material type code, file); `reuse` maps a material type code
    to the id of a material the account holds. `applicant_user` is the account the application
    belongs to: the acting applicant themselves when empty."""

    item: ServiceItem
    mode: str
    applicant_kind: str
    applicant_name: str
    handling: tuple[Jurisdiction, ...]
    applicant_id_number: str = ""
    applicant_uscc: str = ""
    channel: str = Application.Channel.ONLINE
    receiving_window: Organisation | None = None
    parallel: bool = False
    uploads: tuple = ()
    reuse: dict = field(default_factory=dict)
    reuse_consent: bool = False
    applicant_user: User | None = None
    at: datetime | None = None
    is_demo: bool = False

    def request(self) -> dict:
        """What identifies the request for idempotency: every field, files by their content."""
        return {
            "item": self.item.code,
            "mode": self.mode,
            "applicant": [self.applicant_kind, self.applicant_name, self.applicant_id_number, self.applicant_uscc],
            "handling": [p.code for p in self.handling],
            "channel": self.channel,
            "window": self.receiving_window.pk if self.receiving_window else None,
            "parallel": self.parallel,
            "uploads": [[code, _digest(upload)] for code, upload in self.uploads],
            "reuse": {code: str(pk) for code, pk in self.reuse.items()},
            "reuse_consent": self.reuse_consent,
        }


@dataclass
class Checked:
    """A draft that passed every check: the cleaned identity, the route and the materials."""

    id_number: str
    uscc: str
    routed: list  # [(province, competent authority)]
    uploads: list[CheckedUpload]
    reused: list[Material]
    account: User | None


def _digest(upload) -> str:
    upload.seek(0)
    digest = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    return digest


REUSE_CONSENT = "services.material_reuse"  # declared with its wording in the manifest


@write
def application_submit(*, acting_user, draft: ApplicationDraft, idempotency_key: str | None = None) -> Application:
    """Submit an application. A retry with the same idempotency key and the same draft returns the
    first application (marked `replayed`) and writes nothing; the same key with another draft is a
    409."""
    earlier = idempotency.claim(
        acting_user=acting_user, operation=OPERATION, key=idempotency_key, request=draft.request()
    )
    if earlier is not None:
        application = Application.objects.get(pk=earlier)
        application.replayed = True
        return application
    _may_submit(acting_user, draft)
    checked = _validated(acting_user, draft)
    application = _create(acting_user, draft, checked)
    _bind_identity(checked.account, draft, checked, at=application.submitted_at)
    _audit_submission(acting_user, application, draft, checked)
    if checked.reused:
        consent_record(
            acting_user=acting_user,
            code=REUSE_CONSENT,
            user=checked.account,
            obj=application,
            at=application.submitted_at,
        )
    idempotency.fulfil(acting_user=acting_user, operation=OPERATION, key=idempotency_key, result_id=application.pk)
    application.replayed = False
    return application


def _may_submit(acting_user, draft: ApplicationDraft) -> None:
    if acting_user is SYSTEM or can(acting_user, APPLY):
        return
    window = draft.receiving_window
    if (
        draft.channel == Application.Channel.WINDOW
        and window is not None
        and can(acting_user, RECEIVE, org_scope(window))
    ):
        return
    raise PermissionDenied(
        _("You may not apply here: applicants apply for themselves, window officers at their own window.")
    )


def _account(acting_user, draft: ApplicationDraft) -> User | None:
    """The account the application belongs to."""
    if draft.applicant_user is not None:
        return draft.applicant_user
    if acting_user is not SYSTEM and can(acting_user, APPLY):
        return acting_user
    return None


def _validated(acting_user, draft: ApplicationDraft) -> Checked:
    """Every check at once; one ValidationError naming each bad field, or the checked draft."""
    errors: dict[str, list] = {}
    account = _account(acting_user, draft)
    id_number, uscc = _applicant(draft, errors)
    _same_identity(account, draft.applicant_kind, id_number, uscc, errors)
    routed = _routing(draft, errors)
    try:
        uploads = check_materials(draft.item, draft.uploads)
    except ValidationError as error:
        errors.setdefault("materials", []).extend(error.message_dict["materials"])
        uploads = []
    reused = _reused(account, draft, errors)
    types = [c.material_type.code for c in uploads] + [m.material_type.code for m in reused]
    if len(types) != len(set(types)):
        errors.setdefault("materials", []).append(_("Give each material once."))
    if draft.channel == Application.Channel.ONLINE:
        # Listed with the other reasons; an upload refused above is named there, not here.
        missing = missing_mandatory(draft.item, set(types) | {code for code, _file in draft.uploads})
        if missing:
            errors.setdefault("materials", []).append(_("Missing: %s.") % ", ".join(missing))
    if errors:
        raise ValidationError(errors)
    return Checked(id_number, uscc, routed, uploads, reused, account)


def _applicant(draft: ApplicationDraft, errors: dict) -> tuple[str, str]:
    name = draft.applicant_name.strip()
    if not name:
        errors.setdefault("applicant_name", []).append(_("Give the applicant's name."))
    elif len(name) > NAME_LENGTH:
        errors.setdefault("applicant_name", []).append(_("At most %(n)s characters.") % {"n": NAME_LENGTH})
    wanted = (
        Application.ApplicantKind.PERSON
        if draft.item.audience == ServiceItem.Audience.INDIVIDUAL
        else Application.ApplicantKind.ENTERPRISE
    )
    if draft.applicant_kind != wanted:
        errors.setdefault("applicant_kind", []).append(
            _("%(item)s is for %(audience)s.")
            % {"item": draft.item.name, "audience": draft.item.get_audience_display()}
        )
        return "", ""
    try:
        if wanted == Application.ApplicantKind.PERSON:
            return clean_resident_id(draft.applicant_id_number.strip()), ""
        return "", clean_uscc(draft.applicant_uscc.strip())
    except ValidationError as error:
        field_name = "applicant_id_number" if wanted == Application.ApplicantKind.PERSON else "applicant_uscc"
        errors.setdefault(field_name, []).extend(error.messages)
        return "", ""


def _same_identity(account: User | None, kind: str, id_number: str, uscc: str, errors: dict) -> None:
    """An account applies only under the identity it is bound to."""
    bound = AccountIdentity.objects.filter(user=account).first() if account is not None else None
    if bound is None or not (id_number or uscc):
        return
    if (bound.id_number, bound.uscc) != (id_number, uscc):
        field_name = "applicant_id_number" if kind == Application.ApplicantKind.PERSON else "applicant_uscc"
        errors.setdefault(field_name, []).append(
            _(
                "This account applies as %(identity)s. To apply for someone else, apply with their own "
                "account or at a service window; a window officer can change the account's identity "
                "after checking the papers."
            )
            % {"identity": bound.masked_number}
        )


def _routing(draft: ApplicationDraft, errors: dict) -> list:
    """The competent authority of each handling province, in order, or errors saying why not."""
    item, mode = draft.item, draft.mode
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
    _channel_errors(draft, errors)
    provinces = list(draft.handling)
    if len({p.pk for p in provinces}) != len(provinces) or not provinces:
        errors.setdefault("handling", []).append(_("Name each handling province once."))
        return []
    _handling_errors(draft, provinces, errors)
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


def _channel_errors(draft: ApplicationDraft, errors: dict) -> None:
    mode, channel, window = draft.mode, draft.channel, draft.receiving_window
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


def _handling_errors(draft: ApplicationDraft, provinces: list, errors: dict) -> None:
    mode, window = draft.mode, draft.receiving_window
    if mode == Mode.JOINT and len(provinces) < 2:
        errors.setdefault("handling", []).append(_("Joint handling needs two or more jurisdictions."))
    if mode != Mode.JOINT and len(provinces) != 1:
        errors.setdefault("handling", []).append(_("Only joint handling has more than one jurisdiction."))
    if mode == Mode.REMOTE and window is not None and province_of(window).pk == provinces[0].pk:
        errors.setdefault("handling", []).append(
            _(
                "The window is in %(province)s, the handling province: remote receive-and-forward is for "
                "another province's matters; apply for it as a local matter."
            )
            % {"province": provinces[0].name}
        )


def _reused(account: User | None, draft: ApplicationDraft, errors: dict) -> list[Material]:
    """The account's own held materials the applicant consents to reuse."""
    if not draft.reuse:
        return []
    if not draft.reuse_consent:
        errors.setdefault("reuse", []).append(_("Reusing materials the platform holds needs the applicant's consent."))
        return []
    wanted = set(draft.item.materials.values_list("material_type__code", flat=True))
    ids = [int(pk) for pk in draft.reuse.values() if str(pk).isdigit()]
    held = {m.pk: m for m in reusable_materials(account).filter(pk__in=ids)} if account else {}
    chosen = []
    for code, material_id in draft.reuse.items():
        material = held.get(int(material_id)) if str(material_id).isdigit() else None
        if code not in wanted:
            errors.setdefault("reuse", []).append(
                _("“%(type)s” is not a material %(item)s asks for.") % {"type": code, "item": draft.item.name}
            )
        elif material is None or material.material_type.code != code:
            errors.setdefault("reuse", []).append(_("Your account holds no %(type)s to reuse.") % {"type": code})
        else:
            chosen.append(material)
    return chosen


def _create(acting_user, draft: ApplicationDraft, checked: Checked) -> Application:
    at = now(draft.at)
    application = Application.objects.create(
        number=new_number(at),
        item=draft.item,
        mode=draft.mode,
        channel=draft.channel,
        receiving_window=draft.receiving_window,
        applicant_user=checked.account,
        applicant_kind=draft.applicant_kind,
        applicant_name=draft.applicant_name.strip(),
        applicant_id_number=checked.id_number,
        applicant_uscc=checked.uscc,
        submitted_by=person(acting_user),
        submitted_at=at,
        is_demo=draft.is_demo,
    )
    for n, (province, authority) in enumerate(checked.routed, start=1):
        HandlingStep.objects.create(
            application=application, jurisdiction=province, authority=authority, order=1 if draft.parallel else n
        )
    write_uploaded_materials(application, checked.uploads, acting_user=acting_user, at=at)
    for earlier in checked.reused:
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
    return application


def _bind_identity(account: User | None, draft: ApplicationDraft, checked: Checked, *, at) -> None:
    """An account's first application binds it to the identity it applied under."""
    if account is None or AccountIdentity.objects.filter(user=account).exists():
        return
    AccountIdentity.objects.create(
        user=account,
        kind=draft.applicant_kind,
        name=draft.applicant_name.strip(),
        id_number=checked.id_number,
        uscc=checked.uscc,
        bound_at=at,
    )


def _audit_submission(acting_user, application: Application, draft: ApplicationDraft, checked: Checked) -> None:
    audit_record(
        actor=acting_user,
        action=OPERATION,
        obj=application,
        jurisdiction=checked.routed[0][0].code,
        data={
            "item": draft.item.code,
            "mode": draft.mode,
            "channel": draft.channel,
            "window": draft.receiving_window.pk if draft.receiving_window else None,
            "handling": [p.code for p, _a in checked.routed],
            "materials": [c.sha256 for c in checked.uploads],
            "reused": [
                {"type": m.material_type.code, "from": m.application.number, "sha256": m.sha256} for m in checked.reused
            ],
            "consent": bool(checked.reused),
        },
    )


@write
def account_identity_set(
    *, acting_user, account: User, kind: str, name: str, id_number: str = "", uscc: str = "", at=None
) -> AccountIdentity:
    """A window officer, having checked the person's papers, binds `account` to an identity (or
    changes the one it had). The old and new identity are audited, masked."""
    require(acting_user, RECEIVE, None, _("Only a window officer can change the identity an account applies under."))
    errors: dict[str, list] = {}
    try:
        if kind == AccountIdentity.ApplicantKind.PERSON:
            id_number, uscc = clean_resident_id(id_number.strip()), ""
        elif kind == AccountIdentity.ApplicantKind.ENTERPRISE:
            id_number, uscc = "", clean_uscc(uscc.strip())
        else:
            errors["kind"] = [_("Choose person or enterprise.")]
    except ValidationError as error:
        errors["id_number" if kind == AccountIdentity.ApplicantKind.PERSON else "uscc"] = error.messages
    if not name.strip() or len(name.strip()) > NAME_LENGTH:
        errors["name"] = [_("Give the name (at most %(n)s characters).") % {"n": NAME_LENGTH}]
    if errors:
        raise ValidationError(errors)
    identity = AccountIdentity.objects.select_for_update().filter(user=account).first()
    before = identity.masked_number if identity else ""
    identity = identity or AccountIdentity(user=account)
    identity.kind, identity.name, identity.id_number, identity.uscc = kind, name.strip(), id_number, uscc
    identity.bound_at, identity.verified_by = now(at), person(acting_user)
    identity.full_clean()
    identity.save()
    audit_record(
        actor=acting_user,
        action="services.identity.set",
        obj=identity,
        data={"account": account.pk, "from": before, "to": identity.masked_number, "name": mask(Kind.NAME, name)},
    )
    return identity
