"""Pages a person uses: the period form shows each refusal on its row and keeps nothing; the
import refusal lists rows; storage, overview and export read for everyone; a scenario runs in the
background and shows its charts."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from yrd.core.models import Jurisdiction
from yrd.green import writes
from yrd.green.models import ReportingPeriod, Scenario
from yrd.green.scenarios import default_inputs

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_period_form_shows_each_problem_on_its_row_and_saves_nothing(world):
    url = reverse("green:period", args=[world.sz_factory.pk, 2024])
    page = signed_in(world.sz_reporter).post(
        url,
        {
            "year": 2024,
            "q_natural_gas": "12",
            "u_natural_gas": "t",
            "q_grid_electricity": "-4",
            "u_grid_electricity": "MWh",
        },
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "natural_gas is entered in t (mass)" in body
    assert "A quantity cannot be negative (got -4)." in body
    assert not ReportingPeriod.objects.filter(site=world.sz_factory).exists()


def test_a_good_form_saves_and_the_site_page_shows_the_line(world):
    client = signed_in(world.sz_reporter)
    url = reverse("green:period", args=[world.sz_factory.pk, 2024])
    client.post(url, {"year": 2024, "q_grid_electricity": "1000", "u_grid_electricity": "MWh"})
    body = client.get(reverse("green:site", args=[world.sz_factory.pk])).content.decode()
    assert "1,000 MWh × 0.5978 tCO2/MWh = 597.8 tCO2" in body


def test_an_import_refusal_lists_the_rows(world):
    client = signed_in(world.sz_reporter)
    upload = b"year,month,kind,quantity,unit\n2024,,grid_electricity,abc,MWh\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        reverse("green:import", args=[world.sz_factory.pk]),
        {"file": SimpleUploadedFile("a.csv", upload, content_type="text/csv")},
    )
    assert page.status_code == 400
    assert "row 2" in page.content.decode()


@pytest.mark.parametrize("name", ["green:overview", "green:sites", "green:storage", "green:export"])
def test_public_pages_read_for_everyone(world, name):
    response = Client().get(reverse(name))
    assert response.status_code == 200


def test_the_annual_export_lists_published_years(world):
    period = writes.period_save(
        acting_user=world.sz_reporter,
        site=world.sz_factory,
        data=writes.PeriodInput(2024, None, [writes.Entry("grid_electricity", Decimal(1000), "MWh")]),
    )
    writes.period_submit(acting_user=world.sz_reporter, period=period)
    writes.period_review(acting_user=world.sz_city, period=period)
    text = Client().get(reverse("green:export")).content.decode("utf-8-sig")
    assert world.sz_factory.organisation.uscc in text and ",2024," in text


def test_a_scenario_runs_in_the_background_and_shows_its_charts(world, django_capture_on_commit_callbacks):
    inputs = default_inputs(["330000"])
    scenario = writes.scenario_create(
        acting_user=world.planner, name="ZJ", inputs=inputs, jurisdiction=Jurisdiction.objects.get(level="region")
    )
    client = signed_in(world.planner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("green:scenario-run", args=[scenario.pk]))
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.DONE and scenario.progress == 100
    assert scenario.result["renewable_share"] >= 0.4 - 1e-6
    assert len(scenario.series["week_demand"]) == 168
    body = client.get(reverse("green:scenario", args=[scenario.pk])).content.decode()
    assert all(f'data-echarts="chart-{name}"' in body for name in ("week", "soc", "duration"))
    assert len(scenario.series["demand_duration"]) == len(scenario.series["net_load_duration"]) == 730
    # a second solved scenario (its figures copied and changed, not solved again: one solve is enough here)
    other = writes.scenario_create(
        acting_user=world.planner, name="ZJ 60%", inputs=inputs, jurisdiction=Jurisdiction.objects.get(level="region")
    )
    Scenario.objects.filter(pk=other.pk).update(
        status=Scenario.Status.DONE, result={**scenario.result, "objective_cny": 1.234e11}
    )
    compared = client.get(reverse("green:compare"), {"id": [scenario.pk, other.pk]})
    assert sorted(s.name for s in compared.context["scenarios"]) == ["ZJ", "ZJ 60%"]
    assert "123,400,000,000" in compared.content.decode() or "123400000000" in compared.content.decode()
