"""Photos and documents of a resource: added by its city's officers only, checked by content and
size, captions limited, audited; photos of sensitive sites lose their GPS data, or are refused when
it cannot be removed; removal is audited and leaves the file store."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.models import AuditEntry
from yrd.culture import exif, writes
from yrd.culture.models import Attachment
from yrd.culture.tests import factories as f
from yrd.culture.tests.photos import PDF, image, upload
from yrd.culture.writes.attachments import AttachmentInput


def add(user, site, data: bytes, name="photo.jpg", **fields):
    return writes.attachment_add(
        acting_user=user, resource=site, upload=upload(data, name), data=AttachmentInput(**fields)
    )


def test_the_citys_officer_adds_a_document_and_others_are_refused(world):
    site = f.resource()
    added = add(world.sz_officer, site, PDF, "listing.pdf", caption_zh="公布文件", public=True)
    assert (added.content_type, added.name, added.public) == ("application/pdf", "listing.pdf", True)
    assert "listing" not in added.file.name  # stored under a random name
    assert AuditEntry.objects.filter(action="culture.attachment.add").count() == 1
    for stranger in (world.jx_officer, world.js_reviewer, world.visitor):
        with pytest.raises(PermissionDenied):
            add(stranger, site, PDF, "x.pdf")
    assert Attachment.objects.count() == 1


def test_a_file_that_is_not_pdf_jpeg_or_png_by_content_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        add(world.sz_officer, f.resource(), b"<html>not a photo</html>", "photo.jpg")
    assert "checked by its content" in refused.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_a_missing_file_and_a_long_caption_are_refused_by_field(world):
    site = f.resource()
    with pytest.raises(ValidationError) as missing:
        writes.attachment_add(acting_user=world.sz_officer, resource=site, upload=None, data=AttachmentInput())
    assert list(missing.value.message_dict) == ["file"]
    with pytest.raises(ValidationError) as long:
        add(world.sz_officer, site, PDF, caption_en="x" * 201)
    assert "At most 200 characters" in long.value.message_dict["caption_en"][0]
    assert not Attachment.objects.exists()


def test_a_photo_of_a_sensitive_site_is_stored_without_its_gps(world):
    site = f.resource(sensitive=True)
    added = add(world.sz_officer, site, image("JPEG"), public=True)
    stored = added.file.open("rb").read()
    assert not exif.has_gps(stored) and not added.has_gps
    assert AuditEntry.objects.get(action="culture.attachment.add").data["gps_removed"] is True


def test_a_photo_of_an_open_site_keeps_its_gps_but_it_is_recorded(world):
    added = add(world.sz_officer, f.resource(), image("PNG"), "photo.png")
    assert exif.has_gps(added.file.open("rb").read()) and added.has_gps


def test_without_pillow_a_photo_with_gps_of_a_sensitive_site_is_refused(world, monkeypatch):
    monkeypatch.setattr(exif, "Image", None)
    site = f.resource(sensitive=True)
    with pytest.raises(ValidationError) as refused:
        add(world.sz_officer, site, image("JPEG"))
    assert "remove its GPS data" in refused.value.message_dict["file"][0]
    assert add(world.sz_officer, site, image("JPEG", gps=False)).has_gps is False  # a clean photo is taken


def test_removing_a_file_is_audited_and_refused_to_other_cities(world):
    added = add(world.sz_officer, f.resource(), PDF, "a.pdf")
    with pytest.raises(PermissionDenied):
        writes.attachment_remove(acting_user=world.jx_officer, attachment=added)
    writes.attachment_remove(acting_user=world.sz_officer, attachment=added)
    assert not Attachment.objects.exists()
    assert AuditEntry.objects.filter(action="culture.attachment.remove").count() == 1
