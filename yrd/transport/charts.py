"""ECharts options for the transport pages (rendered by core/yrd.js from <script type="application/json">)."""

from django.utils.translation import gettext as _

MODE_COLOURS = {"road": "#8d6e63", "rail": "#1d4e89", "river": "#0f7c8c", "sea": "#3f6fb5", "air": "#c2185b"}


def mode_labels():
    return {"road": _("Road"), "rail": _("Rail"), "river": _("Inland waterway"), "sea": _("Sea"), "air": _("Air")}


def pareto(routes: list[dict], chosen: int) -> dict:
    """Cost against hours, one point per route of the front; the dot's size grows with its CO2."""
    top = max((r["co2_kg"] for r in routes), default=1) or 1
    points = [
        {
            "value": [round(r["hours"], 1), round(r["cost"]), round(r["co2_kg"])],
            "name": _("Route %(n)d") % {"n": i + 1},
            "symbolSize": 12 + 28 * r["co2_kg"] / top,
            "itemStyle": {"color": "#c62828" if i == chosen else "#1d4e89"},
        }
        for i, r in enumerate(routes)
    ]
    return {
        "tooltip": {"trigger": "item"},
        "grid": {"left": 80, "right": 30, "top": 30, "bottom": 50},
        "xAxis": {"type": "value", "name": _("Hours"), "nameLocation": "middle", "nameGap": 30, "scale": True},
        "yAxis": {"type": "value", "name": _("Cost (CNY)"), "scale": True},
        "series": [{"type": "scatter", "data": points, "label": {"show": True, "formatter": "{b}", "position": "top"}}],
    }


def network_map(hubs, links, cities: dict, route: dict | None) -> dict:
    """The region's cities (schematic boundaries), the network's links by mode, hubs, and the chosen route."""
    labels = mode_labels()
    series = []
    for mode, colour in MODE_COLOURS.items():
        lines = [
            {"coords": [cities[link.from_city_id], cities[link.to_city_id]]}
            for link in links
            if link.mode == mode and link.from_city_id in cities and link.to_city_id in cities
        ]
        series.append(
            {
                "name": labels[mode],
                "type": "lines",
                "coordinateSystem": "geo",
                "data": lines,
                "lineStyle": {
                    "color": colour,
                    "width": 1,
                    "opacity": 0.35,
                    "type": "dashed" if mode == "air" else "solid",
                },
            }
        )
    series.append(
        {
            "name": _("Hubs"),
            "type": "scatter",
            "coordinateSystem": "geo",
            "symbolSize": 7,
            "itemStyle": {"color": "#37474f"},
            "data": [{"name": h.name, "value": [*_hub_point(h, cities), 1]} for h in hubs],
        }
    )
    if route is not None:
        for leg in route["legs"]:
            a, b = leg["origin"], leg["destination"]
            series.append(
                {
                    "name": _("Chosen route"),
                    "type": "lines",
                    "coordinateSystem": "geo",
                    "data": [{"coords": [[a["lon"], a["lat"]], [b["lon"], b["lat"]]]}],
                    "lineStyle": {"color": MODE_COLOURS[leg["mode"]], "width": 5, "opacity": 0.95},
                    "z": 5,
                }
            )
    return {
        "tooltip": {"trigger": "item"},
        "legend": {"bottom": 0, "data": [*labels.values(), _("Hubs"), _("Chosen route")]},
        "geo": {"map": "yrd", "roam": True, "itemStyle": {"areaColor": "#eef1f5", "borderColor": "#b0bec5"}},
        "series": series,
    }


def _hub_point(hub, cities) -> list[float]:
    if hub.latitude is not None:
        return [float(hub.longitude), float(hub.latitude)]
    return cities.get(hub.city_id, [0.0, 0.0])


def throughput(rows: list[dict]) -> dict:
    used = [r for r in rows if r["legs"]] or rows[:10]
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 220, "right": 40, "top": 30, "bottom": 30},
        "xAxis": [{"type": "value", "name": _("Tonnes")}, {"type": "value", "name": _("Legs"), "minInterval": 1}],
        "yAxis": {"type": "category", "inverse": True, "data": [r["hub"].name for r in used]},
        "series": [
            {"type": "bar", "name": _("Tonnes loaded or unloaded"), "data": [float(r["tonnes"]) for r in used]},
            {
                "type": "bar",
                "name": _("Legs starting or ending here"),
                "xAxisIndex": 1,
                "data": [r["legs"] for r in used],
            },
        ],
    }
