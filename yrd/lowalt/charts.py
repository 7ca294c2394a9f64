"""ECharts options for the low-altitude pages, built as plain JSON (the CSP allows no inline script, so no
formatter functions: each item's `name` carries the text its tooltip shows).

* The map: the 41 cities (schematic), sites as points, restrictions and the day's operations as
  outlines. Altitude is shown by colour — below 60 m, 60–120 m, above 120 m — and in every tooltip.
* The timeline of an area: time across, height up; each volume a rectangle from its start to its end
  and from its lower to its upper limit, so overlaps in time *and* height show at a glance.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

# Height bands and their colours (the legend of both charts).
HEIGHT_COLOURS = [(60, "#2e7d32"), (120, "#1d4e89"), (float("inf"), "#d98e04")]
NO_FLY_COLOUR, CONTROLLED_COLOUR, EMERGENCY_COLOUR = "#c62828", "#7b4fb5", "#e91e63"


def height_colour(upper_m: float, emergency: bool = False) -> str:
    if emergency:
        return EMERGENCY_COLOUR
    return next(colour for limit, colour in HEIGHT_COLOURS if upper_m <= limit)


def band_text(lower_m: float, upper_m: float) -> str:
    return _("%(lower)s–%(upper)s m") % {"lower": f"{lower_m:g}", "upper": f"{upper_m:g}"}


def window_text(start, end) -> str:
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{start:%H:%M}–{end:%H:%M}" if start.date() == end.date() else f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"


def _ring(outline: list) -> list:
    return [*outline, outline[0]]


def map_option(sites, restrictions, operations, coverage=()) -> dict:
    series = [
        {
            "name": _("Communication and surveillance coverage"),
            "type": "lines",
            "coordinateSystem": "geo",
            "polyline": True,
            "lineStyle": {"color": "#0f7c8c", "width": 1, "type": "dashed", "opacity": 0.7},
            "data": [{"name": _coverage_text(c), "coords": _ring(c.outline)} for c in coverage],
        },
        _sites_series(_("Take-off and landing points"), [s for s in sites if s.kind == "point"], "circle"),
        _sites_series(_("Vertiports"), [s for s in sites if s.kind == "vertiport"], "diamond"),
        _outline_series(
            _("No-fly areas"), [r for r in restrictions if r.kind == "no_fly"], NO_FLY_COLOUR, _restriction_item
        ),
        _outline_series(
            _("Controlled airspace"),
            [r for r in restrictions if r.kind == "controlled"],
            CONTROLLED_COLOUR,
            _restriction_item,
        ),
    ]
    if operations is not None:
        series.append(
            {
                "name": _("Operations of the day"),
                "type": "lines",
                "coordinateSystem": "geo",
                "polyline": True,
                "silent": False,
                "lineStyle": {"width": 2, "opacity": 0.9},
                "data": [_operation_item(o) for o in operations],
            }
        )
    return {
        "tooltip": {"trigger": "item"},
        "legend": {"bottom": 0, "type": "scroll"},
        "geo": {
            "map": "yrd",
            "roam": True,
            "center": [120.2, 31.2],  # the busiest part of the region (Shanghai–Suzhou–Hangzhou) first
            "zoom": 1.6,
            "itemStyle": {"areaColor": "#eef2f7", "borderColor": "#9aa9bb"},
            "emphasis": {"disabled": True},
        },
        "series": series,
    }


def _coverage_text(coverage) -> str:
    reach = _("up to %(ceiling)s m") % {"ceiling": coverage.ceiling_m}
    return f"{coverage.get_kind_display()} · {coverage.technology} · {reach}"


def _sites_series(name: str, sites, symbol: str) -> dict:
    return {
        "name": name,
        "type": "scatter",
        "coordinateSystem": "geo",
        "symbol": symbol,
        "symbolSize": 9,
        "data": [
            {
                "name": _("%(name)s · %(pads)s pads · %(charging)s charging points")
                % {"name": s.name, "pads": s.pads, "charging": s.charging_points},
                "value": [float(s.longitude), float(s.latitude)],
            }
            for s in sites
        ],
    }


def _outline_series(name: str, rows, colour: str, item) -> dict:
    return {
        "name": name,
        "type": "lines",
        "coordinateSystem": "geo",
        "polyline": True,
        "lineStyle": {"color": colour, "width": 2, "type": "solid"},
        "data": [item(row) for row in rows],
    }


def _restriction_item(restriction) -> dict:
    name = f"{restriction.ref} {restriction.name} · {band_text(restriction.lower_m, restriction.upper_m)}"
    if restriction.indicative:
        name = f"{name} · {_('indicative, not the published limits')}"
    return {
        "name": name,
        "coords": _ring(restriction.outline),
    }


def _operation_item(operation: dict) -> dict:
    ring = operation["footprint"]["coordinates"][0]
    label = (
        f"{band_text(operation['lower_m'], operation['upper_m'])} · {window_text(operation['start'], operation['end'])}"
    )
    if operation["number"]:
        label = f"{operation['number']} · {label}"
    if operation["emergency"]:
        label = f"{_('Emergency')} · {label}"
    return {
        "name": label,
        "coords": [list(point) for point in ring],
        "lineStyle": {"color": height_colour(operation["upper_m"], operation["emergency"])},
    }


def _local(moment) -> str:
    """China Standard Time without an offset: ECharts then draws 08:00 as 08:00 in any browser's zone."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M:%S}"


def timeline_option(operations, start, end) -> dict:
    """Rectangles (time × height) drawn as mark areas of an empty series: pure JSON, no render function."""
    areas = []
    for o in operations:
        label = window_text(o["start"], o["end"])
        if o["number"]:
            label = f"{o['number']} · {label}"
        colour = height_colour(o["upper_m"], o["emergency"])
        areas.append(
            [
                {
                    "name": label,
                    "xAxis": _local(o["start"]),
                    "yAxis": o["lower_m"],
                    "itemStyle": {"color": colour, "opacity": 0.45, "borderColor": colour, "borderWidth": 1},
                },
                {"xAxis": _local(o["end"]), "yAxis": o["upper_m"]},
            ]
        )
    top = max([o["upper_m"] for o in operations] + [150])
    return {
        "tooltip": {"trigger": "item"},
        "grid": {"left": 60, "right": 30, "top": 30, "bottom": 50},
        "xAxis": {"type": "time", "min": _local(start), "max": _local(end)},
        "yAxis": {"type": "value", "min": 0, "max": top, "name": _("m true height")},
        "series": [
            {
                "type": "line",
                "data": [],
                "markLine": {
                    "silent": True,
                    "symbol": "none",
                    "lineStyle": {"color": "#c62828", "type": "dashed"},
                    "data": [{"yAxis": 120, "name": _("120 m: controlled airspace above")}],
                },
                "markArea": {"label": {"show": False}, "data": areas},
            }
        ],
    }
