"""ECharts options for the innovation pages (data only; core's page script draws them, no inline
scripts)."""

from django.utils.translation import gettext as _

from yrd.innovation.models import CooperationProject

TEXT = {"fontFamily": "Noto Sans CJK SC, sans-serif"}


def stages_bar(counts: dict[str, int]) -> dict:
    labels = dict(CooperationProject.Stage.choices)
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [str(labels[s]) for s in counts]},
        "yAxis": {"type": "value", "minInterval": 1, "name": _("projects")},
        "series": [
            {"type": "bar", "name": _("Cooperation projects"), "color": "#3f6ea8", "data": list(counts.values())}
        ],
    }


def settlement_bar(lines) -> dict:
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [f"{line.debtor.name} → {line.creditor.name}" for line in lines]},
        "yAxis": {"type": "value", "name": "CNY"},
        "series": [
            {"type": "bar", "name": _("Owed"), "color": "#b07d48", "data": [float(line.amount_cny) for line in lines]}
        ],
    }


def city_map(values: dict[str, float], names: dict[str, str], label: str) -> dict:
    data = [{"name": names[code], "value": value} for code, value in values.items() if code in names]
    return {
        "textStyle": TEXT,
        "tooltip": {"trigger": "item"},
        "visualMap": {
            "min": 0,
            "max": max([*values.values(), 1]),
            "left": 8,
            "bottom": 8,
            "calculable": True,
            "inRange": {"color": ["#e3ecf7", "#1f4e89"]},
        },
        "series": [
            {
                "type": "map",
                "map": "yrd",
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
