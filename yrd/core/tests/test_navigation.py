import pytest
from django.urls import reverse

from yrd.core.tests.factories import person


@pytest.mark.parametrize(
    "role,where,landing",
    [
        ("plan_coordinator", "320000", "plan:overview"),
        ("task_owner", "310000", "plan:overview"),
        ("applicant", "YRD", "services:portal"),
        ("service_officer", "310000", "services:desk"),
        ("handling_officer", "340000", "services:desk"),
        (None, "YRD", "plan:public"),
    ],
)
def test_each_person_lands_on_their_own_work(client, reference, role, where, landing):
    client.force_login(person(role, where))
    assert client.get(reverse("home")).url == reverse(landing)


def test_visitors_land_on_the_transparency_page(client, reference):
    assert client.get(reverse("home")).url == reverse("plan:public")


def test_the_header_offers_only_what_the_roles_allow(client, reference):
    client.force_login(person("applicant", "YRD"))
    page = client.get(reverse("plan:public")).content.decode()
    assert reverse("services:portal") in page and reverse("services:catalogue") in page
    assert f'href="{reverse("plan:overview")}"' not in page and reverse("services:desk") not in page


def test_a_plan_coordinator_sees_the_plan_links_but_no_service_desk(client, reference):
    client.force_login(person("plan_coordinator", "YRD"))
    page = client.get(reverse("plan:public")).content.decode()
    assert f'href="{reverse("plan:overview")}"' in page and reverse("services:desk") not in page
