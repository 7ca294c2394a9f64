"""Issue 11, uploads: on every path that takes a file (plan evidence, market evidence, services
materials, culture attachments) a file over the limit and a file whose content is not what it claims
are refused with a message naming it; a name with path parts cannot steer where the file is stored
(it goes under a random name in the module's folder); the download is an attachment with the sniffed
type and nosniff. (That the media folder itself is never served, in development settings too, is
core/tests/test_error_pages.py.)"""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import person

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HOSTILE_NAME = "../../../../etc/cron.d/张三身份证.pdf"
OVER_ANY_LIMIT = 10 * 2**20 + 1  # the largest limit on any path is 10 MB


def plan_path():
    from yrd.plan import writes
    from yrd.plan.tests.api import builders

    task, owner = builders.owned_task()

    def store(upload):
        report = writes.report_submit(
            acting_user=owner,
            task=task,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 1, 31),
            percent=10,
            narrative_zh="进展",
            evidence=[upload],
        )
        return report.evidence.get(), f"/plan/evidence/{report.evidence.get().pk}/"

    return store, owner, "plan/evidence/"


def market_path():
    from yrd.market.tests import factories as f
    from yrd.market.writes import report_submit

    reporter = f.reporter("me")

    def store(upload):
        report = report_submit(acting_user=reporter, data=f.report_input(evidence=[upload]), channel="web")
        evidence = report.evidence.get()
        return evidence, f"/market/evidence/{evidence.pk}/"

    return store, reporter, "market/evidence/"


def services_path():
    from yrd.services.models import Mode
    from yrd.services.tests import factories as f

    item = f.service_item("hukou-test")
    applicant = person("applicant", "YRD")

    def store(upload):
        application = f.application(item, applicant, mode=Mode.ONLINE, uploads=(("id-card", upload),))
        material = application.materials.get()
        return material, f"/services/materials/{material.pk}/"

    return store, applicant, "services/materials/"


def culture_path():
    from yrd.culture import writes
    from yrd.culture.tests import factories as f
    from yrd.culture.writes.attachments import AttachmentInput

    site = f.resource("320500")
    officer = person("culture_city_officer", "320500")

    def store(upload):
        attachment = writes.attachment_add(acting_user=SYSTEM, resource=site, upload=upload, data=AttachmentInput())
        return attachment, f"/culture/files/{attachment.pk}/"

    return store, officer, "culture/attachments/"


PATHS = {"plan": plan_path, "market": market_path, "services": services_path, "culture": culture_path}


@pytest.fixture(params=sorted(PATHS))
def path(request, reference):
    return PATHS[request.param]()


def test_a_file_over_the_limit_is_refused_naming_it(path):
    store, _person, _folder = path
    with pytest.raises(ValidationError, match="big.pdf"):
        store(SimpleUploadedFile("big.pdf", PDF + b"0" * OVER_ANY_LIMIT, "application/pdf"))


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00" + b"\0" * 64,
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
    ids=["executable", "html", "svg"],
)
def test_a_file_that_is_not_what_its_name_and_type_claim_is_refused(path, content):
    store, _person, _folder = path
    with pytest.raises(ValidationError, match="scan.pdf"):
        store(SimpleUploadedFile("scan.pdf", content, "application/pdf"))


def test_a_name_with_path_parts_is_stored_under_a_random_name_in_the_module_folder(path):
    store, _person, folder = path
    stored, _url = store(SimpleUploadedFile(HOSTILE_NAME, PDF, "application/pdf"))
    assert stored.file.name.startswith(folder) and ".." not in stored.file.name and "张三" not in stored.file.name
    media = Path(settings.MEDIA_ROOT).resolve()
    assert Path(stored.file.path).resolve().is_relative_to(media) and Path(stored.file.path).is_file()


def test_the_download_is_an_attachment_with_the_sniffed_type(path):
    store, owner, _folder = path
    stored, url = store(SimpleUploadedFile(HOSTILE_NAME, PDF, "text/html"))
    client = Client()
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and "/" not in disposition.split("filename", 1)[1]
