"""The public map (infrastructure, restrictions; the day's operations for operators and officers) and the
timeline of a city's airspace."""

import shapely
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.caching import public_cache
from yrd.core.selectors import cities
from yrd.lowalt.charts import map_option, timeline_option
from yrd.lowalt.conflicts.geo import geometry_to_metric
from yrd.lowalt.deconfliction import city_polygons
from yrd.lowalt.selectors import intents as intent_reads
from yrd.lowalt.selectors import registry as register_reads

from .common import day_bounds, day_of


@public_cache
def airspace_map(request):
    day = day_of(request)
    start, end = day_bounds(day)
    sites = list(register_reads.sites())
    restrictions = list(register_reads.restrictions())
    operations = None
    if intent_reads.may_see_airspace(request.user):
        operations = intent_reads.occupied_volumes(request.user, start, end)
    context = {
        "day": day,
        "chart": map_option(sites, restrictions, operations, register_reads.coverage()),
        "sites": sites,
        "restrictions": restrictions,
        "operations": operations,
        "has_demo": any(s.is_demo for s in sites) or any(r.is_demo for r in restrictions),
        "any_indicative": any(r.indicative for r in restrictions),
    }
    return render(request, "lowalt/map.html", context)


@login_required
def timeline(request):
    if not intent_reads.may_see_airspace(request.user):
        raise PermissionDenied(_("Only operators and airspace officers see the occupied airspace."))
    day = day_of(request)
    start, end = day_bounds(day)
    city_list = list(cities())
    code = request.GET.get("city") or "310000"
    city = next((c for c in city_list if c.code == code), city_list[0] if city_list else None)
    area = city_polygons().get(city.code) if city else None
    operations = []
    if area is not None:
        found = intent_reads.occupied_volumes(request.user, start, end, bbox=shapely.bounds(area))
        operations = [o for o in found if _meets(o, area)]
    context = {
        "day": day,
        "city": city,
        "cities": city_list,
        "operations": operations,
        "chart": timeline_option(operations, start, end),
    }
    return render(request, "lowalt/timeline.html", context)


def _meets(operation: dict, area) -> bool:
    return shapely.intersects(geometry_to_metric(shapely.geometry.shape(operation["footprint"])), area)
