"""A shipment's state, derived from its legs as planned and the events reported on them.

Events may arrive late, out of order or twice; the state depends only on the set of distinct events
(one per event id) and their times, never on the order of arrival:

- a leg's status is the furthest any of its events reached (departed < arrived < transferred, i.e.
  handed over to the next leg at the hub); a late "departed" after an "arrived" changes nothing;
- actual departure / arrival: the earliest such event;
- ETA of a leg: its actual arrival once arrived; else the ETA of its latest "delayed" event (by the time
  it happened); else, once departed, departure + the planned running time; else the planned arrival
  pushed back by however late the previous leg is;
- the shipment's ETA is its last leg's; it is delivered when the last leg has arrived.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

RANK = {"planned": 0, "departed": 1, "arrived": 2, "transferred": 3}


@dataclass(frozen=True)
class LegState:
    status: str  # planned, departed, arrived, transferred
    departed_at: datetime | None
    arrived_at: datetime | None
    eta: datetime
    delay_hours: float  # ETA minus planned arrival, never negative
    reported_delay: bool


@dataclass(frozen=True)
class ShipmentState:
    status: str  # booked, in_transit, delivered
    eta: datetime
    delay_hours: float
    legs: tuple[LegState, ...]


def leg_state(leg, events, earliest_start: datetime) -> LegState:
    """`leg` has planned_departure / planned_arrival; `events` have kind, occurred_at, eta, event_id."""
    events = sorted(_distinct(events), key=lambda e: (e.occurred_at, e.kind, e.event_id))
    status = max((e.kind for e in events if e.kind in RANK), key=RANK.__getitem__, default="planned")
    departed = min((e.occurred_at for e in events if e.kind == "departed"), default=None)
    arrived = min((e.occurred_at for e in events if e.kind in ("arrived", "transferred")), default=None)
    delays = [e for e in events if e.kind == "delayed" and e.eta is not None]
    running = leg.planned_arrival - leg.planned_departure
    if arrived is not None:
        eta = arrived
        departed = departed or min(arrived, leg.planned_departure)
    elif delays:
        eta = delays[-1].eta
    elif departed is not None:
        eta = departed + running
    else:
        eta = max(leg.planned_departure, earliest_start) + running
    return LegState(
        status=status,
        departed_at=departed,
        arrived_at=arrived,
        eta=eta,
        delay_hours=max(0.0, (eta - leg.planned_arrival).total_seconds() / 3600),
        reported_delay=bool(delays) and arrived is None,
    )


def shipment_state(legs, events_by_leg: dict) -> ShipmentState:
    """`legs` in order; `events_by_leg` maps a leg's key (its pk) to its events."""
    states: list[LegState] = []
    for i, leg in enumerate(legs):
        earliest = leg.planned_departure
        if states:
            gap = leg.planned_departure - legs[i - 1].planned_arrival
            earliest = states[-1].eta + max(gap, timedelta(0))
        states.append(leg_state(leg, events_by_leg.get(leg.pk, ()), earliest))
    last = states[-1]
    if last.status in ("arrived", "transferred"):
        status = "delivered"
    elif any(s.status != "planned" for s in states):
        status = "in_transit"
    else:
        status = "booked"
    return ShipmentState(status, last.eta, last.delay_hours, tuple(states))


def _distinct(events):
    seen = {}
    for e in events:
        seen.setdefault(e.event_id, e)
    return list(seen.values())
