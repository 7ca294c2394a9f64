"""A heritage route over sites the caller may see: resolve the chosen codes, order them
(`routes.best_order` over `routes.travel_costs`) and describe the result as stops, legs and a GeoJSON
line. Sensitive sites take part with their generalised point (nobody's route reveals them).
Nothing is stored."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.culture import routes
from yrd.culture.selectors.resources import resources_visible_to, shown_point

UNITS = {routes.NETWORK: "min", routes.STRAIGHT: "km"}


def route_for(user, codes: list[str], start: str | None = None) -> dict:
    codes = list(dict.fromkeys(c for c in codes if c))
    if len(codes) > routes.MAX_STOPS:
        raise ValidationError({"stops": [_("A route has at most %(n)d stops.") % {"n": routes.MAX_STOPS}]})
    found = {r.code: r for r in resources_visible_to(user).filter(code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise ValidationError({"stops": [_("Unknown site: %(code)s.") % {"code": c[:40]} for c in unknown]})
    if start and start not in found:
        raise ValidationError({"start": [_("The first stop must be one of the chosen sites.")]})
    sites = [found[c] for c in codes]
    points = [shown_point(user, s) for s in sites]
    cost, basis = routes.travel_costs(points)
    try:
        ordered = routes.best_order(cost, codes.index(start) if start else None)
    except routes.RouteRefused as refused:
        raise ValidationError({refused.field: [str(refused)]}) from None
    legs = [None, *ordered.legs]
    stops = [
        {
            "code": sites[i].code,
            "name_zh": sites[i].name_zh,
            "name_en": sites[i].name_en,
            "longitude": points[i][0],
            "latitude": points[i][1],
            "leg": None if leg is None else round(leg, 1),
        }
        for i, leg in zip(ordered.order, legs, strict=True)
    ]
    line = [[s["longitude"], s["latitude"]] for s in stops]
    return {
        "basis": basis,
        "unit": UNITS[basis],
        "total": round(ordered.total, 1),
        "stops": stops,
        "geojson": {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": line}
            if len(line) > 1
            else {"type": "Point", "coordinates": line[0]},
            "properties": {"stops": [s["code"] for s in stops], "basis": basis, "total": round(ordered.total, 1)},
        },
    }
