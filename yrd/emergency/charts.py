"""ECharts options for the readiness pages (they travel to the page as JSON; yrd.js draws them)."""

from django.utils.translation import gettext as _

from yrd.core.translation import wants_chinese

TEXT = {"fontFamily": "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"}
UNKNOWN = "#d9dee5"


def readiness_map(rows, core: list[str], map_name: str = "yrd") -> dict:
    """Each city coloured by how many of the core supplies can reach it in time (all of them: green)."""
    names, data = {}, []
    for row in rows:
        names[row.city.key] = row.city.name_zh if _chinese() else row.city.name_en
        reachable = sum(1 for code in core if row.quantity.get(code, 0) > 0)
        missing = [code for code in core if row.quantity.get(code, 0) == 0]
        tip = (
            names[row.city.key]
            + "<br>"
            + (_("every core supply") if not missing else _("missing: %(items)s") % {"items": ", ".join(missing)})
        )
        data.append({"name": names[row.city.key], "value": reachable, "tooltip": {"formatter": tip}})
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "type": "piecewise",
            "left": 8,
            "bottom": 8,
            "pieces": [
                {"value": len(core), "label": _("all %(n)d core supplies") % {"n": len(core)}, "color": "#2e7d32"},
                {"min": 1, "max": max(len(core) - 1, 1), "label": _("some"), "color": "#f2c14e"},
                {"value": 0, "label": _("none"), "color": "#c62828"},
            ],
        },
        "series": [
            {
                "type": "map",
                "map": map_name,
                "nameProperty": "adcode",
                "nameMap": names,
                "name": _("Core supplies in time"),
                "roam": True,
                "layoutCenter": ["55%", "50%"],
                "layoutSize": "95%",
                "label": {"show": True, "fontSize": 10, "color": "#1f2933"},
                "itemStyle": {"areaColor": UNKNOWN, "borderColor": "#ffffff", "borderWidth": 0.8},
                "select": {"disabled": True},
                "data": data,
            }
        ],
    }


def per_10k_bars(rows, item_code: str, item_name: str) -> dict:
    """Units of one item per 10,000 residents that can arrive in time, per city; cities whose
    population is unknown are listed apart (no bar), never estimated."""
    known = sorted((r for r in rows if r.per_10k.get(item_code) is not None), key=lambda r: r.per_10k[item_code])
    labels = [r.city.name_zh if _chinese() else r.city.name_en for r in known]
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 110, "right": 30, "top": 30, "bottom": 30},
        "xAxis": {"type": "value", "name": _("per 10,000 residents")},
        "yAxis": {"type": "category", "data": labels},
        "series": [{"type": "bar", "name": item_name, "data": [round(r.per_10k[item_code], 2) for r in known]}],
    }


def _chinese() -> bool:
    return wants_chinese()
