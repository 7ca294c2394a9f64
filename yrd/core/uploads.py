"""Uploaded evidence and materials: type checked by content, size limited, stored with a checksum."""

import hashlib
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def sniff_type(head: bytes):
    for content_type, magics in SIGNATURES.items():
        if any(head.startswith(magic) for magic in magics):
            return content_type
    return None


def check_upload(upload, *, allowed=tuple(SIGNATURES), max_bytes=DEFAULT_MAX_BYTES):
    """Return (content_type, sha256) of an uploaded file, or raise a ValidationError naming it."""
    name = getattr(upload, "name", "file")
    if upload.size > max_bytes:
        raise ValidationError(
            _("%(name)s is %(size)s MB; the limit is %(limit)s MB."),
            params={"name": name, "size": round(upload.size / 2**20, 1), "limit": max_bytes // 2**20},
        )
    upload.seek(0)
    content_type = sniff_type(upload.read(16))
    if content_type not in allowed:
        raise ValidationError(
            _("%(name)s is not a PDF, JPEG or PNG file (checked by its content, not its name)."),
            params={"name": name},
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return content_type, digest.hexdigest()


@deconstructible
class RandomName:
    """`upload_to=RandomName("services/materials")`: files are stored under a random name in the
    folder, so a stored name reveals nothing (the sender's file name is kept in the model) and
    cannot be guessed."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = Path(filename).suffix.lower()[:10]
        suffix = suffix if suffix.isascii() else ""
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder
