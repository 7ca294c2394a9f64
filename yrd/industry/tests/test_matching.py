"""Candidate suppliers for a need: only enterprises with capacity for the component, ranked by spare
capacity, certification and travel time, with or without the transport module."""

from datetime import date
from decimal import Decimal

import pytest

from yrd.core.actors import SYSTEM
from yrd.industry import matching, writes
from yrd.industry.models import Need

from . import factories as f

pytestmark = pytest.mark.django_db


def need(world, certification=""):
    return writes.need_post(
        acting_user=SYSTEM, customer=world.hefei_oem, component=f.component("battery-pack"),
        volume=Decimal(10000), needed_by=date(2026, 6, 30), required_certification=certification,
    )  # fmt: skip


def test_only_enterprises_with_capacity_are_candidates_and_the_customer_is_not(world):
    ranked = matching.candidates(need(world))
    assert {c.enterprise.pk for c in ranked} == {world.suzhou_pack.pk, world.ningbo_pack.pk}


def test_spare_capacity_counts_what_a_supplier_already_delivers(world):
    # Suzhou: 60,000 packs a year; it delivers 60% of Hefei's 36,500 and all of Shanghai's 18,250.
    chain = matching.chain_from_db()
    assert matching.committed(chain, world.suzhou_pack.pk, "battery-pack") == pytest.approx(0.6 * 36500 + 18250)


def test_a_required_certification_ranks_the_certified_supplier_first(world, monkeypatch):
    monkeypatch.setattr(matching, "transport_travel_time", None)
    ranked = matching.candidates(need(world, "IATF 16949"))
    assert [c.enterprise.pk for c in ranked] == [world.suzhou_pack.pk, world.ningbo_pack.pk]
    assert ranked[0].certified and not ranked[1].certified


def test_without_the_transport_module_travel_time_comes_from_distance(world, monkeypatch):
    monkeypatch.setattr(matching, "transport_travel_time", None)
    hours, source = matching.travel_hours(world.suzhou_pack, world.hefei_oem)
    assert source == "distance" and 4 < hours < 7  # Suzhou to Hefei is about 330 km as the crow flies


def test_travel_time_from_the_transport_module_is_used_when_it_answers(world, monkeypatch):
    monkeypatch.setattr(matching, "transport_travel_time", lambda a, b: 2.5)
    assert matching.travel_hours(world.suzhou_pack, world.hefei_oem) == (2.5, "transport")
    monkeypatch.setattr(matching, "transport_travel_time", lambda a, b: None)
    assert matching.travel_hours(world.suzhou_pack, world.hefei_oem)[1] == "distance"


def test_an_agreed_contact_marks_the_need_matched(world):
    posted = need(world)
    contact = writes.contact_record(
        acting_user=world.hefei_officer, need=posted, supplier=world.ningbo_pack, message="Hello"
    )
    writes.contact_outcome(acting_user=world.hefei_officer, contact=contact, outcome="agreed")
    assert Need.objects.get(pk=posted.pk).state == Need.State.MATCHED


def test_the_contacted_suppliers_people_are_told_in_their_inbox(world):
    from yrd.core.models import Notification

    posted = need(world)
    writes.contact_record(acting_user=world.hefei_officer, need=posted, supplier=world.ningbo_pack, message="Hello")
    note = Notification.objects.get(recipient=world.ningbo_officer)
    assert "asks about" in note.subject and note.body == "Hello"
    assert not Notification.objects.filter(recipient=world.suzhou_officer).exists()
