"""Routes as plain JSON: how a plan is stored with its request and sent by the API."""

from yrd.transport.routing import Leg, Place, Route, RoutePlan, Transfer


def place_json(place: Place) -> dict:
    return {
        "kind": place.kind,
        "code": place.code,
        "name_zh": place.name_zh,
        "name_en": place.name_en,
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
    }


def leg_json(leg: Leg) -> dict:
    return {
        "mode": str(leg.mode),
        "kind": leg.kind,
        "origin": place_json(leg.origin),
        "destination": place_json(leg.destination),
        "via": [place_json(p) for p in leg.via],
        "links": list(leg.links),
        "km": round(leg.km, 1),
        "departs": leg.departs.isoformat(),
        "arrives": leg.arrives.isoformat(),
        "wait_hours": round(leg.wait_hours, 3),
        "cost": round(leg.cost, 2),
        "co2_kg": round(leg.co2_kg, 2),
        "tonne_km": round(leg.tonne_km, 1),
    }


def transfer_json(transfer: Transfer) -> dict:
    return {
        "hub": place_json(transfer.hub),
        "from_mode": str(transfer.from_mode),
        "to_mode": str(transfer.to_mode),
        "starts": transfer.starts.isoformat(),
        "hours": round(transfer.hours, 3),
        "cost": round(transfer.cost, 2),
    }


def route_json(route: Route, plan: RoutePlan) -> dict:
    labels = [
        name
        for name, best in (("cheapest", plan.cheapest), ("fastest", plan.fastest), ("greenest", plan.greenest))
        if best is route
    ]
    return {
        "best_for": labels,
        "cost": round(route.cost, 2),
        "hours": round(route.hours, 3),
        "co2_kg": round(route.co2_kg, 2),
        "km": round(route.km, 1),
        "departs": route.departs.isoformat(),
        "arrives": route.arrives.isoformat(),
        "modes": [str(m) for m in route.modes],
        "tonne_km_by_mode": {k: round(v, 1) for k, v in route.tonne_km_by_mode.items()},
        "legs": [leg_json(leg) for leg in route.legs],
        "transfers": [transfer_json(t) for t in route.transfers],
    }


def plan_json(plan: RoutePlan) -> list[dict]:
    return [route_json(route, plan) for route in plan.routes]
