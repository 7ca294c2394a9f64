"""Personal fields in culture: a reservation's contact and group are masked in the API list for the
site's officers (the visitor sees their own), revealed to them on request or on the reservation they
act on, each time audited; a dossier comment's author is masked for readers of the bid and revealed
to the component's editors and reviewers."""

import json

import pytest
from django.urls import reverse

from yrd.core.tests.factories import reveal, reveals, signed_in
from yrd.culture import writes
from yrd.culture.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(world):
    return f.book(f.bookable(40), world.visitor, size=12, group_name="苏州实验小学研学团", contact_name="李四",
                  contact_phone="13900001111")  # fmt: skip


def test_the_sites_officer_lists_reservations_masked_and_the_visitor_their_own_in_full(world, booked):
    officer_row = signed_in(world.sz_officer).get("/api/culture/reservations").json()[0]
    assert (officer_row["contact_name"], officer_row["contact_phone"], officer_row["group_name"]) == (
        "李*",
        "139****1111",
        "苏***",
    )
    own = signed_in(world.visitor).get("/api/culture/reservations").json()[0]
    assert (own["contact_name"], own["contact_phone"], own["group_name"]) == (
        "李四",
        "13900001111",
        "苏州实验小学研学团",
    )
    assert not reveals().exists()


def test_the_sites_officer_reveals_the_phone_audited_and_another_citys_officer_is_refused(world, booked):
    assert "13900001111" in reveal(world.sz_officer, booked, "contact_phone").content.decode()
    assert reveal(world.jx_officer, booked, "contact_phone").status_code == 403
    entry = reveals().get()
    assert (entry.actor_id, entry.data) == (world.sz_officer.pk, {"field": "contact_phone", "kind": "phone"})


def test_the_officer_cancelling_a_reservation_gets_the_contact_in_full_and_each_field_is_audited(world, booked):
    path = f"/api/culture/reservations/{booked.number}/cancel"
    answer = signed_in(world.sz_officer).post(path, json.dumps({}), content_type="application/json").json()
    assert (answer["status"], answer["contact_phone"]) == ("cancelled", "13900001111")
    assert sorted(reveals().values_list("data__field", flat=True)) == ["contact_name", "contact_phone", "group_name"]


def test_a_comments_author_is_masked_for_another_citys_reader_and_revealed_to_the_reviewer(world):
    component = f.component()  # a Suzhou town
    comment = writes.dossier_comment(acting_user=world.zj_reviewer, component=component, text="建议统一术语")
    author = str(world.zj_reviewer)
    url = reverse("culture:component", args=[component.resource.code])
    page = signed_in(world.jx_officer).get(url).content.decode()
    assert author not in page and "建议统一术语" in page
    assert reveal(world.jx_officer, comment, "author_label").status_code == 403
    assert author in signed_in(world.zj_reviewer).get(url).content.decode()  # their own
    assert not reveals().exists()
    assert author in reveal(world.js_reviewer, comment, "author_label").content.decode()
    assert reveals().get().actor_id == world.js_reviewer.pk
