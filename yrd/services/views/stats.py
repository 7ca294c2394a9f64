"""Statistics: volume by province pair and by item, on-time rate, average working days (ECharts)."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from yrd.core.caching import cached, public_cache
from yrd.core.selectors import provinces
from yrd.services import selectors
from yrd.services.figures import public_figures
from yrd.services.models import ServiceItem, State
from yrd.services.selectors.statistics import STATISTICS_TTL

# The same colours as the state badges (.svc-state.* in static/services/services.css), so a state
# looks alike on every page: nine hues far apart, each dark enough for white text (WCAG AA).
STATE_COLOURS = {
    State.SUBMITTED: "#5f6b7a",
    State.RECEIVED: "#1565c0",
    State.FORWARDED: "#7a3fb0",
    State.ACCEPTED: "#00796b",
    State.IN_HANDLING: "#b35900",
    State.CORRECTION: "#ad1457",
    State.REJECTED: "#c62828",
    State.DECIDED: "#2e7d32",
    State.DELIVERED: "#212121",
}


@public_cache
def statistics(request):
    """The page's body is the same for every reader: rendered once per language and data version."""
    body = cached(
        f"services.statistics-page:{get_language()}", lambda: _body(request), STATISTICS_TTL, per_version=False
    )
    return render(request, "services/stats.html", {"body": body})


def _body(request) -> str:
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
                "name": _("Where received"),
                "nameLocation": "middle",
                "nameGap": 35,
            },
            "yAxis": {
                "type": "category",
                "data": [p.name for p in province_list],
                "name": _("Where handled"),
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
            "grid": {"left": 220, "right": 30, "top": 70, "bottom": 40},
            # Counts and working days are different quantities: each has its own axis (counts at
            # the bottom, working days at the top), never one shared scale.
            "xAxis": [
                {
                    "type": "value",
                    "name": _("Applications"),
                    "position": "bottom",
                    "nameLocation": "middle",
                    "nameGap": 25,
                    "minInterval": 1,
                },
                {
                    "type": "value",
                    "name": _("Average working days"),
                    "position": "top",
                    "nameLocation": "middle",
                    "nameGap": 25,
                },
            ],
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
                    "xAxisIndex": 1,
                    "data": [figures["days_by_item"].get(pk) for pk, _n in by_item],
                },
            ],
            # At the top: at the bottom the legend sat on the x-axis labels.
            "legend": {"top": 0, "left": "center"},
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
                    "label": {"show": True, "formatter": "{c}"},
                    "labelLine": {"show": True},
                    "data": [
                        {
                            "name": f"{state.label} ({figures['states'][state]})",
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
    return render_to_string(
        "services/_stats_body.html",
        {
            "figures": figures,
            "charts": charts,
            "published": public_figures(selectors.published_figures()),
            "has_demo": has_demo,
        },
        request=request,
    )
