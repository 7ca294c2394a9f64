"""Shipment state from leg events: the same whatever order events arrive in and however often."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from yrd.transport.tracking import shipment_state

T0 = datetime(2026, 3, 2, 8, tzinfo=UTC)


@dataclass(frozen=True)
class PlannedLeg:
    pk: int
    planned_departure: datetime
    planned_arrival: datetime


@dataclass(frozen=True)
class Event:
    event_id: str
    kind: str
    occurred_at: datetime
    eta: datetime | None = None


LEGS = [PlannedLeg(1, T0, T0 + timedelta(hours=5)), PlannedLeg(2, T0 + timedelta(hours=7), T0 + timedelta(hours=20))]


def hours(h):
    return T0 + timedelta(hours=h)


events = st.builds(
    Event,
    event_id=st.text("abcdef", min_size=1, max_size=3),
    kind=st.sampled_from(["departed", "arrived", "transferred", "delayed"]),
    occurred_at=st.integers(0, 40).map(hours),
    eta=st.none() | st.integers(0, 60).map(hours),
)
ledgers = st.dictionaries(st.sampled_from([1, 2]), st.lists(events, max_size=6))


@given(ledgers, st.randoms())
def test_out_of_order_and_repeated_events_leave_the_same_state(ledger, random):
    ledger = {leg: _unique_ids(evs) for leg, evs in ledger.items()}
    shuffled = {}
    for leg, evs in ledger.items():
        copy = evs + random.sample(evs, k=len(evs) // 2)  # some sent twice
        random.shuffle(copy)
        shuffled[leg] = copy
    assert shipment_state(LEGS, shuffled) == shipment_state(LEGS, ledger)


def _unique_ids(evs):
    seen = {}
    for e in evs:
        seen.setdefault(e.event_id, e)
    return list(seen.values())


def test_a_booked_shipment_arrives_as_planned():
    state = shipment_state(LEGS, {})
    assert state.status == "booked" and state.eta == LEGS[-1].planned_arrival and state.delay_hours == 0


def test_a_late_arrival_pushes_the_next_leg_and_the_eta():
    state = shipment_state(LEGS, {1: [Event("a", "departed", hours(1)), Event("b", "arrived", hours(9))]})
    assert state.status == "in_transit"
    assert state.legs[0].status == "arrived" and state.legs[0].delay_hours == 4
    assert state.eta == hours(9 + 2 + 13)  # the 2 h transfer gap, then 13 h of running time


def test_a_reported_delay_sets_the_eta_until_the_leg_arrives():
    delayed = Event("d", "delayed", hours(2), eta=hours(30))
    state = shipment_state(LEGS, {2: [delayed]})
    assert state.eta == hours(30) and state.legs[1].reported_delay
    arrived = shipment_state(LEGS, {2: [delayed, Event("e", "arrived", hours(25))]})
    assert arrived.eta == hours(25) and arrived.status == "delivered"


def test_a_departed_report_arriving_after_the_arrival_does_not_undo_it():
    state = shipment_state(LEGS, {1: [Event("b", "arrived", hours(5)), Event("a", "departed", hours(0))]})
    assert state.legs[0].status == "arrived"
    assert state.legs[0].departed_at == hours(0)
