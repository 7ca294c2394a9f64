"""The network page: parameters with their sources (assumptions marked), downloads for everyone, and the
upload for network administrators only, all or nothing with every bad row named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from yrd.core.models import AuditEntry
from yrd.transport.models import Link

pytestmark = pytest.mark.django_db

HEADER = "link_id,corridor_name_en,corridor_name_zh,mode,from_city_adcode,to_city_adcode,distance_km\n"
URL = "/transport/network/"


def upload(client, text, kind="links", fmt="csv", name="links.csv"):
    data = {"kind": kind, "format": fmt, "file": SimpleUploadedFile(name, text.encode(), "text/csv")}
    return client.post(URL, data)


def test_anyone_reads_the_parameters_with_their_sources_and_the_assumptions_marked(client, world):
    assert reverse("transport:network") == URL
    page = client.get(URL).content.decode()
    assert "European Transport Research Review" in page and "GLEC" in page  # published sources beside values
    assert "Assumed (no published source found" in page and 'class="tag assumed"' in page
    assert "format=geojson" in page and "kind=links" in page  # downloads
    assert 'enctype="multipart/form-data"' not in page  # no upload for a visitor


def test_the_page_reads_in_chinese(client, world):
    with translation.override("zh-hans"):
        page = client.get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    # the page's own headings (the navigation says 货运网络 on every page, so that alone proves nothing)
    assert "货运网络及其参数" in page and "各运输方式参数" in page and "下载网络" in page


def test_a_network_administrator_uploads_links_and_the_import_is_audited(client, world):
    client.force_login(world.network_admin)
    assert 'enctype="multipart/form-data"' in client.get(URL).content.decode()
    response = upload(client, HEADER + "X1,New rail,新铁路,rail,320100,340100,160\n")
    assert response.status_code == 302 and response.url == URL
    assert Link.objects.get(code="X1").distance_km == 160
    assert AuditEntry.objects.filter(action="transport.network.import").count() == 1
    assert "1 added, 0 updated" in client.get(URL).content.decode()


def test_a_file_with_bad_rows_lists_each_and_writes_nothing(client, world):
    client.force_login(world.network_admin)
    text = HEADER + "X1,Good,好,rail,320100,340100,160\nX2,Bad,坏,rail,320100,999999,-5\n"
    page = upload(client, text).content.decode()
    assert "Nothing was imported" in page and "row 3" in page and "to_city_adcode" in page
    assert not Link.objects.filter(code__startswith="X").exists()
    assert not AuditEntry.objects.filter(action="transport.network.import").exists()


def test_a_file_that_is_not_utf8_is_refused_on_its_field(client, world):
    client.force_login(world.network_admin)
    data = {"kind": "links", "format": "csv", "file": SimpleUploadedFile("l.csv", "距离".encode("gb18030"))}
    page = client.post(URL, data).content.decode()
    assert "not UTF-8" in page and not Link.objects.filter(code__startswith="X").exists()


@pytest.mark.parametrize("persona", ["planner", "sh_officer", "dispatcher", "stranger"])
def test_only_network_administrators_may_upload(client, world, persona):
    client.force_login(getattr(world, persona))
    assert 'enctype="multipart/form-data"' not in client.get(URL).content.decode()
    response = upload(client, HEADER + "X1,New rail,新铁路,rail,320100,340100,160\n")
    assert response.status_code == 403 and not Link.objects.filter(code="X1").exists()


def test_an_anonymous_upload_is_sent_to_log_in(client, world):
    response = upload(client, HEADER + "X1,New rail,新铁路,rail,320100,340100,160\n")
    assert response.status_code == 302 and "login" in response.url
    assert not Link.objects.filter(code="X1").exists()
