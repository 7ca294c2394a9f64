"""ECharts options for the culture pages, built as plain JSON (the CSP allows no inline script, so no
formatter functions: each item's `name` carries the text its tooltip shows). Maps draw on the
vendored schematic map of the 41 cities (`geo/yrd-cities.geojson`, registered as "yrd")."""

from django.utils.translation import gettext as _

from yrd.culture.models import SECTIONS, DossierSection, ParkProject

KIND_COLOURS = {
    "water_town": "#1d4e89",
    "historic_area": "#7b4fb5",
    "park_site": "#2e7d32",
    "building": "#d98e04",
    "bridge": "#0f7c8c",
    "intangible": "#c62828",
}
STAGE_COLOURS = {"planned": "#9aa9bb", "building": "#d98e04", "completed": "#0f7c8c", "open": "#2e7d32"}
SECTION_COLOURS = {
    "missing": "#d0d7e1",
    "draft": "#9aa9bb",
    "submitted": "#d98e04",
    "accepted": "#2e7d32",
    "returned": "#c62828",
}


def _geo(zoom=1.6, center=(120.4, 31.0)) -> dict:
    return {
        "map": "yrd",
        "roam": True,
        "center": list(center),
        "zoom": zoom,
        "itemStyle": {"areaColor": "#eef2f7", "borderColor": "#9aa9bb"},
        "emphasis": {"disabled": True},
    }


def sites_map(points: list[dict], kinds: dict, name_of, clusters=()) -> dict:
    """`points` and `clusters` from selectors.resources.map_points; `kinds` code -> label;
    `name_of(point)` its name. Clusters are circles sized by how many sites a 0.1° cell holds."""
    series = []
    if clusters:
        series.append(
            {
                "name": _("Sites per 0.1° cell"),
                "type": "scatter",
                "coordinateSystem": "geo",
                "itemStyle": {"color": "#1d4e89", "opacity": 0.6},
                "data": [
                    {
                        "name": _("%(n)d sites") % {"n": c["count"]},
                        "value": [c["lon"], c["lat"]],
                        "symbolSize": min(6 + 2 * c["count"] ** 0.5, 30),
                    }
                    for c in clusters
                ],
            }
        )
    for kind, label in kinds.items():
        data = [
            {
                "name": name_of(p) + (" · " + _("location generalised") if p["generalised"] else ""),
                "value": [p["lon"], p["lat"]],
            }
            for p in points
            if p["kind"] == kind
        ]
        series.append(
            {
                "name": str(label),
                "type": "scatter",
                "coordinateSystem": "geo",
                "symbolSize": 9,
                "itemStyle": {"color": KIND_COLOURS.get(kind, "#333")},
                "data": data,
            }
        )
    return {"tooltip": {"trigger": "item"}, "legend": {"bottom": 0, "type": "scroll"}, "geo": _geo(), "series": series}


def route_map(stops: list[dict], name_of) -> dict:
    line = [[s["longitude"], s["latitude"]] for s in stops]
    return {
        "tooltip": {"trigger": "item"},
        "geo": _geo(zoom=3, center=line[0] if line else (120.4, 31.0)),
        "series": [
            {
                "type": "lines",
                "coordinateSystem": "geo",
                "polyline": True,
                "lineStyle": {"color": "#c62828", "width": 3},
                "data": [{"name": _("Route"), "coords": line}] if len(line) > 1 else [],
            },
            {
                "type": "scatter",
                "coordinateSystem": "geo",
                "symbolSize": 14,
                "label": {"show": True, "formatter": "{b}", "position": "right"},
                "data": [
                    {"name": f"{n}. {name_of(s)}", "value": [s["longitude"], s["latitude"]]}
                    for n, s in enumerate(stops, 1)
                ],
            },
        ],
    }


def bid_progress(rows, name_of) -> dict:
    """Stacked bars: per component, how many sections are in each status."""
    names = [name_of(r.component.resource) for r in rows]
    series = []
    for status, label in DossierSection.Status.choices:
        series.append(
            {
                "name": str(label),
                "type": "bar",
                "stack": "sections",
                "itemStyle": {"color": SECTION_COLOURS[status]},
                "data": [sum(1 for s in r.statuses.values() if s == status) for r in rows],
            }
        )
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "grid": {"left": 100, "right": 20, "top": 20, "bottom": 60},
        "xAxis": {"type": "value", "max": len(SECTIONS), "name": _("sections")},
        "yAxis": {"type": "category", "data": names},
        "series": series,
    }


def projects_by_stage(counts: dict) -> dict:
    parks = dict(ParkProject.Park.choices)
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "grid": {"left": 60, "right": 20, "top": 20, "bottom": 60},
        "xAxis": {"type": "category", "data": [str(parks[p]) for p in counts]},
        "yAxis": {"type": "value", "name": _("projects"), "minInterval": 1},
        "series": [
            {
                "name": str(label),
                "type": "bar",
                "stack": "stage",
                "itemStyle": {"color": STAGE_COLOURS[stage]},
                "data": [counts[p][stage] for p in counts],
            }
            for stage, label in ParkProject.Stage.choices
        ],
    }


def projects_map(projects, name_of) -> dict:
    parks = dict(ParkProject.Park.choices)
    return {
        "tooltip": {"trigger": "item"},
        "legend": {"bottom": 0},
        "geo": _geo(zoom=1.2, center=(119.0, 31.5)),
        "series": [
            {
                "name": str(parks[park]),
                "type": "scatter",
                "coordinateSystem": "geo",
                "symbol": "circle" if park == "yangtze" else "diamond",
                "symbolSize": 11,
                "data": [
                    {
                        "name": f"{name_of(p)} · {p.get_stage_display()} · {p.progress}%",
                        "value": [p.longitude, p.latitude],
                        "itemStyle": {"color": STAGE_COLOURS[p.stage]},
                    }
                    for p in projects
                    if p.park == park
                ],
            }
            for park in parks
        ],
    }


def visits_by_month(rows: list[tuple[str, int]]) -> dict:
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 60, "right": 20, "top": 20, "bottom": 40},
        "xAxis": {"type": "category", "data": [m for m, _n in rows]},
        "yAxis": {"type": "value", "name": _("people"), "minInterval": 1},
        "series": [{"type": "bar", "itemStyle": {"color": "#1d4e89"}, "data": [n for _m, n in rows]}],
    }
