"""Who sees which application, and who may move it: every persona against applications received at
their window or elsewhere, and handled by their jurisdiction or elsewhere."""

import pytest
from django.contrib.auth.models import AnonymousUser

from yrd.services import selectors
from yrd.services.models import Mode
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit


@pytest.fixture
def cases(world):
    """Four applications: (window, handling province) = (Shanghai, Anhui), (Suzhou, Anhui),
    (Shanghai, Zhejiang) by the applicant, and an online one to Jiangsu by the other applicant."""
    return {
        "sh_to_ah": submit(world),
        "sz_to_ah": submit(world, receiving_window=world.sz_window, by=world.sz_officer),
        "sh_to_zj": submit(world, handling=[world.zhejiang], by=world.sh_officer),
        "online_js": submit(
            world,
            mode=Mode.ONLINE,
            handling=[world.jiangsu],
            by=world.other_applicant,
            applicant_id_number="340104199003070013",
            applicant_name="李四",
        ),
    }


MATRIX = {
    "applicant": {"sh_to_ah"},
    "other_applicant": {"online_js"},
    "sh_officer": {"sh_to_ah", "sh_to_zj"},
    "sz_officer": {"sz_to_ah"},
    "ah_officer": {"sh_to_ah", "sz_to_ah"},
    "zj_officer": {"sh_to_zj"},
    "js_officer": {"online_js"},
    "sh_handler": set(),  # handles in Shanghai; applications merely received there are not theirs
    "stranger": set(),
}


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_each_persona_sees_exactly_their_applications(world, cases, persona):
    seen = set(selectors.applications_visible_to(getattr(world, persona)))
    assert seen == {cases[name] for name in MATRIX[persona]}


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_each_persona_opens_only_their_applications_and_files(world, cases, persona):
    user = getattr(world, persona)
    for name, application in cases.items():
        allowed = name in MATRIX[persona]
        try:
            selectors.application_for(user, application.number)
            opened = True
        except application.DoesNotExist:
            opened = False
        assert opened == allowed, (persona, name)
        material = application.materials.first()
        try:
            selectors.material_for(user, material.pk)
            got_file = True
        except material.DoesNotExist:
            got_file = False
        assert got_file == allowed, (persona, name)


def test_an_organisation_bound_handling_officer_sees_only_their_authoritys_applications(world, cases):
    other_authority = f.authority("340000")
    bound = f.handling_officer("340000", organisation=other_authority)
    assert set(selectors.applications_visible_to(bound)) == set()
    own = f.handling_officer("340000", organisation=world.item.authority_orgs["340000"])
    assert set(selectors.applications_visible_to(own)) == {cases["sh_to_ah"], cases["sz_to_ah"]}


def test_anonymous_visitors_see_nothing(world, cases):
    assert not selectors.applications_visible_to(AnonymousUser()).exists()


def test_the_workbenches_show_only_the_officers_work(world, cases):
    assert {a.number for a in selectors.window_queue(world.sh_officer)} == {
        cases["sh_to_ah"].number,
        cases["sh_to_zj"].number,
    }
    assert selectors.window_queue(world.applicant) == []
    assert selectors.handling_queue(world.ah_officer) == []  # nothing forwarded yet
    assert {a.number for a in selectors.handling_queue(world.js_officer)} == set()
