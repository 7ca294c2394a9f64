"""The public hub throughput dashboard: booked legs and tonnes per hub, next to each hub's published
annual throughput and its source, and the network on the map."""

from django.shortcuts import render

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.transport import charts, selectors, stats

from .common import city_points


@public_cache
def dashboard(request):
    rows = selectors.hub_throughput()
    cities = city_points(Jurisdiction.objects.filter(level="city"))
    context = {
        "rows": rows,
        "throughput_chart": charts.throughput(rows),
        "map_chart": charts.network_map(selectors.hubs_public(), selectors.links_public(), cities, None),
        "shipments": stats.shipments_booked(),
        "non_road_share": stats.tonne_km_non_road_share(),
        "co2_saved": stats.co2_saved_tonnes(),
        "tonne_km_by_mode": [(charts.mode_labels().get(m, m), t) for m, t in stats.tonne_km_by_mode().items()],
        "has_demo": selectors.shipments_include_demo(),
    }
    return render(request, "transport/hubs.html", context)
