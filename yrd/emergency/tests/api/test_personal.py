"""A supply request's contact person and note (declared personal): masked in the API list and on the
request's page for alliance members who only offer stock; in full for those who work the request (the
requester, receivers and coordinators of the site, the warehouses sending to it) on the request they
read or act on, each time an audited reveal; the person who raised it sees what they gave in full,
unrecorded, in lists too."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.core.tests.factories import reveals, signed_in
from yrd.emergency.tests import factories as f

pytestmark = pytest.mark.django_db

NOTE = "到北仑区安置点东门找王芳"
CONTACT = ("王芳", "13812345678")
MASKED = ("王*", "138****5678")


@pytest.fixture
def raised(world):
    """A Ningbo site's request, raised by the site requester."""
    return f.site_request(f.incident(), {world.tent: 5}, by=world.requester, note=NOTE)


def contact(body):
    return body["contact_name"], body["contact_phone"]


def page(user, request):
    return signed_in(user).get(reverse("emergency:request", args=[request.number])).content.decode()


def test_the_list_is_masked_for_others_and_in_full_for_who_raised_it_with_nothing_recorded(world, api, raised):
    assert contact(api(world.sh_operator).get("/requests").json()[0]) == MASKED
    assert contact(api(world.coordinator).get("/requests").json()[0]) == MASKED
    assert contact(api(world.requester).get("/requests").json()[0]) == CONTACT
    assert not reveals().exists()


def test_who_raised_it_reads_and_gets_it_back_in_full_unrecorded(world, api):
    body = f.request_body(f.incident(), contact_name=CONTACT[0], contact_phone=CONTACT[1])
    answer = api(world.requester).post("/requests", body)
    assert answer.status_code == 201 and contact(answer.json()) == CONTACT
    assert contact(api(world.requester).get(f"/requests/{answer.json()['number']}").json()) == CONTACT
    assert not reveals().exists()


def test_a_coordinator_cancelling_gets_the_contact_in_full_and_each_field_is_audited(world, api, raised):
    answer = api(world.zj_coordinator).post(f"/requests/{raised.number}/cancel", {"reason": "需求已由当地满足"})
    assert answer.json()["status"] == "cancelled" and contact(answer.json()) == CONTACT
    assert sorted(reveals().values_list("data__field", flat=True)) == ["contact_name", "contact_phone"]
    assert set(reveals().values_list("actor_id", flat=True)) == {world.zj_coordinator.pk}


def test_a_coordinator_rescheduling_gets_it_audited(world, api, raised):
    later = {"needed_by": (timezone.now() + timedelta(hours=48)).isoformat(), "reason": "道路受阻"}
    answer = api(world.coordinator).post(f"/requests/{raised.number}/reschedule", later)
    assert answer.status_code == 200 and contact(answer.json()) == CONTACT
    assert reveals().filter(actor_id=world.coordinator.pk).count() == 2


def test_the_page_masks_contact_and_note_for_an_alliance_member_without_a_show_button(world, raised):
    shown = page(world.sh_operator, raised)
    assert CONTACT[1] not in shown and NOTE not in shown and MASKED[1] in shown
    assert reverse("core:personal-reveal", args=["emergency.SupplyRequest", raised.pk, "note"]) not in shown
    refused = signed_in(world.sh_operator).post(
        reverse("core:personal-reveal", args=["emergency.SupplyRequest", raised.pk, "note"])
    )
    assert refused.status_code == 403 and not reveals().exists()


def test_the_sites_coordinator_reveals_the_note_audited_and_who_raised_it_reads_it_in_full(world, raised):
    url = reverse("core:personal-reveal", args=["emergency.SupplyRequest", raised.pk, "note"])
    shown = page(world.zj_coordinator, raised)
    assert NOTE not in shown and url in shown
    assert NOTE in signed_in(world.zj_coordinator).post(url).content.decode()
    entry = reveals().get()
    assert (entry.actor_id, entry.data) == (world.zj_coordinator.pk, {"field": "note", "kind": "free_text"})
    own = page(world.requester, raised)
    assert NOTE in own and CONTACT[1] in own and url not in own
    assert reveals().count() == 1
