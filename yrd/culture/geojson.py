"""Heritage resources as GeoJSON: read a FeatureCollection into inputs, write resources back.

One Feature per resource; its geometry a Point or Polygon (longitude, latitude); its properties:

    code             unique code, letters/digits/-/_              "zhouzhuang"
    city             the city's adcode                            "320500"
    kind             water_town, historic_area, park_site, building, bridge, intangible
    name_zh, name_en
    description_zh, description_en, visiting_zh, visiting_en, period
    protection       national, provincial, municipal or none
    listing_document the decision that lists it
    park             "", yangtze or grand_canal
    sensitive, published   true/false
    daily_capacity   visitors a day, or null

`parse_resources` reads the shape (types of each property) and raises `ImportRefused` with every
problem; the write then checks the values (lengths, choices, geometry) the same way as a single save.
`resources_to_geojson(..., public=False)` writes the same shape, so an export imports again
unchanged; `public=True` leaves out unpublished resources and generalises sensitive ones to a point.
"""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction
from yrd.culture import geo
from yrd.culture.inputs import ResourceInput

MAX_FEATURES = 20000
TEXT_PROPERTIES = (
    "code",
    "kind",
    "name_zh",
    "name_en",
    "description_zh",
    "description_en",
    "visiting_zh",
    "visiting_en",
    "period",
    "protection",
    "listing_document",
    "park",
)
FLAGS = ("sensitive", "published")


class ImportRefused(ValueError):
    """Every problem of a file; nothing of it was taken."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


def parse_resources(text: str | bytes) -> list[ResourceInput]:
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefused([_("The file is not JSON: %(error)s") % {"error": error}]) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportRefused([_("The file must be a GeoJSON FeatureCollection.")])
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise ImportRefused([_("The FeatureCollection has no features.")])
    if len(features) > MAX_FEATURES:
        raise ImportRefused([_("A file may hold at most %(n)d features.") % {"n": MAX_FEATURES}])
    cities = {c.code: c for c in Jurisdiction.objects.filter(level="city")}
    rows, errors, seen = [], [], set()
    for number, feature in enumerate(features, start=1):
        row, problems = _read(feature, cities)
        if row is not None and row.code in seen:
            problems.append(("code", _("used twice in the file")))
        if row is not None:
            seen.add(row.code)
        errors += [
            _("Feature %(n)d: %(field)s: %(message)s") % {"n": number, "field": field, "message": message}
            for field, message in problems
        ]
        rows.append(row)
    if errors:
        raise ImportRefused(errors)
    return rows


def _read(feature, cities) -> tuple[ResourceInput | None, list[tuple[str, str]]]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [("type", _("not a GeoJSON Feature"))]
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return None, [("properties", _("missing"))]
    problems = []
    texts = {}
    for name in TEXT_PROPERTIES:
        value = properties.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            problems.append((name, _("must be text")))
        texts[name] = value
    flags = {}
    for name in FLAGS:
        value = properties.get(name, False)
        if not isinstance(value, bool):
            problems.append((name, _("must be true or false")))
        flags[name] = value
    capacity = properties.get("daily_capacity")
    if capacity is not None and (isinstance(capacity, bool) or not isinstance(capacity, int)):
        problems.append(("daily_capacity", _("must be a whole number or null")))
    city = cities.get(str(properties.get("city", "")))
    if city is None:
        problems.append(("city", _("unknown city adcode %(code)s") % {"code": str(properties.get("city"))[:12]}))
    if problems:
        return None, problems
    row = ResourceInput(city=city, geometry=feature.get("geometry"), daily_capacity=capacity, **texts, **flags)
    return row, []


def feature_of(resource, *, public: bool = False) -> dict:
    geometry = resource.geometry
    if public and resource.sensitive:
        geometry = {"type": "Point", "coordinates": list(geo.generalised(resource.longitude, resource.latitude))}
    properties = {name: getattr(resource, name) for name in TEXT_PROPERTIES}
    properties.update({name: getattr(resource, name) for name in FLAGS})
    properties["city"] = resource.city.code
    properties["daily_capacity"] = resource.daily_capacity
    if public:
        properties["generalised"] = resource.sensitive
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def resources_to_geojson(resources, *, public: bool = False) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [feature_of(r, public=public) for r in resources if r.published or not public],
    }
