"""ECharts options of the market pages (the data travels as JSON next to the chart, no inline script): the
schematic map of the 41 cities coloured by a count, and a bar chart of counts by label."""

from django.utils.translation import gettext as _


def city_map(counts: dict[str, int], cities, *, name: str) -> dict:
    """The 41 cities (vendored GeoJSON, registered as "yrd"), each coloured by its count in `counts`."""
    return {
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "min": 0,
            "max": max(counts.values(), default=1) or 1,
            "left": 8,
            "bottom": 8,
            "calculable": True,
        },  # fmt: skip
        "series": [
            {
                "name": name,
                "type": "map",
                "map": "yrd",
                "nameProperty": "adcode",
                "data": [{"name": c.code, "value": counts.get(c.code, 0), "label": c.name} for c in cities],
            }
        ],
    }


def bars(counts: list[tuple[str, int]], *, name: str) -> dict:
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 48, "right": 16, "top": 16, "bottom": 60},
        "xAxis": {"type": "category", "data": [label for label, _n in counts], "axisLabel": {"rotate": 30}},
        "yAxis": {"type": "value", "name": _("cases"), "minInterval": 1},
        "series": [{"name": name, "type": "bar", "data": [n for _label, n in counts]}],
    }
