"""A desk opened by someone whose roles do not open it says whose desk it is (403), and the tabs
show only the desks a person's roles open."""

import pytest
from django.urls import reverse
from django.utils import translation

from yrd.services.views.portal import desk_tabs


@pytest.mark.parametrize(
    "persona, page, whose",
    [
        ("applicant", "services:window", "window officers"),
        ("sh_officer", "services:handling", "handling officers"),
        ("applicant", "services:handling", "handling officers"),
        ("applicant", "services:remote", "window officers"),
        ("stranger", "services:remote", "window officers"),
    ],
)
def test_a_desk_for_another_role_is_refused_with_a_reason(client, world, persona, page, whose):
    client.force_login(getattr(world, persona))
    response = client.get(reverse(page))
    text = response.content.decode()
    assert response.status_code == 403
    assert f"This desk is for {whose}" in text and "</footer>" in text


def test_the_refusal_is_translated(client, world, monkeypatch):
    monkeypatch.setattr("yrd.services.views.desks._", lambda text: f"«{text}»")
    client.force_login(world.applicant)
    text = client.get(reverse("services:window")).content.decode()
    assert "«This desk is for window officers of a service window.»" in text


def names(user):
    with translation.override("en"):
        return [str(label) for _url, label in desk_tabs(user)]


def test_officers_without_the_applicant_role_have_no_my_applications_tab(world):
    assert names(world.sh_officer) == ["Window desk", "Remote window"]
    assert names(world.ah_officer) == ["Handling desk", "Remote window"]


def test_applicants_and_people_without_roles_see_only_their_applications(world):
    assert names(world.applicant) == ["My applications"]
    assert names(world.stranger) == ["My applications"]
