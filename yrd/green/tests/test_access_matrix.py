"""Who sees and edits which site: every persona against every site, through the selectors, the
site page and the API. A site's own people see and edit their site; the park sees its member
factories; the city sees its sites; the public sees certified status and published totals only."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from yrd.green import selectors, writes

from . import factories as f

pytestmark = pytest.mark.django_db

SITES = ("sz_park", "sz_factory", "sz_factory_2", "ningbo_park", "ningbo_factory", "wuxi_factory")
READS = {
    "sz_reporter": {"sz_factory"},
    "sz_reporter_2": {"sz_factory_2"},
    "park_reporter": {"sz_park"},
    "ningbo_reporter": {"ningbo_factory"},
    "sz_park_reviewer": {"sz_factory", "sz_factory_2"},
    "ningbo_park_reviewer": {"ningbo_factory"},
    "sz_city": {"sz_park", "sz_factory", "sz_factory_2"},
    "ningbo_city": {"ningbo_park", "ningbo_factory"},
    "js_energy": {"sz_park", "sz_factory", "sz_factory_2", "wuxi_factory"},
    "planner": set(SITES),
    "stranger": set(),
}
EDITS = {
    persona: {s for s in sites if persona.endswith("reporter") or persona.endswith("reporter_2")}
    for persona, sites in READS.items()
}


@pytest.fixture
def seen(world):
    def names(sites) -> set[str]:
        by_pk = {getattr(world, name).pk: name for name in SITES}
        return {by_pk[s.pk] for s in sites}

    return names


@pytest.mark.parametrize("persona", sorted(READS))
def test_each_persona_lists_exactly_the_sites_they_may_read(world, seen, persona):
    assert seen(selectors.sites_visible_to(getattr(world, persona))) == READS[persona]


@pytest.mark.parametrize("persona", sorted(READS))
def test_each_persona_reads_and_edits_exactly_their_sites(world, persona):
    user = getattr(world, persona)
    for name in SITES:
        site = getattr(world, name)
        assert selectors.may_read(user, site) == (name in READS[persona]), name
        assert selectors.may_report(user, site) == (name in EDITS[persona]), name


def test_the_public_lists_every_site_with_published_totals_only(world, client):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    writes.period_submit(acting_user=world.sz_reporter, period=period)
    writes.period_review(acting_user=world.sz_city, period=period)
    assert not selectors.sites_visible_to(AnonymousUser()).exists()
    page = client.get(reverse("green:site", args=[world.sz_factory.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Published totals" in body and "801.8" in body
    assert "Accounts, line by line" not in body and "grid_electricity" not in body


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("sz_reporter", 200), ("sz_park_reviewer", 200), ("sz_city", 200), ("ningbo_city", 403), ("stranger", 403)],
)
def test_the_account_api_answers_only_the_site_and_its_reviewers(world, persona, expected):
    writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    client = Client()
    client.force_login(getattr(world, persona))
    response = client.get(f"/api/green/sites/{world.sz_factory.pk}/periods/2024")
    assert response.status_code == expected
    if expected == 403:
        assert response.json()["code"] == "forbidden"


def test_anonymous_callers_get_401_from_the_account_api_and_200_from_the_registry(world):
    client = Client()
    assert client.get(f"/api/green/sites/{world.sz_factory.pk}/periods/2024").status_code == 401
    assert client.get("/api/green/sites").status_code == 200


@pytest.mark.parametrize("persona", ["sz_reporter", "sz_city", "stranger"])
def test_the_site_page_shows_the_lines_only_to_those_who_may_read(world, persona):
    writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    client = Client()
    client.force_login(getattr(world, persona))
    body = client.get(reverse("green:site", args=[world.sz_factory.pk])).content.decode()
    assert ("Accounts, line by line" in body) == (persona != "stranger")
    assert ("Submit for review" in body) == (persona == "sz_reporter")


def test_the_period_form_is_forbidden_to_a_stranger(world):
    client = Client()
    client.force_login(world.stranger)
    assert client.get(reverse("green:period", args=[world.sz_factory.pk, 2024])).status_code == 403
