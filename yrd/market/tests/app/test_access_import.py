"""The negative list is imported by its administrators from a page or a command: all rows or none."""

import io

import pytest
from django.core.management import CommandError, call_command

from yrd.market.models import AccessMeasure
from yrd.market.reference import NEGATIVE_LIST
from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db
BAD = "code,activity_code,activity_zh,activity_en,kind,authority,legal_basis,enterprise_types,area_adcode\n"
BAD += "X-1,x,某事项,,licence,,某法,,\nX-2,y,另一事项,,banned,,某法,,999999\n"


def upload(content: bytes, name="list.csv"):
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def test_the_administrator_imports_the_list_from_the_page(client, reference):
    client.force_login(f.market_admin())
    response = client.post("/market/access/import/", {"file": upload(NEGATIVE_LIST.read_bytes())})
    assert response.status_code == 200 and AccessMeasure.objects.count() == 19


def test_a_bad_file_lists_every_problem_and_changes_nothing(client, reference):
    client.force_login(f.market_admin())
    page = client.post("/market/access/import/", {"file": upload(BAD.encode())}).content.decode()
    assert "row 2, authority" in page and "row 3, kind" in page and "row 3, area_adcode" in page
    assert not AccessMeasure.objects.exists()


def test_regulators_and_the_public_may_not_import(client, reference):
    client.force_login(f.jiangsu_regulator())
    assert client.get("/market/access/import/").status_code == 403
    client.logout()
    assert client.get("/market/access/import/").status_code == 302


def test_the_command_imports_all_or_nothing(reference, tmp_path):
    call_command("market_access_import", str(NEGATIVE_LIST))
    assert AccessMeasure.objects.count() == 19
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError, match="row 3, kind"):
        call_command("market_access_import", str(tmp_path / "bad.csv"))
    assert AccessMeasure.objects.count() == 19
