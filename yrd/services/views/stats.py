"""Statistics: volume by province pair and by item, on-time rate, average working days (ECharts)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.selectors import provinces
from yrd.services import selectors
from yrd.services.figures import public_figures
from yrd.services.models import ServiceItem, State

# The same colours as the state badges (.svc-state.* in static/services/services.css, whose
# var(--…) values are in core/static/core/yrd.css), so a state looks alike on every page.
STATE_COLOURS = {
    State.SUBMITTED: "#6b7c93",
    State.RECEIVED: "#3f6fb5",
    State.FORWARDED: "#7b4fb5",
    State.ACCEPTED: "#1d4e89",
    State.IN_HANDLING: "#0f7c8c",
    State.CORRECTION: "#d98e04",
    State.REJECTED: "#c62828",
    State.DECIDED: "#2e7d32",
    State.DELIVERED: "#1b5e20",
}


def statistics(request):
    figures = selectors.statistics()
    province_list = list(provinces())
    origins = [("online", _("Online"))] + [(p.code, p.name) for p in province_list]
    pair_data = [
        [i, j, figures["pairs"].get((origin, p.code), 0)]
        for i, (origin, _label) in enumerate(origins)
        for j, p in enumerate(province_list)
    ]
    items = {i.pk: i for i in ServiceItem.objects.all()}
    by_item = sorted(figures["items"].items(), key=lambda kv: -kv[1])
    charts = {
        "pairs": {
            "tooltip": {"position": "top"},
            "grid": {"left": 90, "bottom": 60, "top": 30},
            "xAxis": {
                "type": "category",
                "data": [label for _c, label in origins],
                "name": _("Received"),
                "nameLocation": "middle",
                "nameGap": 35,
            },
            "yAxis": {
                "type": "category",
                "data": [p.name for p in province_list],
                "name": _("Handled"),
            },
            "visualMap": {
                "min": 0,
                "max": max([d[2] for d in pair_data] + [1]),
                "calculable": True,
                "orient": "horizontal",
                "left": "center",
                "bottom": 0,
                "show": False,
            },
            "series": [{"type": "heatmap", "data": pair_data, "label": {"show": True}}],
        },
        "items": {
            "tooltip": {},
            "grid": {"left": 220, "right": 30, "top": 40, "bottom": 30},
            "xAxis": {"type": "value"},
            "yAxis": {
                "type": "category",
                "inverse": True,
                "data": [items[pk].name for pk, _n in by_item],
            },
            "series": [
                {"type": "bar", "name": _("Applications"), "data": [n for _pk, n in by_item]},
                {
                    "type": "bar",
                    "name": _("Average working days"),
                    "data": [figures["days_by_item"].get(pk) for pk, _n in by_item],
                },
            ],
            # At the top: at the bottom the legend sat on the x-axis labels.
            "legend": {"top": 0},
        },
        "states": {
            # Long state names do not fit as labels around the donut: they are in the legend
            # (which wraps) and, in full, in the tooltip.
            "tooltip": {"trigger": "item", "formatter": "{b}: {c} ({d}%)"},
            "legend": {"bottom": 0, "left": "center"},
            "series": [
                {
                    "type": "pie",
                    "radius": ["35%", "60%"],
                    "center": ["50%", "40%"],
                    "label": {"show": False},
                    "labelLine": {"show": False},
                    "data": [
                        {
                            "name": str(state.label),
                            "value": figures["states"][state],
                            "itemStyle": {"color": STATE_COLOURS[state]},
                        }
                        for state in State
                        if figures["states"].get(state)
                    ],
                }
            ],
        },
    }
    has_demo = selectors.applications_demo_count() > 0
    return render(
        request,
        "services/stats.html",
        {
            "figures": figures,
            "charts": charts,
            "published": public_figures(selectors.published_figures()),
            "has_demo": has_demo,
        },
    )
