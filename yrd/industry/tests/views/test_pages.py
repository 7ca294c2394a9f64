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
