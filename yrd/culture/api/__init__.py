"""The culture API, mounted at /api/culture/: the heritage inventory (list, detail, create with an
`Idempotency-Key`, change, GeoJSON/CSV/JSON-LD export, the public map query), the bid's progress and
dossier moves, cultural park projects, reservations (idempotent booking, cancelling) and routes;
`milestones` (the bid's milestones) and `sites` (entry slots, availability, photos and documents)
add their operations to this router. Errors follow the platform's shape {code, message, errors?}:
400 bad input (each field named), 403 not allowed, 404 not visible to the caller, 409 a state that
does not allow it."""

import csv
import hashlib
import io
import json
from datetime import date

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Header, Router, Schema
from ninja.decorators import decorate_view
from ninja.responses import Status

from yrd.core.caching import cached, public_cache
from yrd.core.models import Jurisdiction
from yrd.core.personal.reveal import listed, shown
from yrd.core.schemas import ApiError
from yrd.culture import linked_art, writes
from yrd.culture.geojson import TEXT_PROPERTIES, resources_to_geojson
from yrd.culture.inputs import ResourceInput
from yrd.culture.selectors import bid as bid_selectors
from yrd.culture.selectors import resources as selectors
from yrd.culture.selectors import routes as route_selectors
from yrd.culture.selectors import visits as visit_selectors
from yrd.culture.writes.visits import BookingInput

from .common import ERRORS, clock
from .milestones import router as milestones_router
from .sites import router as sites_router

router = Router(tags=["culture"])


class ResourceIn(Schema):
    code: str
    city: str
    kind: str
    name_zh: str
    name_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    visiting_zh: str = ""
    visiting_en: str = ""
    period: str = ""
    protection: str
    listing_document: str = ""
    park: str = ""
    geometry: dict
    sensitive: bool = False
    published: bool = False
    daily_capacity: int | None = None


class ResourceOut(Schema):
    code: str
    city: str
    kind: str
    name_zh: str
    name_en: str
    protection: str
    period: str
    park: str
    published: bool
    longitude: float
    latitude: float
    generalised: bool
    geometry: dict
    daily_capacity: int | None


def resource_out(user, resource) -> dict:
    exact = selectors.exact_location_for(user, resource)
    lon, lat = selectors.shown_point(user, resource)
    return {
        "code": resource.code,
        "city": resource.city.code,
        "kind": resource.kind,
        "name_zh": resource.name_zh,
        "name_en": resource.name_en,
        "protection": resource.protection,
        "period": resource.period,
        "park": resource.park,
        "published": resource.published,
        "longitude": lon,
        "latitude": lat,
        "generalised": not exact,
        "geometry": resource.geometry if exact else {"type": "Point", "coordinates": [lon, lat]},
        "daily_capacity": resource.daily_capacity,
    }


def city_by_code(code: str) -> Jurisdiction | None:
    return Jurisdiction.objects.filter(level="city", code=code[:6]).first()


def resource_input(payload: ResourceIn) -> ResourceInput:
    city = city_by_code(payload.city)
    if city is None:
        raise ValidationError(
            {"city": [_("%(code)s is not one of the region's cities.") % {"code": payload.city[:12]}]}
        )
    return ResourceInput(city=city, **payload.dict(exclude={"city"}))


@router.get("/resources", response=list[ResourceOut], auth=None, summary="Resources the caller may see, searched")
@decorate_view(public_cache)
def resources(request, q: str = "", kind: str = "", city: str = "", park: str = "", page: int = 1):
    def compute():
        rows = selectors.search(selectors.resources_visible_to(request.user), q=q, kind=kind, city=city, park=park)
        start = max(page - 1, 0) * selectors.PAGE_SIZE
        return [resource_out(request.user, r) for r in rows.select_related("city")[start : start + selectors.PAGE_SIZE]]

    if not selectors.sees_only_public(request.user):
        return compute()
    return _cached_json(f"culture:public-list:{_key(q, kind, city, park, page)}", compute)


def _cached_json(name: str, compute) -> HttpResponse:
    """A public read kept as its rendered JSON until the next write to culture: the same bytes for every
    public reader, served without rebuilding or re-validating them (what `compute` returns is
    already in the operation's output shape)."""
    body = cached(
        name, lambda: json.dumps(compute(), cls=DjangoJSONEncoder, ensure_ascii=False).encode(), reads=("culture",)
    )
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def _key(*parts) -> str:
    """A cache key part for what a public read was asked (hashed: the search text is free text)."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


@router.get(
    "/map", auth=None, summary="Published resources in a box (west,south,east,north); sensitive ones generalised"
)
@decorate_view(public_cache)
def map_points(request, bbox: str = "", q: str = "", kind: str = ""):
    box = None
    if bbox:
        try:
            box = tuple(float(v) for v in bbox.split(","))
        except ValueError:
            box = ()
        if len(box) != 4:
            raise ValidationError({"bbox": [_("Give west,south,east,north in degrees.")]})
    # the same for every reader: published sites only, sensitive ones generalised
    return _cached_json(f"culture:map:{_key(box, q, kind)}", lambda: selectors.map_points(box, q=q, kind=kind))


@router.get("/resources.geojson", auth=None, summary="Published resources as GeoJSON (sensitive ones generalised)")
@decorate_view(public_cache)
def export_geojson(request):
    rows = selectors.public_resources().select_related("city")
    return JsonResponse(resources_to_geojson(rows, public=True), content_type="application/geo+json")


@router.get("/resources.csv", auth=None, summary="Published resources as CSV (sensitive ones generalised)")
def export_csv(request):
    buffer = io.StringIO()
    out = csv.writer(buffer)
    columns = [*TEXT_PROPERTIES, "city", "longitude", "latitude", "generalised"]
    out.writerow(columns)
    for resource in selectors.public_resources().select_related("city"):
        lon, lat = selectors.shown_point(None, resource)
        out.writerow(
            [getattr(resource, n) for n in TEXT_PROPERTIES] + [resource.city.code, lon, lat, resource.sensitive]
        )
    return HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")


@router.get("/resources/{code}", response={200: ResourceOut, 404: ApiError}, auth=None)
def resource_detail(request, code: str):
    return resource_out(request.user, selectors.resource_for(request.user, code))


@router.get("/resources/{code}/linked-art", auth=None, summary="A published resource as Linked Art JSON-LD")
def resource_linked_art(request, code: str):
    found = selectors.resource_for(None, code)
    url = request.build_absolute_uri(f"/api/culture/resources/{found.code}/linked-art")
    return JsonResponse(linked_art.document(found, url), content_type="application/ld+json")


@router.post(
    "/resources",
    response={200: ResourceOut, 201: ResourceOut, **ERRORS},
    description="Send an `Idempotency-Key` header: a retry with the same key and body returns the resource "
    "created the first time (200); the same key with another body is refused (409).",
)
def resource_create(
    request, payload: ResourceIn, idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80)
):
    started = timezone.now()
    created = writes.resource_save(
        acting_user=request.user, data=resource_input(payload), idempotency_key=idempotency_key or None
    )
    return Status(200 if created.updated_at < started else 201, resource_out(request.user, created))


@router.put("/resources/{code}", response={200: ResourceOut, **ERRORS})
def resource_change(request, code: str, payload: ResourceIn):
    found = selectors.resource_for(request.user, code)
    changed = writes.resource_save(acting_user=request.user, data=resource_input(payload), resource=found)
    return resource_out(request.user, changed)


class CultureSectionOut(Schema):
    number: int
    status: str
    percent_of_component: int


class ComponentProgressOut(Schema):
    town: str
    name_zh: str
    name_en: str
    city: str
    accepted: int
    percent: int
    complete: bool
    sections: dict[int, str]


@router.get("/bid/progress", response=list[ComponentProgressOut], auth=None, summary="The bid's public progress")
@decorate_view(public_cache)
def bid_progress(request):
    return [
        {
            "town": p.component.resource.code,
            "name_zh": p.component.resource.name_zh,
            "name_en": p.component.resource.name_en,
            "city": p.component.resource.city.code,
            "accepted": p.accepted,
            "percent": p.percent,
            "complete": p.complete,
            "sections": p.statuses,
        }
        for p in bid_selectors.progress()
    ]


class SectionDetailOut(Schema):
    number: int
    status: str
    version: int
    text_zh: str
    text_en: str
    moves: list[str]


class SectionIn(Schema):
    text_zh: str
    text_en: str


class MoveIn(Schema):
    note: str = ""


def section_out(user, section) -> dict:
    return {
        "number": section.number,
        "status": section.status,
        "version": section.version,
        "text_zh": section.text_zh,
        "text_en": section.text_en,
        "moves": [m.name for m in bid_selectors.moves_for(user, section)],
    }


@router.get("/bid/components/{town}/sections", response={200: list[SectionDetailOut], 404: ApiError})
def sections(request, town: str):
    component = bid_selectors.component_for(request.user, town)
    return [section_out(request.user, s) for s in component.sections.all()]


@router.put("/bid/components/{town}/sections/{number}", response={200: SectionDetailOut, **ERRORS})
def section_save(request, town: str, number: int, payload: SectionIn):
    section = bid_selectors.section_for(request.user, town, number)
    saved = writes.dossier_save(
        acting_user=request.user, section=section, text_zh=payload.text_zh, text_en=payload.text_en
    )
    return section_out(request.user, saved)


@router.post("/bid/components/{town}/sections/{number}/{transition}", response={200: SectionDetailOut, **ERRORS})
def section_move(request, town: str, number: int, transition: str, payload: MoveIn):
    section = bid_selectors.section_for(request.user, town, number)
    moved = writes.dossier_move(acting_user=request.user, section=section, transition=transition, note=payload.note)
    return section_out(request.user, moved)


class CultureProjectOut(Schema):
    name_zh: str
    name_en: str
    park: str
    province: str
    segment: str
    stage: str
    progress: int
    longitude: float
    latitude: float


@router.get(
    "/parks/projects",
    response=list[CultureProjectOut],
    auth=None,
    summary="Key projects of the two national cultural parks",
)
@decorate_view(public_cache)
def park_projects(request, park: str = ""):
    rows = visit_selectors.projects()
    if park:
        rows = rows.filter(park=park)
    return [
        {**{n: getattr(p, n) for n in CultureProjectOut.model_fields if n != "province"}, "province": p.province.code}
        for p in rows
    ]


class CultureBookingIn(Schema):
    site: str
    visit_date: date
    party_size: int
    contact_name: str
    contact_phone: str
    group_name: str = ""
    wait: bool = False
    slot: str = ""  # "HH:MM", the start of one of the site's entry slots; empty at a site without slots


class ReservationOut(Schema):
    number: str
    site: str
    visit_date: date
    slot: str
    party_size: int
    group_name: str
    status: str
    contact_name: str
    contact_phone: str


PERSONAL = ("group_name", "contact_name", "contact_phone")


def reservation_out(reservation, user, show=listed) -> dict:
    """`show` is `listed` in lists (masked but for the visitor's own) or `shown` for the one reservation
    acted on (in full for the site's officers too, an audited reveal)."""
    return {
        "number": reservation.number,
        "site": reservation.resource.code,
        "visit_date": reservation.visit_date,
        "slot": reservation.slot.label if reservation.slot_id else "",
        "party_size": reservation.party_size,
        "status": reservation.status,
        **{field: show(user, reservation, field) for field in PERSONAL},
    }


@router.post(
    "/reservations",
    response={200: ReservationOut, 201: ReservationOut, **ERRORS},
    description="Book a visit (signed-in callers). Send an `Idempotency-Key` header: a retry returns the "
    "reservation made the first time (200). A party that does not fit is refused (400) unless `wait` is "
    "true, when it joins the waiting list.",
)
def reservation_book(
    request,
    payload: CultureBookingIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80),
):
    site = selectors.resource_for(request.user, payload.site)
    started = timezone.now()
    booked = writes.reservation_book(
        acting_user=request.user,
        resource=site,
        data=BookingInput(**payload.dict(exclude={"site", "slot"}), slot=clock(payload.slot)),
        idempotency_key=idempotency_key or None,
    )
    return Status(200 if booked.created_at < started else 201, reservation_out(booked, request.user, shown))


@router.get(
    "/reservations", response=list[ReservationOut], summary="One's own reservations and those of sites one manages"
)
def reservations(request):
    rows = visit_selectors.reservations_visible_to(request.user)[:500]
    return [reservation_out(r, request.user) for r in rows]


@router.post("/reservations/{number}/cancel", response={200: ReservationOut, **ERRORS})
def reservation_cancel(request, number: str):
    found = visit_selectors.reservations_visible_to(request.user).filter(number=number).first()
    if found is None:
        return Status(404, {"code": "not_found", "message": _("No such reservation.")})
    return reservation_out(writes.reservation_cancel(acting_user=request.user, reservation=found), request.user, shown)


class CultureRouteIn(Schema):
    stops: list[str]
    start: str | None = None


class StopOut(Schema):
    code: str
    name_zh: str
    name_en: str
    longitude: float
    latitude: float
    leg: float | None


class RouteOut(Schema):
    basis: str
    unit: str
    total: float
    stops: list[StopOut]
    geojson: dict


@router.post("/routes", response={200: RouteOut, **ERRORS}, auth=None, summary="The best order to visit up to 12 sites")
def route_plan(request, payload: CultureRouteIn):
    return route_selectors.route_for(request.user, payload.stops, payload.start)


router.add_router("", milestones_router)
router.add_router("", sites_router)
