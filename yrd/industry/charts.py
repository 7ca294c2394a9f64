"""ECharts options for the industry pages (data only; the core's page script draws them)."""

from django.utils.translation import gettext as _

TEXT = {"fontFamily": "Noto Sans CJK SC, sans-serif"}
TIER_COLOURS = {"oem": "#c62828", "tier1": "#ef6c00", "tier2": "#1565c0", "material": "#2e7d32", "city": "#78909c"}


def tier_label(code: str) -> str:
    return {
        "oem": _("Vehicle maker (OEM)"),
        "tier1": _("Tier 1"),
        "tier2": _("Tier 2"),
        "material": _("Materials"),
        "city": _("Other enterprises, by city"),
    }[code]


def chain_graph(graph: dict) -> dict:
    categories = list(TIER_COLOURS)
    return {
        "textStyle": TEXT,
        "tooltip": {},
        "legend": [{"data": [tier_label(c) for c in categories], "top": 0}],
        "series": [
            {
                "type": "graph",
                "layout": "force",
                "roam": True,
                "draggable": True,
                "force": {"repulsion": 120, "edgeLength": 80},
                "edgeSymbol": ["none", "arrow"],
                "categories": [{"name": tier_label(c), "itemStyle": {"color": TIER_COLOURS[c]}} for c in categories],
                "label": {"show": True, "fontSize": 10},
                "data": [
                    {"id": n["id"], "name": n["name"], "category": categories.index(n["category"]), "symbolSize": 14}
                    for n in graph["nodes"]
                ],
                "links": [
                    {
                        "source": e["source"],
                        "target": e["target"],
                        "value": e["count"],
                        "lineStyle": {"width": min(6, 1 + e["count"] / 2)},
                    }
                    for e in graph["edges"]
                ],
            }
        ],
    }


def city_map(values: dict, names: dict, label: str) -> dict:
    data = [{"name": names[code], "value": value} for code, value in values.items() if code in names]
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "min": 0,
            "max": max([1, *values.values()]),
            "left": 8,
            "bottom": 8,
            "calculable": True,
            "inRange": {"color": ["#e3f2fd", "#0d47a1"]},
        },  # fmt: skip
        "series": [
            {
                "type": "map",
                "map": "yrd",
                "nameProperty": "adcode",
                "nameMap": names,
                "name": label,
                "roam": True,
                "label": {"show": True, "fontSize": 10},
                "data": data,
            }
        ],
    }


def bars(labels: list, values: list, name: str, unit: str = "") -> dict:
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 140, "right": 20, "top": 20, "bottom": 30},
        "xAxis": {"type": "value", "name": unit},
        "yAxis": {"type": "category", "data": labels, "inverse": True},
        "series": [{"type": "bar", "name": name, "data": values, "color": "#1565c0"}],
    }


def heatmap(rows: list, columns: list, values: list, name: str, low: float, high: float) -> dict:
    """values: [[column index, row index, value], ...]."""
    return {
        "textStyle": TEXT,
        "tooltip": {"position": "top"},
        "grid": {"left": 110, "right": 20, "top": 10, "bottom": 90},
        "xAxis": {"type": "category", "data": columns, "axisLabel": {"rotate": 45}},
        "yAxis": {"type": "category", "data": rows},
        "visualMap": {
            "min": low,
            "max": high,
            "calculable": True,
            "orient": "horizontal",
            "left": "center",
            "bottom": 0,
        },
        "series": [{"type": "heatmap", "name": name, "data": values, "label": {"show": len(columns) <= 12}}],
    }


def pue_lines(series: dict, target: float) -> dict:
    months = sorted({m for points in series.values() for m in points})
    lines = [
        {"type": "line", "name": name, "data": [points.get(m) for m in months], "connectNulls": True}
        for name, points in series.items()
    ]
    lines.append({"type": "line", "name": _("Target for hub clusters"), "data": [target] * len(months),
                  "lineStyle": {"type": "dashed"}, "symbol": "none", "color": "#c62828"})  # fmt: skip
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0, "type": "scroll"},
        "xAxis": {"type": "category", "data": months},
        "yAxis": {"type": "value", "name": "PUE", "min": 1},
        "series": lines,
    }
