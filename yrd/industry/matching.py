"""Candidate suppliers for a posted need, ranked by component fit, spare capacity, certification and
travel time. Travel time comes from the transport module's `travel_time` when it is installed and
knows both cities; otherwise from the great-circle distance at an assumed 60 km/h by road.

Score = 0.4 × capacity cover (spare capacity over the volume, at most 1) + 0.3 × certification (1
when the required certification is held or none is asked) + 0.3 × 1 / (1 + hours / 10). Only
enterprises with capacity for the component are candidates (component fit is a filter)."""

import math
from dataclasses import dataclass

from yrd.industry.analysis.chain import Chain
from yrd.industry.analysis.placement import distance_km
from yrd.industry.chaindata import chain_from_db
from yrd.industry.models import Enterprise, Need

try:  # the transport module is optional: the board works without it
    from yrd.transport.interface import travel_time as transport_travel_time
except ImportError:  # pragma: no cover - depends on the installed apps
    transport_travel_time = None

ROAD_KMH = 60.0


@dataclass
class Candidate:
    enterprise: Enterprise
    score: float
    cover: float  # spare capacity / volume, capped at 1 (the figure itself is not shown)
    certified: bool
    hours: float
    hours_from: str  # "transport" or "distance"


def committed(chain: Chain, supplier: int, component: str) -> float:
    """Units per year the supplier already delivers: its share of each customer's need."""
    total = 0.0
    for link in chain.links:
        if link.supplier == supplier and link.component == component:
            customer = chain.firms[link.customer]
            need = sum(chain.bom.get(p, {}).get(component, 0.0) * units for p, units in customer.capacity.items())
            total += link.share / 100 * need
    return total


def travel_hours(origin: Enterprise, destination: Enterprise) -> tuple[float, str]:
    if transport_travel_time is not None:
        try:
            hours = transport_travel_time(origin.city.code, destination.city.code)
        except Exception:  # an unknown place or an unbuilt network: fall back to distance
            hours = None
        if hours is not None:
            return float(hours), "transport"
    a, b = origin.city, destination.city
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf, "distance"
    km = distance_km(float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude))
    return km / ROAD_KMH, "distance"


def candidates(need: Need, *, chain: Chain | None = None, limit: int = 20) -> list[Candidate]:
    chain = chain or chain_from_db()
    code = need.component.code
    firms = [f for f in chain.firms.values() if f.capacity.get(code, 0) > 0 and f.id != need.customer_id]
    enterprises = Enterprise.objects.select_related("organisation", "city").in_bulk([f.id for f in firms])
    ranked = []
    for firm in firms:
        enterprise = enterprises[firm.id]
        spare = max(0.0, firm.capacity[code] - committed(chain, firm.id, code))
        cover = min(1.0, spare / float(need.volume))
        wanted = need.required_certification.strip().lower()
        certified = not wanted or wanted in [c.lower() for c in enterprise.certification_list()]
        hours, source = travel_hours(enterprise, need.customer)
        score = 0.4 * cover + 0.3 * certified + 0.3 / (1 + hours / 10)
        ranked.append(Candidate(enterprise, round(score, 4), cover, certified, hours, source))
    ranked.sort(key=lambda c: (-c.score, c.hours, c.enterprise.pk))
    return ranked[:limit]
