"""Incidents and requests: a site outside the region, a past needed-by time, a closed incident, a
requester of another city: each refused with its reason, nothing written."""

import math
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yrd.core.tests.factories import jurisdiction
from yrd.emergency import writes
from yrd.emergency.models import Commitment, SupplyRequest
from yrd.emergency.tests import factories as f


def raise_request(world, *, by=None, **changes):
    values = dict(
        priority=1,
        needed_by=timezone.now() + timedelta(hours=12),
        needs=[writes.Need(world.tent, 10)],
        incident=changes.pop("incident", None) or f.incident(),
        site="北仑安置点",
        latitude="29.90",
        longitude="121.88",
    )
    return writes.request_raise(acting_user=by or world.requester, data=writes.RequestInput(**(values | changes)))


def test_a_request_from_a_site_gets_a_number_and_its_city(world):
    request = raise_request(world)
    assert request.number == f"REQ-{request.pk:06d}" and request.city.code == "330200"
    assert list(request.lines.values_list("item__code", "quantity")) == [("family-tent", 10)]


@pytest.mark.parametrize(
    "latitude, longitude, message",
    [
        ("39.90", "116.40", "outside the Yangtze River Delta"),  # Beijing
        ("30.00", "125.00", "outside the Yangtze River Delta"),  # the East China Sea
        ("NaN", "121.5", "decimal degrees"),
        ("ninety", "121.5", "decimal degrees"),
        ("91", "121.5", "between -90 and 90"),
    ],
)
def test_a_site_outside_the_region_or_without_a_place_is_refused(world, latitude, longitude, message):
    with pytest.raises(ValidationError) as refused:
        raise_request(world, latitude=latitude, longitude=longitude, by=world.coordinator)
    assert message in refused.value.message_dict["latitude"][0]
    assert not SupplyRequest.objects.exists()


def test_every_fault_of_a_request_is_named_at_once(world):
    with pytest.raises(ValidationError) as refused:
        raise_request(
            world,
            priority=7,
            needed_by=timezone.now() - timedelta(hours=1),
            needs=[writes.Need(world.tent, 0), writes.Need(world.tent, 5)],
            contact_phone="call me",
            site="",
        )
    assert set(refused.value.message_dict) == {"priority", "needed_by", "needs", "contact_phone", "site"}
    assert any("twice" in m for m in refused.value.message_dict["needs"])


def test_a_closed_incident_takes_no_new_requests(world):
    incident = f.incident()
    writes.incident_close(acting_user=world.zj_coordinator, incident=incident)
    with pytest.raises(ValidationError, match="is closed"):
        raise_request(world, incident=incident)


def test_a_requester_raises_only_for_sites_in_their_city(world):
    with pytest.raises(PermissionDenied):
        raise_request(world, latitude="30.02", longitude="122.11")  # Zhoushan, not Ningbo
    with pytest.raises(PermissionDenied):
        raise_request(world, by=world.stranger)


def test_a_warehouse_asks_the_alliance_for_restocking_from_its_own_place(world):
    request = writes.request_raise(
        acting_user=world.nb_operator,
        data=writes.RequestInput(
            priority=3,
            needed_by=timezone.now() + timedelta(days=3),
            needs=[writes.Need(world.water, 500)],
            warehouse=world.nb,
        ),
    )
    assert (request.city.code, request.destination_warehouse, request.site) == ("330200", world.nb, world.nb.name)
    with pytest.raises(PermissionDenied):
        writes.request_raise(
            acting_user=world.sh_operator,
            data=writes.RequestInput(
                priority=3,
                needed_by=timezone.now() + timedelta(days=3),
                needs=[writes.Need(world.water, 5)],
                warehouse=world.nb,
            ),
        )


def test_cancelling_a_request_frees_what_was_committed_but_not_yet_sent(world):
    f.receive(world.sh, world.tent, 20)
    request = raise_request(world)
    commitment = writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 10)],
    )
    writes.request_cancel(acting_user=world.requester, request=request, reason="群众已转移")
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.CANCELLED
    with pytest.raises(ValidationError, match="not open"):
        writes.request_cancel(acting_user=world.requester, request=request, reason="again")


def test_an_incident_is_opened_for_a_city_or_a_province_once_it_has_started(world):
    with pytest.raises(ValidationError) as refused:
        writes.incident_open(
            acting_user=world.coordinator,
            name_zh="台风",
            kind="typhoon",
            jurisdiction=jurisdiction("YRD"),
            started_at=timezone.now() + timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"jurisdiction", "started_at"}
    with pytest.raises(PermissionDenied):
        f.incident("320000", by=world.zj_coordinator)


def test_needs_are_whole_numbers(world):
    with pytest.raises(ValidationError, match="whole number"):
        raise_request(world, needs=[writes.Need(world.tent, 2.5)])
    assert not math.isnan(0)


def test_a_request_past_its_time_gets_a_new_one_with_the_reason_on_record(world):
    from yrd.core.models import AuditEntry

    request = raise_request(world)
    with pytest.raises(ValidationError) as refused:
        writes.request_reschedule(
            acting_user=world.requester, request=request, needed_by=timezone.now() - timedelta(hours=1), reason=""
        )
    assert set(refused.value.message_dict) == {"needed_by", "reason"}
    later = timezone.now() + timedelta(hours=30)
    writes.request_reschedule(acting_user=world.requester, request=request, needed_by=later, reason="道路抢通后仍需要")
    request.refresh_from_db()
    assert request.needed_by == later
    assert AuditEntry.objects.filter(action="emergency.request.reschedule").get().data["reason"] == "道路抢通后仍需要"
    with pytest.raises(PermissionDenied):
        writes.request_reschedule(acting_user=world.sh_operator, request=request, needed_by=later, reason="x")
