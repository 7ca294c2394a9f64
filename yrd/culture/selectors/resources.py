"""Reads of the heritage inventory.

The public reads published resources; people holding `culture.bid.read` or `culture.resource.edit`
over a city also read its unpublished ones. Exact locations of sensitive sites go only to people
holding `culture.bid.read` over the site's city; everyone else gets `geo.generalised` coordinates.
"""

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from yrd.core.access import can, filter_visible
from yrd.culture import geo
from yrd.culture.apps import BID_READ, EDIT
from yrd.culture.models import HeritageResource

MAP_POINTS = 500  # above this a box is shown as counts per grid cell
MAX_CELLS = 2000  # a larger box reads the whole public set rather than a long IN list
PAGE_SIZE = 50


def public_resources() -> QuerySet[HeritageResource]:
    return HeritageResource.objects.filter(published=True)


def sees_only_public(user) -> bool:
    """True for readers who see exactly what the public sees (their reads may share a cache)."""
    return not (can(user, BID_READ) or can(user, EDIT))


def resources_visible_to(user) -> QuerySet[HeritageResource]:
    if sees_only_public(user):
        return public_resources()  # the public's query stays a plain indexed filter
    everything = HeritageResource.objects.all()
    mine = filter_visible(everything, user, BID_READ, jurisdiction_fields=["city"])
    editable = filter_visible(everything, user, EDIT, jurisdiction_fields=["city"])
    return everything.filter(Q(published=True) | Q(pk__in=mine.values("pk")) | Q(pk__in=editable.values("pk")))


def resource_for(user, code: str) -> HeritageResource:
    found = resources_visible_to(user).select_related("city").filter(code=code).first()
    if found is None:
        raise Http404(code)
    return found


def exact_location_for(user, resource: HeritageResource) -> bool:
    return not resource.sensitive or can(user, BID_READ, resource) or can(user, EDIT, resource)


def shown_point(user, resource: HeritageResource) -> tuple[float, float]:
    if exact_location_for(user, resource):
        return resource.longitude, resource.latitude
    return geo.generalised(resource.longitude, resource.latitude)


def may_edit(user, resource: HeritageResource) -> bool:
    return can(user, EDIT, resource)


TEXT_INDEX = "culture_resource_fts"  # migration 0006 (SQLite); PostgreSQL uses pg_trgm indexes instead


def text_match(q: str) -> Q:
    """Resources whose Chinese or English name or code contains `q` (case aside). On SQLite a query
    of 3 characters or more is answered by the FTS5 trigram index (a phrase of the query's trigrams
    is exactly a substring match); on PostgreSQL the `icontains` below is served by pg_trgm GIN
    indexes; shorter queries and other databases scan."""
    if connection.vendor == "sqlite" and len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {TEXT_INDEX} WHERE {TEXT_INDEX} MATCH %s", [phrase]))
    return Q(name_zh__icontains=q) | Q(name_en__icontains=q) | Q(code__icontains=q)


def search(queryset: QuerySet, *, q: str = "", kind: str = "", city: str = "", park: str = "") -> QuerySet:
    if q:
        queryset = queryset.filter(text_match(q[:100]))
    if kind:
        queryset = queryset.filter(kind=kind)
    if city:
        queryset = queryset.filter(city__code=city[:6])
    if park:
        queryset = queryset.filter(park=park)
    return queryset


def map_points(bbox: tuple[float, float, float, float] | None = None, **filters) -> dict:
    """The public map of published resources in a (west, south, east, north) box: every point
    (sensitive ones generalised) when there are at most MAP_POINTS, otherwise the count per 0.1°
    cell, as any map at a low zoom shows clusters. Reads the (published, cell, lon, lat) index."""
    rows = search(public_resources(), **filters).order_by()
    if bbox is not None:
        west, south, east, north = bbox
        cells = geo.cells_in(west, south, east, north)
        if len(cells) <= MAX_CELLS:
            rows = rows.filter(cell__in=cells)
        rows = rows.filter(longitude__gte=west, longitude__lte=east, latitude__gte=south, latitude__lte=north)
    found = list(
        rows.values_list("code", "name_zh", "name_en", "kind", "longitude", "latitude", "sensitive")[: MAP_POINTS + 1]
    )
    if len(found) > MAP_POINTS:
        counted = rows.values("cell").annotate(n=Count("pk")).values_list("cell", "n")
        clusters = [{"lon": lon, "lat": lat, "count": n} for cell, n in counted for lon, lat in [geo.cell_centre(cell)]]
        return {"points": [], "clusters": clusters}
    points = []
    for code, name_zh, name_en, kind, lon, lat, sensitive in found:
        if sensitive:
            lon, lat = geo.generalised(lon, lat)
        points.append(
            {
                "code": code,
                "name_zh": name_zh,
                "name_en": name_en,
                "kind": kind,
                "lon": lon,
                "lat": lat,
                "generalised": sensitive,
            }
        )
    return {"points": points, "clusters": []}


def conditions_of(resource: HeritageResource):
    return resource.assessments.all()


def related_visible(user, resource: HeritageResource):
    return resources_visible_to(user).filter(pk__in=resource.related.values("pk"))
