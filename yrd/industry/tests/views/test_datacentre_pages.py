"""The data-centre pages: officials create and edit the centres of their province and record PUE by
month; others are refused; bad input is named and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from yrd.industry.models import DataCentre, PueReading

pytestmark = pytest.mark.django_db

FORM = {"name_zh": "苏州测试数据中心", "name_en": "Suzhou test", "city": "320500", "cluster": "demo_zone",
        "racks": "3000", "it_power_mw": "36.5", "utilisation": "0.7", "green_share": "0.35",
        "electricity_price": "0.62"}  # fmt: skip


def test_a_province_official_creates_edits_and_records_pue(client, world):
    client.force_login(world.jiangsu)
    page = client.get(reverse("industry:datacentre-new"))
    assert page.status_code == 200 and "320500" in page.text and "340200" not in page.text  # only his cities
    answer = client.post(reverse("industry:datacentre-new"), FORM)
    centre = DataCentre.objects.get()
    assert answer.status_code == 302 and answer.url == reverse("industry:datacentre-edit", args=[centre.pk])
    client.post(reverse("industry:datacentre-edit", args=[centre.pk]), {**FORM, "racks": "3200", "utilisation": "0.8"})
    centre.refresh_from_db()
    assert (centre.racks, float(centre.utilisation)) == (3200, 0.8)
    client.post(
        reverse("industry:datacentre-edit", args=[centre.pk]), {"action": "pue", "month": "2025-07", "pue": "1.23"}
    )
    assert [(r.month.isoformat(), float(r.pue)) for r in PueReading.objects.all()] == [("2025-07-01", 1.23)]
    listing = client.get(reverse("industry:datacentres"))
    assert reverse("industry:datacentre-edit", args=[centre.pk]) in listing.text


def test_bad_input_is_named_and_changes_nothing(client, world):
    client.force_login(world.jiangsu)
    for field, value in [("utilisation", "1.4"), ("racks", "-1"), ("it_power_mw", "lots"), ("name_zh", "x" * 201),
                         ("cluster", "nowhere"), ("city", "999999")]:  # fmt: skip
        answer = client.post(reverse("industry:datacentre-new"), {**FORM, field: value})
        assert answer.status_code == 400 and f"{field}:" in answer.text, field
    assert DataCentre.objects.count() == 0
    client.post(reverse("industry:datacentre-new"), FORM)
    centre = DataCentre.objects.get()
    answer = client.post(
        reverse("industry:datacentre-edit", args=[centre.pk]), {"action": "pue", "month": "2025-07", "pue": "0.7"}
    )
    assert answer.status_code == 400 and "pue:" in answer.text and PueReading.objects.count() == 0


@pytest.mark.parametrize("who", ["zhejiang", "suzhou_officer", "stranger"])
def test_others_are_refused_the_edit_page_and_change_nothing(client, world, who):
    client.force_login(world.jiangsu)
    client.post(reverse("industry:datacentre-new"), FORM)
    centre = DataCentre.objects.get()
    client.force_login(getattr(world, who))
    url = reverse("industry:datacentre-edit", args=[centre.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {**FORM, "racks": "1"}).status_code == 403
    centre.refresh_from_db()
    assert centre.racks == 3000


def test_an_official_may_not_move_his_centre_into_another_province(client, world):
    client.force_login(world.jiangsu)
    client.post(reverse("industry:datacentre-new"), FORM)
    centre = DataCentre.objects.get()
    answer = client.post(reverse("industry:datacentre-edit", args=[centre.pk]), {**FORM, "city": "340200"})
    assert answer.status_code == 400
    centre.refresh_from_db()
    assert centre.city.code == "320500"


def test_the_import_page_is_for_officials_only_and_lists_row_errors(client, world):
    client.force_login(world.suzhou_officer)
    assert client.get(reverse("industry:datacentre-import")).status_code == 403
    client.logout()
    assert client.get(reverse("industry:datacentre-import")).status_code == 302
    client.force_login(world.jiangsu)
    assert client.get(reverse("industry:datacentre-import")).status_code == 200
    upload = SimpleUploadedFile(
        "dc.csv",
        b"city,name_zh,cluster,racks,it_power_mw,utilisation,green_share,electricity_price\n320500,x,other,1,1,2,0,0\n",
    )
    answer = client.post(reverse("industry:datacentre-import"), {"kind": "datacentres", "file": upload})
    assert answer.status_code == 400 and "utilisation" in answer.text and DataCentre.objects.count() == 0
