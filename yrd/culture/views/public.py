"""Pages anyone may read: the bilingual map and catalogue of the heritage, each site's page (its
story, condition, how to visit and the booking form), the cultural parks, and heritage routes."""

import json
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.culture import charts
from yrd.culture.models import ConditionAssessment, HeritageResource, ParkProject
from yrd.culture.selectors import attachments as file_selectors
from yrd.culture.selectors import resources as selectors
from yrd.culture.selectors import routes as route_selectors
from yrd.culture.selectors import visits as visit_selectors

from .common import errors_of, point_name


def _filters(request) -> dict:
    return {
        "q": request.GET.get("q", "")[:100],
        "kind": request.GET.get("kind", "")[:16],
        "city": request.GET.get("city", "")[:6],
        "park": request.GET.get("park", "")[:12],
    }


@public_cache
def catalogue(request):
    filters = _filters(request)
    rows = selectors.search(selectors.resources_visible_to(request.user), **filters).select_related("city")
    page = Paginator(rows, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    shown = selectors.map_points(None, **filters)
    context = {
        "page": page,
        "filters": filters,
        "kinds": HeritageResource.Kind.choices,
        "parks": HeritageResource.Park.choices[1:],
        "cities": Jurisdiction.objects.filter(level="city").order_by("path"),
        "map_chart": charts.sites_map(
            shown["points"], dict(HeritageResource.Kind.choices), point_name, shown["clusters"]
        ),
        "shown_on_map": len(shown["points"]) or sum(c["count"] for c in shown["clusters"]),
        "has_demo": HeritageResource.objects.filter(is_demo=True).exists(),
    }
    return render(request, "culture/catalogue.html", context)


@public_cache
def site(request, code: str, errors=None, status=200):
    found = selectors.resource_for(request.user, code)
    exact = selectors.exact_location_for(request.user, found)
    lon, lat = selectors.shown_point(request.user, found)
    point = {
        "code": found.code,
        "name_zh": found.name_zh,
        "name_en": found.name_en,
        "kind": found.kind,
        "lon": lon,
        "lat": lat,
        "generalised": not exact,
    }
    context = {
        "site": found,
        "exact": exact,
        "point": (lon, lat),
        "map_chart": charts.sites_map([point], {found.kind: found.get_kind_display()}, point_name),
        "assessments": selectors.conditions_of(found)[:10],
        "related": selectors.related_visible(request.user, found),
        "may_edit": selectors.may_edit(request.user, found),
        "days": _availability(found) if found.bookable else [],
        "slots": list(found.slots.all()),
        "files": list(file_selectors.attachments_visible_to(request.user, found)),
        "errors": errors or {},
        "conditions": ConditionAssessment.Condition.choices,
    }
    return render(request, "culture/site.html", context, status=status)


def _availability(resource) -> list[dict]:
    today = timezone.localdate()
    return visit_selectors.availability(resource, [today + timedelta(days=n) for n in range(1, 8)])


@public_cache
def parks(request):
    projects = list(visit_selectors.projects())
    context = {
        "projects": projects,
        "stage_chart": charts.projects_by_stage(visit_selectors.projects_by_stage()),
        "map_chart": charts.projects_map(projects, lambda p: p.name),
        "visits_chart": charts.visits_by_month(visit_selectors.visits_by_month()),
        "has_demo": ParkProject.objects.filter(is_demo=True).exists(),
    }
    return render(request, "culture/parks.html", context)


def route(request):
    stops = request.GET.getlist("stop")[:20]
    start = request.GET.get("start", "")[:40] or None
    context = {
        "choices": selectors.public_resources().order_by("city__path", "code")[:300],
        "chosen": stops,
        "start": start,
        "errors": {},
        "route": None,
    }
    if stops:
        try:
            planned = route_selectors.route_for(request.user, stops, start)
        except ValidationError as error:
            context["errors"] = errors_of(error)
        else:
            if request.GET.get("format") == "geojson":
                response = HttpResponse(
                    json.dumps(planned["geojson"], ensure_ascii=False), content_type="application/geo+json"
                )
                response["Content-Disposition"] = 'attachment; filename="heritage-route.geojson"'
                return response
            context["route"] = planned
            context["map_chart"] = charts.route_map(planned["stops"], point_name)
            context["export_query"] = request.GET.urlencode()
    return render(request, "culture/route.html", context)
