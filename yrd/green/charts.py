"""ECharts options for the green pages (data only; the page script draws them, no inline scripts)."""

from django.utils.translation import gettext as _

from yrd.green.models import StorageProject

TEXT = {"fontFamily": "Noto Sans CJK SC, sans-serif"}
CARRIER_COLOURS = {
    "coal": "#5d5d5d",
    "gas": "#b07d48",
    "solar": "#f2c14e",
    "wind": "#4f9fd6",
    "storage_discharge": "#2e7d32",
    "storage_charge": "#9ccc65",
}
STAGE_COLOURS = {"planned": "#b0bec5", "approved": "#7986cb", "construction": "#ffb300", "operation": "#2e7d32"}


def carrier_label(name: str) -> str:
    return {
        "coal": _("Coal"),
        "gas": _("Gas"),
        "solar": _("Solar"),
        "wind": _("Wind"),
        "storage_discharge": _("Storage discharge"),
        "storage_charge": _("Storage charge"),
    }.get(name, name)


def dispatch_week(series: dict) -> dict:
    hours = list(range(len(series["week_demand"])))
    stacked = [
        {
            "name": carrier_label(name),
            "type": "line",
            "stack": "supply" if name != "storage_charge" else "charge",
            "areaStyle": {},
            "symbol": "none",
            "lineStyle": {"width": 0},
            "color": CARRIER_COLOURS.get(name),
            "data": values,
        }
        for name, values in series["week"].items()
    ]
    demand = {"name": _("Demand"), "type": "line", "symbol": "none", "color": "#c62828", "data": series["week_demand"]}
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "xAxis": {"type": "category", "data": hours, "name": _("hour of the week")},
        "yAxis": {"type": "value", "name": "MW"},
        "series": [*stacked, demand],
    }


def state_of_charge(series: dict) -> dict:
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "xAxis": {
            "type": "category",
            "data": [i * 6 for i in range(len(series["soc"]))],
            "name": _("hour of the year"),
        },
        "yAxis": {"type": "value", "name": "MWh"},
        "series": [
            {
                "name": _("State of charge"),
                "type": "line",
                "symbol": "none",
                "areaStyle": {},
                "color": "#2e7d32",
                "data": series["soc"],
            }
        ],
    }


def duration_curves(series: dict) -> dict:
    count = len(series["demand_duration"])
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "xAxis": {"type": "category", "data": [i * 12 for i in range(count)], "name": _("hours (sorted)")},
        "yAxis": {"type": "value", "name": "MW"},
        "series": [
            {"name": _("Demand"), "type": "line", "symbol": "none", "data": series["demand_duration"]},
            {
                "name": _("Net load (demand − solar − wind)"),
                "type": "line",
                "symbol": "none",
                "data": series["net_load_duration"],
            },
        ],
    }


def intensity_trend(trend: list[tuple[int, object]]) -> dict:
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [y for y, _v in trend]},
        "yAxis": {"type": "value", "name": _("tCO2 per 10^4 CNY")},
        "series": [
            {"type": "line", "name": _("Emissions intensity"), "data": [float(v) if v else None for _y, v in trend]}
        ],
    }


def storage_pipeline(pipeline: dict, provinces: list) -> dict:
    series = [
        {
            "name": str(label),
            "type": "bar",
            "stack": "gw",
            "color": STAGE_COLOURS[stage],
            "data": [round(float(pipeline.get(p.code, {}).get(stage, 0)), 3) for p in provinces],
        }
        for stage, label in StorageProject.Stage.choices
    ]
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "xAxis": {"type": "category", "data": [p.name for p in provinces]},
        "yAxis": {"type": "value", "name": "GW"},
        "series": series,
    }


def city_map(values: dict[str, float], names: dict[str, str], label: str, map_name: str = "yrd") -> dict:
    data = [{"name": names[code], "value": value} for code, value in values.items() if code in names]
    top = max([v for v in values.values()] + [1])
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "min": 0,
            "max": top,
            "left": 8,
            "bottom": 8,
            "calculable": True,
            "inRange": {"color": ["#e8f5e9", "#1b5e20"]},
        },
        "series": [
            {
                "type": "map",
                "map": map_name,
                "nameProperty": "adcode",
                "nameMap": names,
                "name": label,
                "roam": True,
                "label": {"show": True, "fontSize": 10},
                "itemStyle": {"areaColor": "#f0f1f3", "borderColor": "#ffffff"},
                "data": data,
            }
        ],
    }


def projects_map(projects, names: dict[str, str], map_name: str = "yrd") -> dict:
    points = [
        {
            "name": p.name,
            "value": [float(p.longitude or p.city.longitude), float(p.latitude or p.city.latitude), float(p.power_mw)],
            "itemStyle": {"color": STAGE_COLOURS[p.stage]},
        }
        for p in projects
        if (p.longitude or p.city.longitude) is not None
    ]
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "geo": {
            "map": map_name,
            "nameProperty": "adcode",
            "roam": True,
            "itemStyle": {"areaColor": "#f0f1f3", "borderColor": "#ffffff"},
        },
        "series": [
            {
                "type": "scatter",
                "coordinateSystem": "geo",
                "name": _("Storage projects (MW)"),
                "symbolSize": 12,
                "data": points,
            }
        ],
    }


def site_totals(published: list[dict]) -> dict:
    """Scope 1 and market-based scope 2 stacked per reviewed year, with the location-based total as a line."""
    years = [str(p["year"]) for p in published]

    def values(key: str) -> list[float | None]:
        return [round(float(p[key]), 1) if p.get(key) else None for p in published]

    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "xAxis": {"type": "category", "data": years},
        "yAxis": {"type": "value", "name": "tCO2"},
        "series": [
            {"name": _("Scope 1"), "type": "bar", "stack": "t", "data": values("scope1"), "color": "#5d5d5d"},
            {
                "name": _("Scope 2 (market)"),
                "type": "bar",
                "stack": "t",
                "data": values("scope2_market"),
                "color": "#4f9fd6",
            },
            {"name": _("Total, location-based"), "type": "line", "data": values("total_location"), "color": "#c62828"},
        ],
    }
