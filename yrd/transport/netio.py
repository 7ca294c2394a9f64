"""Hubs and links as files: the CSV columns of `data/hubs.csv` / `data/links.csv` (plus `departures` and
`derived` for links) and GeoJSON (points for hubs, lines for links, the same keys as properties).
Pure conversions; the import write (`writes.imports`) validates and stores, the export is a read."""

import csv
import io
import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HUB_COLUMNS = [
    "hub_id",
    "hub_name_en",
    "hub_name_zh",
    "city_adcode",
    "hub_type",
    "modes",
    "latitude",
    "longitude",
    "coord_source",
    "throughput_value",
    "throughput_unit",
    "throughput_year",
    "throughput_source",
    "notes",
]
LINK_COLUMNS = [
    "link_id",
    "corridor_name_en",
    "corridor_name_zh",
    "mode",
    "from_city_adcode",
    "to_city_adcode",
    "distance_km",
    "distance_method",
    "distance_source",
    "departures",
    "derived",
]
REQUIRED = {"hubs": ["hub_id", "hub_name_zh", "city_adcode", "hub_type"], "links": LINK_COLUMNS[:7]}
COLUMNS = {"hubs": HUB_COLUMNS, "links": LINK_COLUMNS}
MAX_ROWS = 20_000


def parse(kind: str, fmt: str, text: str) -> list[dict]:
    """Rows as dicts of strings; a file that cannot be read raises ValidationError({"file": ...})."""
    rows = _parse_csv(text) if fmt == "csv" else _parse_geojson(kind, text)
    if not rows:
        raise ValidationError({"file": [_("The file holds no rows.")]})
    if len(rows) > MAX_ROWS:
        raise ValidationError({"file": [_("At most %(n)d rows per file.") % {"n": MAX_ROWS}]})
    missing = [c for c in REQUIRED[kind] if c not in rows[0]]
    if missing:
        raise ValidationError({"file": [_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}]})
    return rows


def _parse_csv(text: str) -> list[dict]:
    try:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(io.StringIO(text))
        ]
    except csv.Error as error:
        raise ValidationError({"file": [_("Not a readable CSV file: %(error)s") % {"error": error}]}) from None


def _parse_geojson(kind: str, text: str) -> list[dict]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError({"file": [_("Not a readable GeoJSON file: %(error)s") % {"error": error}]}) from None
    # Any JSON may arrive (a list, a number, features that are strings): check each level's shape.
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise ValidationError({"file": [_("A GeoJSON FeatureCollection is expected.")]})
    rows = []
    for feature in features:
        feature = feature if isinstance(feature, dict) else {}
        properties = feature.get("properties")
        properties = dict(properties) if isinstance(properties, dict) else {}
        geometry = feature.get("geometry") if isinstance(feature.get("geometry"), dict) else {}
        if kind == "hubs" and geometry.get("type") == "Point" and len(geometry.get("coordinates") or []) >= 2:
            properties.setdefault("longitude", geometry["coordinates"][0])
            properties.setdefault("latitude", geometry["coordinates"][1])
        rows.append({k: "" if v is None else str(v) for k, v in properties.items()})
    return rows


def render(kind: str, fmt: str, rows: list[dict], coordinates: dict | None = None) -> str:
    """`coordinates` maps a link code to [[lon, lat], [lon, lat]] for the GeoJSON lines."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS[kind], extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    features = []
    for row in rows:
        if kind == "hubs":
            located = row.get("latitude") not in ("", None) and row.get("longitude") not in ("", None)
            point = [float(row["longitude"]), float(row["latitude"])] if located else None
            geometry = {"type": "Point", "coordinates": point} if point else None
        else:
            line = (coordinates or {}).get(row["link_id"])
            geometry = {"type": "LineString", "coordinates": line} if line else None
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)
