"""Files are downloaded only through the access check: public files of published resources by
anyone; internal files, and files of unpublished resources, by the city's officers and the bid
office only; a GPS-tagged photo of a site later marked sensitive is never served to the public."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from yrd.core.actors import SYSTEM
from yrd.culture import writes
from yrd.culture.models import Attachment, HeritageResource
from yrd.culture.tests import factories as f
from yrd.culture.tests.photos import PDF, image, upload
from yrd.culture.writes.attachments import AttachmentInput


def login(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def add(site, data=PDF, name="a.pdf", **fields):
    return writes.attachment_add(
        acting_user=SYSTEM, resource=site, upload=upload(data, name), data=AttachmentInput(**fields)
    )


def test_the_officer_uploads_on_the_page_and_the_public_downloads_a_public_file(world):
    f.resource(code="tongli-hall")
    officer = login(world.sz_officer)
    form = {"caption_en": "Listing decision", "public": "on", "file": SimpleUploadedFile("decision.pdf", PDF)}
    assert officer.post("/culture/sites/tongli-hall/files/", form).status_code == 302
    stored = Attachment.objects.get()
    page = login().get("/culture/sites/tongli-hall/").content.decode()
    assert "Listing decision" in page and 'id="file-form"' not in page
    got = login().get(f"/culture/files/{stored.pk}/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
    assert got["X-Content-Type-Options"] == "nosniff" and "attachment" in got["Content-Disposition"]


def test_uploads_by_others_and_bad_files_are_refused_on_the_page(world):
    f.resource(code="tongli-hall")
    form = {"file": SimpleUploadedFile("decision.pdf", PDF)}
    assert login(world.jx_officer).post("/culture/sites/tongli-hall/files/", form).status_code == 403
    assert login().post("/culture/sites/tongli-hall/files/", form).status_code == 302  # to the login page
    bad = login(world.sz_officer).post(
        "/culture/sites/tongli-hall/files/", {"file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 an exe")}
    )
    assert bad.status_code == 400 and "checked by its content" in bad.content.decode()
    assert not Attachment.objects.exists()


def test_internal_files_and_files_of_unpublished_resources_stay_internal(world):
    internal = add(f.resource())
    unpublished = add(f.resource(published=False), public=True)
    for pk in (internal.pk, unpublished.pk):
        assert login().get(f"/culture/files/{pk}/").status_code == 404
        assert login(world.jx_officer).get(f"/culture/files/{pk}/").status_code == 404
        assert login(world.sz_officer).get(f"/culture/files/{pk}/").status_code == 200
        assert login(world.office).get(f"/culture/files/{pk}/").status_code == 200


def test_a_gps_tagged_photo_is_withheld_once_its_site_is_sensitive(world):
    site = f.resource(code="hidden-bridge")
    photo = add(site, image("JPEG"), "bridge.jpg", public=True)
    assert login().get(f"/culture/files/{photo.pk}/").status_code == 200
    HeritageResource.objects.filter(pk=site.pk).update(sensitive=True)
    assert login().get(f"/culture/files/{photo.pk}/").status_code == 404
    assert login(world.sz_officer).get(f"/culture/files/{photo.pk}/").status_code == 200
    listed = login().get("/api/culture/resources/hidden-bridge/files").json()
    assert listed == []


def test_the_api_lists_only_the_files_the_caller_may_see(world):
    site = f.resource(code="luzhi-bridge")
    add(site, public=True, caption_en="Public plan")
    add(site, caption_en="Internal survey")
    public = login().get("/api/culture/resources/luzhi-bridge/files").json()
    assert [a["caption_en"] for a in public] == ["Public plan"]
    mine = login(world.sz_officer).get("/api/culture/resources/luzhi-bridge/files").json()
    assert {a["caption_en"] for a in mine} == {"Public plan", "Internal survey"}


def test_removing_from_the_page_is_for_the_citys_officer(world):
    stored = add(f.resource(code="tongli-hall"), public=True)
    assert login(world.jx_officer).post(f"/culture/files/{stored.pk}/remove/").status_code == 403
    assert login(world.sz_officer).post(f"/culture/files/{stored.pk}/remove/").status_code == 302
    assert not Attachment.objects.exists()
