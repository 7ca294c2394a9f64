"""Plans and shipments for tests (other modules' tests may import these too)."""

from datetime import UTC, datetime

from yrd.transport.inputs import PlanInput
from yrd.transport.writes import route_plan, shipment_book

MONDAY_8 = datetime(2026, 3, 2, 8, tzinfo=UTC)


def plan(by, origin="320100", destination="330200", **fields):
    fields.setdefault("tonnes", 100)
    fields.setdefault("departure", MONDAY_8)
    return route_plan(acting_user=by, request=PlanInput(origin=origin, destination=destination, **fields))


def shipment(by, carrier=None, origin="320100", destination="330200", **fields):
    """Nanjing → Ningbo, the cheapest by rail, booked by `by` with `carrier` on the line-haul legs."""
    fields.setdefault("modes", ("rail",))
    fields.setdefault("objective", "cheapest")
    query = plan(by, origin, destination, **fields)
    return shipment_book(acting_user=by, route_query=query, route_index=0, carrier=carrier)
