"""Allocation as the database sees it: the engine's problem built from the ledger and the open
requests, and the runs and commitments the caller may see."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from yrd.core.access import filter_visible
from yrd.core.models import Jurisdiction, RoleAssignment
from yrd.emergency import travel
from yrd.emergency.allocation import Lot as EngineLot
from yrd.emergency.allocation import Problem
from yrd.emergency.allocation import Request as EngineRequest
from yrd.emergency.allocation import Warehouse as EngineWarehouse
from yrd.emergency.apps import ALLOCATE, DISPATCH, RECEIVE
from yrd.emergency.models import AllocationRun, Commitment, Drill, SupplyRequest, Warehouse

from .requests import line_states, open_requests
from .stock import LotStock, usable_lots

HOUR = timedelta(hours=1)


def within(jurisdiction: Jurisdiction) -> Q:
    """Rows whose city lies in the jurisdiction (everything for the region)."""
    if jurisdiction.level == Jurisdiction.Level.REGION:
        return Q()
    return Q(city__path=jurisdiction.path) | Q(city__path__startswith=jurisdiction.path + "/")


def warehouses_within(jurisdiction: Jurisdiction) -> QuerySet:
    return Warehouse.objects.filter(within(jurisdiction), active=True).select_related("city").order_by("code")


def hours_until(moment: datetime, now: datetime) -> float:
    return (moment - now) / HOUR


def expiry_hours(expires_on, now: datetime) -> float | None:
    """A lot expiring on day D may be used until D begins (local time)."""
    if expires_on is None:
        return None
    start = timezone.make_aware(datetime.combine(expires_on, time.min), timezone.get_current_timezone())
    return hours_until(start, now)


@dataclass(frozen=True)
class AllocationInput:
    """The engine's problem and how to map its keys back: warehouse, lot and request pks as strings,
    items as codes."""

    problem: Problem
    warehouses: list[Warehouse]
    requests: list[SupplyRequest]
    lots: dict[str, LotStock]
    now: datetime


def allocation_input(
    jurisdiction: Jurisdiction, *, now: datetime, extra_requests: list[EngineRequest] = (), extra_places=()
) -> AllocationInput:
    """Open requests located in the jurisdiction with something still to commit, and the stock of its
    active warehouses available to promise. `extra_requests` (at `extra_places`) are added for drills."""
    warehouses = list(warehouses_within(jurisdiction))
    requests = list(open_requests(within=jurisdiction).filter(lines__isnull=False).distinct())
    states = line_states(requests)
    needs = {r.pk: {s.line.item.code: s.outstanding for s in states[r.pk] if s.outstanding} for r in requests}
    requests = [r for r in requests if needs[r.pk]]
    stock = usable_lots(warehouses, on=timezone.localdate(now))
    lots: dict[int, dict[str, list[EngineLot]]] = {}
    for row in stock:
        entry = EngineLot(str(row.lot.pk), row.available, expiry_hours(row.lot.expires_on, now))
        lots.setdefault(row.lot.warehouse_id, {}).setdefault(row.lot.item.code, []).append(entry)
    engine_requests = [
        EngineRequest(str(r.pk), needs[r.pk], r.priority, max(hours_until(r.needed_by, now), 0.0)) for r in requests
    ] + list(extra_requests)
    places = [r.place for r in requests] + list(extra_places)
    hours = travel.hours([w.place for w in warehouses], places)
    column = {r.pk: n for n, r in enumerate(requests)}
    for row, warehouse in enumerate(warehouses):  # a warehouse never serves its own restocking request
        for request in requests:
            if request.destination_warehouse_id == warehouse.pk:
                hours[row, column[request.pk]] = float("inf")
    problem = Problem(
        warehouses=[EngineWarehouse(str(w.pk), lots.get(w.pk, {})) for w in warehouses],
        requests=engine_requests,
        travel_hours=hours,
    )
    return AllocationInput(problem, warehouses, requests, {str(row.lot.pk): row for row in stock}, now)


def jurisdictions_with(user, action: str) -> list[Jurisdiction]:
    """Where the user holds `action` for a whole jurisdiction (not just one organisation's objects),
    the region first: the places a coordinator may run allocation or drills for."""
    assignments = RoleAssignment.objects.filter(user=user, organisation__isnull=True).select_related(
        "role", "jurisdiction"
    )
    found = {a.jurisdiction for a in assignments if action in a.role.actions}
    return sorted(found, key=lambda j: j.path)


def runs_visible_to(user) -> QuerySet:
    return filter_visible(
        AllocationRun.objects.select_related("jurisdiction", "created_by"),
        user,
        ALLOCATE,
        jurisdiction_fields=["jurisdiction"],
    )


def run_for(user, number: str) -> AllocationRun:
    return runs_visible_to(user).get(number=number)


def drills_visible_to(user) -> QuerySet:
    return filter_visible(
        Drill.objects.select_related("jurisdiction", "created_by"), user, ALLOCATE, jurisdiction_fields=["jurisdiction"]
    )


def commitments_visible_to(user) -> QuerySet:
    """Commitments the caller sends (operators of the warehouse), receives, or coordinates."""
    base = Commitment.objects.select_related("warehouse__member__organisation", "warehouse__city", "request__city")
    sending = filter_visible(
        Commitment.objects.all(),
        user,
        DISPATCH,
        jurisdiction_fields=["warehouse__city"],
        organisation_field="warehouse__member__organisation",
    ).values("pk")
    receiving = filter_visible(
        Commitment.objects.all(),
        user,
        RECEIVE,
        jurisdiction_fields=["request__city"],
        organisation_field="request__destination_warehouse__member__organisation",
    ).values("pk")
    coordinating = filter_visible(
        Commitment.objects.all(), user, ALLOCATE, jurisdiction_fields=["request__city", "warehouse__city"]
    ).values("pk")
    return base.filter(Q(pk__in=sending) | Q(pk__in=receiving) | Q(pk__in=coordinating))


def commitment_for(user, number: str) -> Commitment:
    return commitments_visible_to(user).get(number=number)


@dataclass(frozen=True)
class FillableLine:
    line: object  # RequestLine
    outstanding: int
    can_give: int  # available here, still good on arrival


@dataclass(frozen=True)
class Fillable:
    request: SupplyRequest
    travel_hours: float
    slack_hours: float  # needed-by time less arrival
    lines: list[FillableLine]


def fillable_requests(warehouse: Warehouse, *, now: datetime | None = None) -> list[Fillable]:
    """Open requests this warehouse could help with: it reaches them before their needed-by time and
    holds available stock, still good on arrival, of an item they still need. Most urgent first."""
    now = now or timezone.now()
    requests = list(open_requests().exclude(destination_warehouse=warehouse))
    if not requests:
        return []
    stock: dict[str, list[tuple[int, float | None]]] = {}
    for row in usable_lots([warehouse], on=timezone.localdate(now)):
        stock.setdefault(row.lot.item.code, []).append((row.available, expiry_hours(row.lot.expires_on, now)))
    states = line_states(requests)
    arrival = travel.hours([warehouse.place], [r.place for r in requests])[0]
    result = []
    for request, hours in zip(requests, arrival.tolist(), strict=True):
        slack = hours_until(request.needed_by, now) - hours
        if slack < 0:
            continue
        lines = [
            FillableLine(
                s.line, s.outstanding, min(s.outstanding, _good_on_arrival(stock.get(s.line.item.code, []), hours))
            )
            for s in states[request.pk]
            if s.outstanding
        ]
        lines = [line for line in lines if line.can_give]
        if lines:
            result.append(Fillable(request, hours, slack, lines))
    return sorted(result, key=lambda f: (f.request.priority, f.request.needed_by, f.travel_hours))


def _good_on_arrival(lots: list[tuple[int, float | None]], hours: float) -> int:
    return sum(available for available, expiry in lots if expiry is None or expiry > hours)
