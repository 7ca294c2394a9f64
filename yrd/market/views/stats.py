"""Public statistics of market-violation reports: a map of the 41 cities, a heatmap city × category and the
trend by month (ECharts; chart data travels as JSON, no inline script). Aggregates only."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.market import selectors
from yrd.market.charts import city_map
from yrd.market.models.reports import CATEGORY_CHOICES


def _heatmap(cells: dict, cities) -> dict:
    categories = [str(label) for _code, label in CATEGORY_CHOICES]
    data = [
        [i, j, cells.get((city.code, code), 0)]
        for i, (code, _label) in enumerate(CATEGORY_CHOICES)
        for j, city in enumerate(cities)
    ]
    return {
        "tooltip": {"position": "top"},
        "grid": {"left": 90, "bottom": 110, "top": 10},
        "xAxis": {"type": "category", "data": categories, "axisLabel": {"rotate": 40}},
        "yAxis": {"type": "category", "data": [c.name for c in cities]},
        "visualMap": {"min": 0, "max": max(cells.values(), default=1), "orient": "horizontal", "left": "center"},
        "series": [{"type": "heatmap", "data": data, "label": {"show": False}}],
    }


def _trend(by_month: dict) -> dict:
    months = [m.strftime("%Y-%m") for m in by_month]
    return {
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": months},
        "yAxis": {"type": "value", "name": _("reports")},
        "series": [{"type": "line", "data": list(by_month.values()), "smooth": True}],
    }


@public_cache
def statistics(request):
    figures = selectors.statistics()
    cities = list(Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).order_by("path"))
    charts = {
        "map": city_map(figures["by_city"], cities, name=_("reports")),
        "heatmap": _heatmap(figures["by_city_category"], cities),
        "trend": _trend(figures["by_month"]),
    }
    return render(request, "market/stats.html", {"figures": figures, "charts": charts})
