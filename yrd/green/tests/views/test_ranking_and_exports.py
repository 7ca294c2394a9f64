"""The overview ranks parks by emissions per unit of value added (lowest first, parks without a reviewed
year last) and maps them over the 41 cities; the annual report workbook carries the sites' published
totals, the ranking, the storage projects and the plan tracker's figures."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from yrd.core.models import Jurisdiction
from yrd.core.tests.factories import EnterpriseFactory, jurisdiction
from yrd.green import selectors, writes
from yrd.green.tests import factories as f

pytestmark = pytest.mark.django_db


def reviewed(site, reviewer, grid: str) -> None:
    reporter = f.reporter(site)
    period = writes.period_save(acting_user=reporter, site=site, data=f.period_input(2024, grid=grid))
    writes.period_submit(acting_user=reporter, period=period)
    writes.period_review(acting_user=reviewer, period=period)


@pytest.fixture
def ranked(world):
    reviewed(world.sz_park, world.sz_city, grid="5000")
    reviewed(world.ningbo_park, world.ningbo_city, grid="500")
    unreported = f.site("park", "340100", name="Hefei park without data")
    return world, unreported


def test_parks_rank_by_intensity_with_unreported_parks_last(ranked):
    world, unreported = ranked
    order = [row["site"] for row in selectors.park_ranking()]
    assert order == [world.ningbo_park, world.sz_park, unreported]


def test_the_overview_lists_the_ranking_in_order_and_maps_parks_over_the_41_cities(ranked):
    world, unreported = ranked
    response = Client().get(reverse("green:overview"))
    page = response.content.decode()
    assert page.index(world.ningbo_park.name) < page.index(world.sz_park.name) < page.index(unreported.name)
    series = response.context["map_chart"]["series"][0]
    assert len(series["nameMap"]) == Jurisdiction.objects.filter(level="city").count() == 41
    counts = {row["name"]: row["value"] for row in series["data"]}
    assert counts == {jurisdiction(code).name: 1 for code in ("320500", "330200", "340100")}


def test_the_annual_workbook_holds_totals_ranking_storage_and_figures(ranked, world):
    owner = EnterpriseFactory(jurisdiction=jurisdiction("340800"))
    data = writes.ProjectInput(
        "测试抽水蓄能", "pumped_hydro", Decimal(1200), Decimal(7200), jurisdiction("340800"), owner, date(2024, 3, 1)
    )
    writes.storage_register(acting_user=world.planner, data=data)
    response = Client().get(reverse("green:export-xlsx"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sites, ranking, storage, figures = (list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets)
    parks = {row[0]: row for row in sites[1:]}
    assert parks[world.sz_park.name][3] == world.sz_park.organisation.uscc and parks[world.sz_park.name][4] == 2024
    assert isinstance(parks[world.sz_park.name][8], float)  # a total the reader can sum
    assert [row[1] for row in ranking[1:]] == [world.ningbo_park.name, world.sz_park.name, "Hefei park without data"]
    assert storage[1][0] == "测试抽水蓄能" and storage[1][3] == 1200
    assert [value for _, value in figures[1:]] == [0, 0, 0, 0, 1.2]  # parks, factories certified; GW by stage


def test_a_site_name_that_looks_like_a_formula_stays_text_in_both_exports(ranked):
    world, _ = ranked
    world.sz_park.name_zh = world.sz_park.name_en = '=HYPERLINK("http://example.invalid","x")'
    world.sz_park.save()
    book = load_workbook(io.BytesIO(Client().get(reverse("green:export-xlsx")).content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value == world.sz_park.name]
    assert len(cells) == 2 and {c.data_type for c in cells} == {"s"}  # the Sites and Park ranking sheets
    text = Client().get(reverse("green:export")).content.decode("utf-8-sig")
    assert f"'{world.sz_park.name}".replace('"', '""') in text and ",2024," in text
