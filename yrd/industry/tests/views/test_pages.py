"""Every page answers an allowed caller and refuses the others; public pages never show a share or a
capacity."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC = ["industry:overview", "industry:graph", "industry:datacentres", "industry:metro"]
SIGNED_IN = {
    "industry:weak-points": ("suzhou_officer", "planner_without_chain"),
    "industry:disruption": ("region", "suzhou_officer"),
    "industry:needs": ("hefei_officer", "planner"),
    "industry:import": ("jiangsu", "planner"),
    "industry:relations": ("suzhou_officer", "planner"),
    "industry:metro-import": ("planner", "jiangsu"),
}


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_answer_everyone(client, world, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_show_no_share_or_capacity(client, world, name):
    page = client.get(reverse(name)).content.decode()
    for secret in ("9000000", "9,000,000", "60000", "60,000", "36500", "36,500"):
        assert secret not in page
    assert "Share (%)" not in page


@pytest.mark.parametrize("name,who", [(n, p[0]) for n, p in SIGNED_IN.items()])
def test_signed_in_pages_answer_their_people(client, world, name, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name,who", [(n, p[1]) for n, p in SIGNED_IN.items()] + [(n, "stranger") for n in SIGNED_IN])
def test_signed_in_pages_refuse_others(client, world, name, who):
    from yrd.core.tests.factories import person

    user = person() if who == "planner_without_chain" else getattr(world, who)
    client.force_login(user)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", SIGNED_IN)
def test_signed_in_pages_send_the_public_to_log_in(client, world, name):
    assert client.get(reverse(name)).status_code == 302


def test_the_graph_shows_shares_to_the_region(client, world):
    client.force_login(world.region)
    page = client.get(reverse("industry:graph")).content.decode()
    assert "Share (%)" in page and "60.0" in page


def test_an_official_marks_a_relation_reviewed_and_another_province_cannot(client, world):
    from yrd.industry.models import SupplyRelation

    relation = SupplyRelation.objects.get(supplier=world.cells, customer=world.suzhou_pack)
    client.force_login(world.zhejiang)
    client.post(reverse("industry:relations"), {"relation": relation.pk})
    relation.refresh_from_db()
    assert relation.reviewed_at is None
    client.force_login(world.jiangsu)
    page = client.get(reverse("industry:relations")).content.decode()
    assert "Mark reviewed" in page and "9000000" in page  # the cell maker's capacity, for its province
    client.post(reverse("industry:relations"), {"relation": relation.pk})
    relation.refresh_from_db()
    assert relation.reviewed_by == world.jiangsu


def test_an_enterprise_reads_its_own_capacity_but_not_anothers(client, world):
    client.force_login(world.ningbo_officer)
    page = client.get(reverse("industry:relations")).content.decode()
    assert "30000" in page and "9000000" not in page and "60000" not in page


def test_pages_read_in_chinese(client, world):
    page = client.get(reverse("industry:overview"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "长三角新能源汽车产业链" in page and "产能的省际集中度" in page


def test_a_saved_scenario_is_read_where_it_was_saved_and_not_elsewhere(client, world):
    from yrd.core.tests.factories import jurisdiction
    from yrd.industry import writes

    saved = writes.scenario_save(
        acting_user=world.jiangsu,
        name="Jiangsu cells",
        days=5,
        jurisdiction=jurisdiction("320000"),
        enterprises=[world.cells],
    )
    url = reverse("industry:scenario", args=[saved.pk])
    for who, status in (("jiangsu", 200), ("region", 200), ("zhejiang", 404), ("suzhou_officer", 404)):
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == status, who


def test_a_need_is_read_on_the_board_but_only_its_poster_sees_candidates(client, world):
    from datetime import date

    from yrd.industry import writes

    from .. import factories as f

    pack = f.component("battery-pack")
    need = writes.need_post(
        acting_user=world.hefei_officer,
        customer=world.hefei_oem,
        component=pack,
        volume=100,
        needed_by=date(2026, 1, 1),
    )
    url = reverse("industry:need", args=[need.pk])
    client.force_login(world.hefei_officer)
    assert "Candidate suppliers" in client.get(url).content.decode()
    client.force_login(world.ningbo_officer)
    page = client.get(url)
    assert page.status_code == 200 and "Candidate suppliers" not in page.content.decode()
    client.force_login(world.planner)
    assert client.get(url).status_code == 404


def test_the_disruption_page_shows_each_oems_time_to_survive_named_only_in_scope(client, world):
    url = reverse("industry:disruption") + "?city=320400"
    client.force_login(world.region)
    page = client.get(url).content.decode()
    assert "Time to survive per OEM" in page
    assert str(world.hefei_oem) in page and str(world.shanghai_oem) in page
    client.force_login(world.jiangsu)  # both OEMs are outside Jiangsu
    page = client.get(url).content.decode()
    assert str(world.hefei_oem) not in page.split("Time to survive per OEM")[1].split("</table>")[0]
    assert page.count("an OEM outside your scope") >= 2


def test_a_saved_scenario_shows_each_oems_time_to_survive(client, world):
    client.force_login(world.region)
    answer = client.post(reverse("industry:disruption"), {"name": "Cells stop", "days": "30", "cities": ["320400"]})
    page = client.get(answer.url).content.decode()
    assert "Loss and time to survive by OEM" in page and str(world.shanghai_oem) in page
