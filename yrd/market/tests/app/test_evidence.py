"""Evidence files: checked by content, stored under a random name, downloaded only through the access check by
the reporter who sent them or a regulator concerned; regulators add files to a case."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yrd.core.actors import SYSTEM
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import make_uscc, reveals
from yrd.market.models import Case, Evidence, Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def form(**fields):
    data = {"subject_name": "苏州美佳食品有限公司", "subject_uscc": make_uscc("320508"), "category": "food_safety",
            "incident_city": "320500", "description": "出售过期食品"}  # fmt: skip
    data.update(fields)
    return data


@pytest.fixture
def sent(client, reference):
    """A signed-in reporter's report with a photo, consolidated into a Suzhou case."""
    me = f.reporter("me")
    client.force_login(me)
    client.post("/market/report/", form(evidence=SimpleUploadedFile("收据 张三.png", PNG, "image/png")))
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return me, Evidence.objects.get()


def test_a_file_is_stored_under_a_random_name_with_its_checksum(sent):
    _me, evidence = sent
    assert evidence.name == "收据 张三.png" and "张三" not in evidence.file.name
    assert evidence.file.name.startswith("market/evidence/") and len(evidence.sha256) == 64
    assert evidence.content_type == "image/png"


def test_a_file_that_is_not_what_it_claims_is_refused_with_the_whole_report(client, reference):
    response = client.post("/market/report/", form(evidence=SimpleUploadedFile("x.png", b"MZ\x90\x00", "image/png")))
    assert response.status_code == 400 and "not a PDF, JPEG or PNG" in response.content.decode()
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_the_reporter_and_the_regulators_concerned_download_it_and_others_get_403(client, sent):
    me, evidence = sent
    for user, status in ((me, 200), (f.jiangsu_regulator(), 200), (f.anhui_regulator(), 403), (f.reporter("x"), 403)):
        client.force_login(user)
        response = client.get(f"/market/evidence/{evidence.pk}/")
        assert response.status_code == status
        if status == 200:
            assert b"".join(response.streaming_content) == PNG and response["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get(f"/market/evidence/{evidence.pk}/").status_code == 302
    assert client.get(f"/market/evidence/{evidence.pk + 99}/").status_code == 302


def test_a_regulator_concerned_adds_a_file_to_the_case_and_others_cannot(client, sent):
    case = Case.objects.get()
    client.force_login(f.jiangsu_regulator())
    client.post(f"/market/cases/{case.pk}/evidence/", {"file": SimpleUploadedFile("检查记录.pdf", b"%PDF-1.4 x")})
    added = Evidence.objects.get(case=case)
    assert AuditEntry.objects.filter(action="market.evidence.add").exists()
    page = client.get(f"/market/cases/{case.pk}/").content.decode()
    assert f"/market/evidence/{added.pk}/" in page and "检查记录.pdf" not in page  # named only on request
    client.force_login(f.anhui_regulator())
    response = client.post(f"/market/cases/{case.pk}/evidence/", {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.4")})
    assert response.status_code == 403 and Evidence.objects.filter(case=case).count() == 1
    assert client.get(f"/market/evidence/{added.pk}/").status_code == 403


def test_the_case_page_lists_a_file_by_a_masked_name_and_the_lead_regulator_reveals_it(client, sent):
    _me, evidence = sent
    case = Case.objects.get()
    client.force_login(f.jiangsu_regulator())  # leads the Suzhou case: may see the name, on request
    page = client.get(f"/market/cases/{case.pk}/").content.decode()
    assert "收据 张三.png" not in page and "****" in page and "/core/personal/reveal/market.Evidence/" in page
    assert not reveals().exists()
    revealed = client.post(f"/core/personal/reveal/market.Evidence/{evidence.pk}/name/")
    assert "收据 张三.png" in revealed.content.decode()
    assert reveals().get().data == {"field": "name", "kind": "free_text"}


def test_a_regulator_not_leading_the_case_gets_no_reveal_of_the_file_name(client, sent):
    _me, evidence = sent
    client.force_login(f.shanghai_regulator())
    assert client.post(f"/core/personal/reveal/market.Evidence/{evidence.pk}/name/").status_code == 403
    assert not reveals().exists()


def test_a_regulator_downloading_a_reporters_file_is_audited_and_the_reporter_is_not(client, sent):
    me, evidence = sent
    client.force_login(me)
    assert client.get(f"/market/evidence/{evidence.pk}/").status_code == 200
    assert not reveals().exists()  # one's own file: nothing to record
    regulator = f.jiangsu_regulator()
    client.force_login(regulator)
    assert client.get(f"/market/evidence/{evidence.pk}/").status_code == 200
    entry = reveals().get()
    assert (entry.actor_id, entry.object_type, entry.object_id) == (regulator.pk, "market.Evidence", str(evidence.pk))
    assert entry.data == {"field": "file", "kind": "document"} and "张三" not in entry.object_repr


def test_a_refused_download_leaves_no_reveal_entry(client, sent):
    _me, evidence = sent
    client.force_login(f.anhui_regulator())
    assert client.get(f"/market/evidence/{evidence.pk}/").status_code == 403
    assert not reveals().exists()
