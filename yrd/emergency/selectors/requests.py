"""Requests as the caller may see them, and what each still needs: the quantity asked less what
commitments (not cancelled) already cover."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from yrd.core.access import can, filter_visible
from yrd.emergency.apps import ALLIANCE, ALLOCATE, INCIDENTS, RECEIVE, REQUEST
from yrd.emergency.models import Commitment, CommitmentLine, CommitmentPick, Incident, RequestLine, SupplyRequest

SCOPED_ACTIONS = (REQUEST, RECEIVE, ALLOCATE)


def _requests() -> QuerySet:
    return SupplyRequest.objects.select_related(
        "incident", "destination_warehouse__member__organisation", "city__parent", "raised_by"
    )


def _in_scope(user) -> Q:
    scoped = [
        filter_visible(
            SupplyRequest.objects.all(),
            user,
            action,
            jurisdiction_fields=["city"],
            organisation_field="destination_warehouse__member__organisation",
        ).values("pk")
        for action in SCOPED_ACTIONS
    ]
    return Q(pk__in=scoped[0]) | Q(pk__in=scoped[1]) | Q(pk__in=scoped[2])


def requests_in_scope(user) -> QuerySet:
    """Requests raised, to be received or to be allocated where the caller works."""
    return _requests().filter(_in_scope(user))


def requests_visible_to(user) -> QuerySet:
    """Requests in the caller's scope, and every open request for members of the alliance, who may
    offer stock to it."""
    condition = _in_scope(user)
    if can(user, ALLIANCE):
        condition |= Q(status=SupplyRequest.Status.OPEN)
    return _requests().filter(condition)


def request_for(user, number: str) -> SupplyRequest:
    return requests_visible_to(user).get(number=number)


def committed(line_ids) -> dict[int, int]:
    """Units covered per request line: what open commitments promise, and what received ones brought
    in good order (units damaged or lost on the way are needed again)."""
    promised = (
        CommitmentLine.objects.filter(
            request_line_id__in=line_ids,
            commitment__status__in=[Commitment.Status.COMMITTED, Commitment.Status.DISPATCHED],
        )
        .values("request_line_id")
        .annotate(total=Sum("quantity"))
    )
    totals = {row["request_line_id"]: int(row["total"]) for row in promised}
    for line_id, arrived in received(line_ids).items():
        totals[line_id] = totals.get(line_id, 0) + arrived
    return totals


def received(line_ids) -> dict[int, int]:
    rows = (
        CommitmentPick.objects.filter(line__request_line_id__in=line_ids, received__isnull=False)
        .values("line__request_line_id")
        .annotate(total=Sum("received"))
    )
    return {row["line__request_line_id"]: int(row["total"]) for row in rows}


@dataclass(frozen=True)
class LineState:
    line: RequestLine
    committed: int
    received: int

    @property
    def outstanding(self) -> int:
        """Still to be committed by some warehouse."""
        return max(self.line.quantity - self.committed, 0)


def line_states(requests) -> dict[int, list[LineState]]:
    """request pk -> the state of each of its lines."""
    lines = list(RequestLine.objects.filter(request__in=requests).select_related("item"))
    ids = [line.pk for line in lines]
    covered, arrived = committed(ids), received(ids)
    states: dict[int, list[LineState]] = defaultdict(list)
    for line in lines:
        states[line.request_id].append(LineState(line, covered.get(line.pk, 0), arrived.get(line.pk, 0)))
    return states


def open_requests(*, within=None, at: datetime | None = None) -> QuerySet:
    """Open requests whose incident is open (or that a warehouse made), optionally located within a
    jurisdiction; those past their needed-by time included (they are shown as late)."""
    queryset = (
        _requests()
        .filter(status=SupplyRequest.Status.OPEN)
        .filter(Q(incident__isnull=True) | Q(incident__closed_at__isnull=True))
    )
    if within is not None and within.level != "region":
        queryset = queryset.filter(Q(city__path=within.path) | Q(city__path__startswith=within.path + "/"))
    return queryset


def incidents_visible_to(user) -> QuerySet:
    """Incidents of the caller's scope; open incidents for every member of the alliance."""
    scoped = filter_visible(Incident.objects.all(), user, INCIDENTS, jurisdiction_fields=["jurisdiction"]).values("pk")
    condition = Q(pk__in=scoped)
    if can(user, ALLIANCE) or can(user, REQUEST):
        condition |= Q(closed_at__isnull=True)
    return Incident.objects.select_related("jurisdiction").filter(condition)


def late(request: SupplyRequest, at: datetime | None = None) -> bool:
    return request.needed_by <= (at or timezone.now())
