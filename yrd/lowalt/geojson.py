"""Restrictions as GeoJSON: read a FeatureCollection all-or-nothing, write one back.

One Feature per restricted or controlled volume; its geometry a Polygon in longitude/latitude
(WGS 84 / CGCS2000, RFC 7946 ring order not required), its properties:

    id           the authority's own reference, unique in the file        "SH-PVG-01"
    name_zh      Chinese name                                             "浦东国际机场净空保护区"
    name_en      English name (optional)
    kind         "no_fly" or "controlled"
    lower_m      lower limit, metres true height                          0
    upper_m      upper limit, metres true height                          1000
    active       {"type": "always"}
                 {"type": "windows", "windows": [["2026-06-01T08:00+08:00", "2026-06-01T12:00+08:00"], ...]}
                 {"type": "weekly", "weekdays": [0, 1, 2, 3, 4], "start": "07:00", "end": "09:00",
                  "valid_from": "2026-06-01", "valid_until": null}      (0 = Monday; local time,
                  "timezone" optional, Asia/Shanghai by default; an end not after the start runs
                  past midnight)
    source       where the outline and limits come from (optional)        "CAAC notice of 2019-05-17"
    indicative   true when the volume is an approximation standing in      false
                 for one not yet published (optional, false by default)

`parse_restrictions` checks every feature and raises one `ImportRefused` listing every problem as
"feature N (id): field: message"; it returns nothing half-read. `restrictions_to_geojson` writes the
same shape, so an export imports again unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .conflicts import RULES, InvalidVolume, RestrictionKind
from .conflicts.schedule import active_from_dict, active_to_dict
from .conflicts.validation import RESTRICTION_RULES, band_problems, footprint
from .texts import problem_message

MAX_FEATURES = 5000
MAX_TEXT = {"id": 40, "name_zh": 200, "name_en": 200, "source": 300}
OPTIONAL = {"name_en", "source"}


@dataclass(frozen=True)
class RestrictionRow:
    """One feature, read and checked: what a model row needs."""

    ref: str
    name_zh: str
    name_en: str
    kind: str
    outline: list[list[float]]
    lower_m: float
    upper_m: float
    active: dict
    source: str = ""
    indicative: bool = False


class ImportRefused(ValueError):
    """Every problem of a file; nothing of it was taken."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


def parse_restrictions(text: str | bytes) -> list[RestrictionRow]:
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ImportRefused([_("The file is not JSON: {error}").format(error=error)]) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportRefused([_("The file must be a GeoJSON FeatureCollection.")])
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise ImportRefused([_("The FeatureCollection has no features.")])
    if len(features) > MAX_FEATURES:
        raise ImportRefused([_("A file may hold at most {maximum} features.").format(maximum=MAX_FEATURES)])
    rows, errors, seen = [], [], set()
    for number, feature in enumerate(features, start=1):
        row, problems = read_feature(feature)
        if row is not None and row.ref in seen:
            problems.append(("id", _("the id {ref} is used twice in the file").format(ref=row.ref)))
        if row is not None:
            seen.add(row.ref)
        ref = row.ref if row is not None else _ref_of(feature)
        errors += [_feature_error(number, ref, field, message) for field, message in problems]
        rows.append(row)
    if errors:
        raise ImportRefused(errors)
    return rows


def row_of(restriction) -> RestrictionRow:
    """A stored restriction (an AirspaceRestriction) as the reader gives it, for export."""
    names = ("ref", "name_zh", "name_en", "kind", "outline", "lower_m", "upper_m", "active", "source", "indicative")
    return RestrictionRow(*(getattr(restriction, name) for name in names))


def restrictions_to_geojson(rows: list[RestrictionRow]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [[*row.outline, row.outline[0]]]},
                "properties": {
                    "id": row.ref,
                    "name_zh": row.name_zh,
                    "name_en": row.name_en,
                    "kind": row.kind,
                    "lower_m": row.lower_m,
                    "upper_m": row.upper_m,
                    "active": row.active,
                    "source": row.source,
                    "indicative": row.indicative,
                },
            }
            for row in rows
        ],
    }


def _feature_error(number: int, ref: str, field: str, message: str) -> str:
    if ref:
        return _("Feature {number} ({ref}): {field}: {message}").format(
            number=number, ref=ref, field=field, message=message
        )
    return _("Feature {number}: {field}: {message}").format(number=number, field=field, message=message)


def _ref_of(feature) -> str:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    ref = properties.get("id") if isinstance(properties, dict) else None
    return ref if isinstance(ref, str) else ""


def read_feature(feature) -> tuple[RestrictionRow | None, list[tuple[str, str]]]:
    """One feature read and checked: (the row, []) or (None, [(property, message), ...])."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [("type", _("not a GeoJSON Feature"))]
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return None, [("properties", _("missing"))]
    problems: list[tuple[str, str]] = []
    texts = {name: _text(properties, name, problems) for name in MAX_TEXT}
    kind = properties.get("kind")
    if kind not in {k.value for k in RestrictionKind}:
        problems.append(("kind", _("must be “no_fly” or “controlled”")))
    outline = _outline(feature.get("geometry"), problems)
    lower, upper = properties.get("lower_m"), properties.get("upper_m")
    problems += [("altitude", problem_message(p)) for p in band_problems(lower, upper, RULES)]
    active = _active(properties.get("active"), problems)
    indicative = properties.get("indicative", False)
    if not isinstance(indicative, bool):
        problems.append(("indicative", _("must be true or false")))
    if problems:
        return None, problems
    row = RestrictionRow(
        texts["id"],
        texts["name_zh"],
        texts["name_en"] or "",
        kind,
        outline,
        float(lower),
        float(upper),
        active,
        texts["source"] or "",
        indicative,
    )
    return row, []


def _text(properties: dict, name: str, problems: list) -> str | None:
    value = properties.get(name)
    required = name not in OPTIONAL
    if value is None or value == "":
        if required:
            problems.append((name, _("missing")))
        return None
    if not isinstance(value, str):
        problems.append((name, _("must be text")))
        return None
    if len(value) > MAX_TEXT[name]:
        problems.append((name, _("at most {maximum} characters").format(maximum=MAX_TEXT[name])))
        return None
    return value.strip()


def _outline(geometry, problems: list) -> list[list[float]] | None:
    if not isinstance(geometry, dict) or geometry.get("type") != "Polygon":
        problems.append(("geometry", _("must be a Polygon")))
        return None
    rings = geometry.get("coordinates")
    if not isinstance(rings, list) or len(rings) != 1:
        problems.append(("geometry", _("must be one outer ring without holes")))
        return None
    try:
        footprint("area", rings[0], 0, RESTRICTION_RULES)
    except InvalidVolume as refused:
        problems += [("geometry", problem_message(p)) for p in refused.problems]
        return None
    ring = [[float(lon), float(lat)] for lon, lat in rings[0]]
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring


def _active(active, problems: list) -> dict | None:
    try:
        return active_to_dict(active_from_dict(active))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        problems.append(("active", _("cannot be read: {error}").format(error=_(str(error)))))
        return None
