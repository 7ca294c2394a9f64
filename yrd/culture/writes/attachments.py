"""Adding and removing a resource's photos and documents (see models.attachments).

Adding checks the caller edits the resource, the file's type by its content (PDF, JPEG, PNG) and
size, and the captions' lengths. A photo of a sensitive site never keeps where it was taken: its
GPS metadata is removed (Pillow), or, without Pillow, a photo that has it is refused.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.uploads import check_upload
from yrd.culture import exif
from yrd.culture.apps import EDIT
from yrd.culture.models import Attachment, HeritageResource

from .common import refuse_if, text_errors

MAX_BYTES = 10 * 2**20
MAX_PER_RESOURCE = 50


@dataclass
class AttachmentInput:
    caption_zh: str = ""
    caption_en: str = ""
    public: bool = False


def _checked_file(upload) -> tuple[str, str]:
    if upload is None:
        raise ValidationError({"file": [_("Choose a file to upload (PDF, JPEG or PNG).")]})
    try:
        return check_upload(upload, max_bytes=MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None


def _without_location(resource: HeritageResource, upload, content_type: str) -> tuple[ContentFile | None, bool]:
    """(a cleaned copy to store instead, or None to store the upload as sent; whether it keeps GPS)."""
    if not content_type.startswith("image/"):
        return None, False
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not exif.has_gps(data):
        return None, False
    if not resource.sensitive:
        return None, True
    cleaned = exif.strip_gps(data, content_type)
    if cleaned is None or exif.has_gps(cleaned):
        raise ValidationError(
            {
                "file": [
                    _(
                        "This photo records where it was taken, and this site's location is withheld; "
                        "remove its GPS data and upload it again."
                    )
                ]
            }
        )
    return ContentFile(cleaned, name=upload.name), False


@write
def attachment_add(*, acting_user, resource: HeritageResource, upload, data: AttachmentInput) -> Attachment:
    require(acting_user, EDIT, resource)
    errors = text_errors(Attachment, {"caption_zh": data.caption_zh, "caption_en": data.caption_en})
    if not isinstance(data.public, bool):
        errors["public"] = [_("Must be true or false.")]
    if resource.attachments.count() >= MAX_PER_RESOURCE:
        errors["file"] = [_("A resource has at most %(n)d files; remove one first.") % {"n": MAX_PER_RESOURCE}]
    refuse_if(errors)
    content_type, digest = _checked_file(upload)
    cleaned, keeps_gps = _without_location(resource, upload, content_type)
    if cleaned is not None:
        digest = _digest(cleaned)
    attachment = Attachment.objects.create(
        resource=resource,
        file=cleaned or upload,
        name=(upload.name or "file")[-200:],
        caption_zh=data.caption_zh.strip(),
        caption_en=data.caption_en.strip(),
        content_type=content_type,
        sha256=digest,
        public=data.public,
        has_gps=keeps_gps,
        added_by=person(acting_user),
    )
    audit_record(
        actor=acting_user,
        action="culture.attachment.add",
        obj=resource,
        jurisdiction=resource.city.code,
        data={
            "attachment": attachment.pk,
            "sha256": digest,
            "content_type": content_type,
            "public": data.public,
            "gps_removed": cleaned is not None,
        },
    )
    return attachment


def _digest(content: ContentFile) -> str:
    _type, digest = check_upload(content, max_bytes=MAX_BYTES)
    return digest


@write
def attachment_remove(*, acting_user, attachment: Attachment) -> None:
    resource = attachment.resource
    require(acting_user, EDIT, resource)
    audit_record(
        actor=acting_user,
        action="culture.attachment.remove",
        obj=resource,
        jurisdiction=resource.city.code,
        data={"attachment": attachment.pk, "sha256": attachment.sha256, "name": attachment.name},
    )
    storage, stored = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))  # the file goes only if the removal is kept
