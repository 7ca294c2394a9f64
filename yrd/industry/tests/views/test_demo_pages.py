"""The pages with the demo loaded: what a person sees and does on them."""

import pytest
from django.urls import reverse

from yrd.core.models import User
from yrd.industry import demo
from yrd.industry.models import Need, Scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(taxonomy):
    demo.load_demo()


def login(client, username):
    client.force_login(User.objects.get(username=username))


def test_the_overview_maps_enterprises_and_shows_hhi_without_figures(client, demo_world):
    page = client.get(reverse("industry:overview")).content.decode()
    assert 'data-echarts="chart-enterprise-map"' in page and 'data-echarts="chart-hhi"' in page
    assert "60000000" not in page and "60,000,000" not in page and "400,000" not in page


def test_the_region_ranks_suppliers_and_cities_and_saves_a_scenario(client, demo_world):
    login(client, "industry_region")
    page = client.get(reverse("industry:disruption") + "?days=30").content.decode()
    assert "Xuzhou Demo Lithium" in page and 'data-echarts="chart-cities"' in page
    answer = client.post(reverse("industry:disruption"), {"name": "Wuxi stops", "days": "30", "cities": ["320200"]})
    saved = Scenario.objects.get(name="Wuxi stops")
    assert answer.status_code == 302 and saved.result["total_lost"] > 0
    assert "Wuxi stops" in client.get(reverse("industry:scenario", args=[saved.pk])).content.decode()


def test_a_jiangsu_official_sees_only_jiangsu_suppliers_in_the_ranking(client, demo_world):
    login(client, "industry_js")
    page = client.get(reverse("industry:disruption")).content.decode()
    assert "Xuzhou Demo Lithium" in page and "Quzhou Demo Cathode" not in page


def test_the_oem_posts_a_need_sees_candidates_and_contacts_one(client, demo_world):
    login(client, "industry_oem")
    answer = client.post(
        reverse("industry:needs"),
        {"customer": User.objects.get(username="industry_oem").organisation.industry_enterprise.pk,
         "component": "e-motor", "volume": "50000", "needed_by": "2026-01-01"},
    )  # fmt: skip
    need = Need.objects.get(component__code="e-motor")
    assert answer.status_code == 302
    page = client.get(reverse("industry:need", args=[need.pk])).content.decode()
    assert "Shanghai Demo E-Drive" in page and "Hangzhou Demo Motors" in page
    supplier = need.customer.purchases.filter(component__code="e-motor").first().supplier
    client.post(reverse("industry:need", args=[need.pk]), {"supplier": supplier.pk, "message": "Can you do 50k?"})
    assert need.contacts.get().supplier == supplier


def test_a_bad_need_is_refused_with_the_field_named(client, demo_world):
    login(client, "industry_oem")
    answer = client.post(
        reverse("industry:needs"),
        {"customer": User.objects.get(username="industry_oem").organisation.industry_enterprise.pk,
         "component": "e-motor", "volume": "-5", "needed_by": "2026-01-01"},
    )  # fmt: skip
    assert answer.status_code == 200 and "volume" in answer.content.decode()
    assert not Need.objects.filter(component__code="e-motor").exists()


def test_the_planner_places_compute_and_sees_cost_and_binding(client, demo_world):
    login(client, "industry_planner")
    answer = client.post(
        reverse("industry:datacentres"),
        {"city": ["310000", "340100", ""], "mw": ["30", "20", ""], "latency": ["interactive", "batch", "batch"],
         "carbon_price": "100"},
    )  # fmt: skip
    page = answer.content.decode()
    assert "Yearly cost (CNY)" in page and "Carbon (tCO2 per year)" in page


def test_the_public_may_not_place_compute(client, demo_world):
    page = client.post(reverse("industry:datacentres"), {"city": ["310000"], "mw": ["30"], "latency": ["batch"]})
    assert "Yearly cost (CNY)" not in page.content.decode()


def test_the_metro_page_has_heatmaps_a_map_and_projects(client, demo_world):
    page = client.get(reverse("industry:metro")).content.decode()
    assert "Where member cities compete and where they complement" in page and "Most alike (compete)" in page
    for chart in ("chart-lq", "chart-similarity", "chart-metro-map"):
        assert f'data-echarts="{chart}"' in page
    assert "Hefei-Wuhu-Ma&#x27;anshan NEV supplier cooperation (demo)" in page or "NEV supplier cooperation" in page
