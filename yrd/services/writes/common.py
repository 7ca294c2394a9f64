"""Pieces every write of the services app shares: locking an application and moving its state with
its audit entry, materials checked before anything is written, exchange records, notifications."""

import hashlib
import json
import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.actors import person
from yrd.core.audit import audit_record, plain_json
from yrd.core.models import Organisation
from yrd.core.notifications import notify
from yrd.core.personal import redacted
from yrd.core.uploads import check_upload
from yrd.services import clock
from yrd.services.models import Application, ExchangeRecord, Material, MaterialType
from yrd.services.workflow import lead_steps


def now(at=None):
    return at or timezone.now()


def new_number(at):
    return f"{timezone.localdate(at):%y%m%d}-{uuid.uuid4().hex[:8].upper()}"


def lock(application: Application) -> Application:
    """Re-read the application under a row lock, so two officers cannot move it at once."""
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("item", "receiving_window__jurisdiction__parent")
        .get(pk=application.pk)
    )


AUDITED_FIELDS = ("rejection_reasons", "decision", "tracking_number", "delivery_method", "consent_signed")


def move(acting_user, application: Application, name: str, target: str, at, **fields) -> Application:
    """Set the application's new state (and `fields`), and audit the transition."""
    before = application.state
    application.state = target
    for key, value in fields.items():
        setattr(application, key, value)
    clock.record(application)
    application.save()
    audit_record(
        actor=acting_user,
        action=f"services.application.{name}",
        obj=application,
        jurisdiction=lead_steps(application)[0].jurisdiction.code,
        data=redacted(
            Application, {"from": before, "to": target, **{k: v for k, v in fields.items() if k in AUDITED_FIELDS}}
        ),
    )
    return application


def lead_authority(application: Application) -> Organisation:
    return lead_steps(application)[0].authority


def missing_mandatory(item, present_codes) -> list[str]:
    """Names of the mandatory materials of `item` whose type codes are not in `present_codes`."""
    return [
        r.material_type.name
        for r in item.materials.select_related("material_type")
        if r.mandatory and r.material_type.code not in present_codes
    ]


def province_of(organisation):
    return organisation.jurisdiction.province


class CheckedUpload:
    """An upload that passed the checks, waiting to be written."""

    def __init__(self, upload, material_type, content_type, digest):
        self.upload, self.material_type = upload, material_type
        self.content_type, self.sha256 = content_type, digest


def check_materials(item, uploads):
    """Check `uploads` [(material type code, file)] against what `item` asks for. Returns the
    checked uploads or raises one ValidationError naming each bad file; nothing is written."""
    required = {r.material_type.code: r for r in item.materials.select_related("material_type")}
    checked, errors = [], []
    for code, upload in uploads:
        requirement = required.get(code)
        if requirement is None:
            errors.append(
                _("%(name)s: “%(type)s” is not a material %(item)s asks for.")
                % {"name": upload.name, "type": code, "item": item.name}
            )
            continue
        try:
            content_type, digest = check_upload(
                upload, allowed=requirement.content_types, max_bytes=requirement.max_mb * 2**20
            )
        except ValidationError as error:
            detail = " ".join(error.messages)
            errors.append(
                _("%(type)s (%(formats)s): %(detail)s")
                % {
                    "type": requirement.material_type.name,
                    "formats": requirement.formats_label,
                    "detail": detail,
                }
            )
            continue
        checked.append(CheckedUpload(upload, requirement.material_type, content_type, digest))
    if errors:
        raise ValidationError({"materials": errors})
    return checked


def write_materials(application, checked, *, acting_user, at):
    return [
        Material.objects.create(
            application=application,
            material_type=c.material_type,
            file=c.upload,
            original_name=c.upload.name[:200],
            content_type=c.content_type,
            size=c.upload.size,
            sha256=c.sha256,
            added_by=person(acting_user),
            added_at=at,
        )
        for c in checked
    ]


def decision_type(item):
    return (
        item.decision_material
        or MaterialType.objects.get_or_create(
            code="decision", defaults={"name_zh": "决定文书", "name_en": "Decision document"}
        )[0]
    )


def payload_digest(payload):
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def record_exchange(*, acting_user, application, kind, sender, receiver, payload, at):
    """A hand-off between two organisations: checksum of what was sent, in the audit chain too."""
    payload = plain_json(payload)
    digest = payload_digest(payload)
    sender_province, receiver_province = province_of(sender).code, province_of(receiver).code
    entry = audit_record(
        actor=acting_user,
        action=f"services.exchange.{kind}",
        obj=application,
        jurisdiction=sender_province,
        data={
            "sender": sender.pk,
            "sender_name": sender.name_zh,
            "receiver": receiver.pk,
            "receiver_name": receiver.name_zh,
            "sender_province": sender_province,
            "receiver_province": receiver_province,
            "payload_sha256": digest,
        },
    )
    return ExchangeRecord.objects.create(
        application=application,
        kind=kind,
        sender=sender,
        receiver=receiver,
        sender_province=sender_province,
        receiver_province=receiver_province,
        payload=payload,
        payload_sha256=digest,
        sent_at=at,
        sent_by=person(acting_user),
        audit_seq=entry.seq,
    )


def material_summary(application: Application) -> list[dict]:
    return [
        {"type": m.material_type.code, "sha256": m.sha256, "role": m.role}
        for m in application.materials.select_related("material_type").order_by("pk")
    ]


def tell(recipients, subject, application: Application, body: str = "") -> None:
    recipients = [r for r in recipients if r is not None]
    if recipients:
        notify(
            recipients=recipients,
            subject=subject,
            body=body,
            url=f"/services/applications/{application.number}/",
        )
