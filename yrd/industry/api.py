"""The industry API: the public registry of enterprises and aggregates (HHI, specialisation), a
caller's relations in detail (its own, or its province's for officials), relation writes and chain
imports, weak points, disruption runs and saved scenarios, the matching board and compute placement.
Errors follow the platform's shape {code, message, errors?}: 400 bad input, 401 not signed in, 403
not allowed, 404 unknown, 409 state or idempotency conflict. Saving a scenario and posting a need
take an `Idempotency-Key` header."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.decorators import decorate_view
from ninja.files import UploadedFile

from yrd.core.access import can, require
from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.core.schemas import ApiError
from yrd.core.tables import MAX_BYTES
from yrd.industry import matching, placement_runs, selectors, writes
from yrd.industry.analysis import specialisation
from yrd.industry.analysis.disruption import analyse
from yrd.industry.analysis.placement import PlacementError
from yrd.industry.apps import ANALYSE, PLACE
from yrd.industry.chain_io import KINDS, import_file
from yrd.industry.models import Component, DataCentre, Enterprise, IndustryIndicator

router = Router(tags=["industry"])
ERRORS = {400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


class EnterpriseOut(Schema):
    id: int
    name: str
    uscc: str
    city: str
    tier: str
    certifications: list[str]
    is_demo: bool


class RelationOut(Schema):
    id: int
    supplier: int
    customer: int
    component: str
    share_pct: Decimal
    lead_time_days: int
    inventory_days: Decimal
    reviewed: bool


class RelationIn(Schema):
    supplier: int
    customer: int
    component: str = Field(max_length=40)
    share_pct: Decimal = Field(gt=0, le=100)
    lead_time_days: int = Field(ge=0, le=365)
    inventory_days: Decimal = Field(ge=0, le=3650)


class IndustryImportOut(Schema):
    ok: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[dict]


class HhiOut(Schema):
    component: str
    hhi: float
    shares: dict[str, float]


class WeakPointsOut(Schema):
    single_sources: list[dict]
    single_cities: list[dict]
    articulation_points: list[int]
    hhi: list[HhiOut]


class DisruptionIn(Schema):
    enterprises: list[int] = []
    cities: list[str] = []
    days: int = Field(ge=1, le=365)


class DisruptionOut(Schema):
    stopped: list[int]
    days: float
    total_lost: float
    lost_by_oem: dict[str, float]
    time_to_survive: float
    time_to_survive_by_oem: dict[str, float] = Field(
        description="Days each OEM the stop reaches keeps its planned output (365 = at least the year)"
    )


class IndustryScenarioIn(DisruptionIn):
    name: str = Field(max_length=120)


class IndustryScenarioOut(Schema):
    id: int
    name: str
    days: int
    result: dict


class IndustryNeedIn(Schema):
    customer: int
    component: str = Field(max_length=40)
    volume: Decimal = Field(gt=0)
    needed_by: date
    note: str = Field("", max_length=500)
    required_certification: str = Field("", max_length=60)


class NeedOut(Schema):
    id: int
    customer: int
    component: str
    volume: Decimal
    needed_by: date
    state: str


class CandidateOut(Schema):
    enterprise: int
    name: str
    city: str
    score: float
    covers_volume: bool
    certified: bool
    travel_hours: float | None
    travel_from: str


class DemandIn(Schema):
    city: str = Field(max_length=6)
    mw: float = Field(gt=0)
    latency: str = Field(max_length=12)


class PlacementIn(Schema):
    demands: list[DemandIn]
    carbon_price: float = Field(0, ge=0)


class PlacementOut(Schema):
    assignments: list[dict]
    cost_cny: float
    carbon_t: float
    binding: list[int]
    marginal_cny_per_mw: dict[str, float]


def enterprise_out(e: Enterprise) -> dict:
    return {"id": e.pk, "name": e.organisation.name, "uscc": e.organisation.uscc, "city": e.city.code, "tier": e.tier,
            "certifications": e.certification_list(), "is_demo": e.is_demo}  # fmt: skip


def relation_out(r) -> dict:
    return {"id": r.pk, "supplier": r.supplier_id, "customer": r.customer_id, "component": r.component.code,
            "share_pct": r.share_pct, "lead_time_days": r.lead_time_days, "inventory_days": r.inventory_days,
            "reviewed": r.reviewed_at is not None}  # fmt: skip


def _enterprise(pk: int) -> Enterprise:
    return get_object_or_404(Enterprise.objects.select_related("organisation", "city"), pk=pk)


def _component(code: str) -> Component:
    found = Component.objects.filter(code=code).first()
    if found is None:
        raise ValidationError({"component": [_("Unknown component %(code)s.") % {"code": code}]})
    return found


@router.get("/enterprises", response=list[EnterpriseOut], auth=None)
@decorate_view(public_cache)
def enterprises(request, city: str = "", tier: str = ""):
    """The public registry: who is on the chain, where, in which role (no figures)."""
    found = selectors.public_enterprises()
    if city:
        found = found.filter(city__code=city[:6])
    if tier:
        found = found.filter(tier=tier[:10])
    return [enterprise_out(e) for e in found[:1000]]


@router.get("/relations", response={200: list[RelationOut], **ERRORS})
def relations(request, component: str = "", province: str = ""):
    """The caller's relations in detail: its own enterprise's, or its province's for officials."""
    found = selectors.relations_in_detail(request.user, component=component[:40], province=province[:6])
    return 200, [relation_out(r) for r in found[:5000]]


@router.post("/relations", response={201: RelationOut, **ERRORS})
def relation_save(request, payload: RelationIn):
    data = writes.RelationInput(
        _enterprise(payload.supplier), _enterprise(payload.customer), _component(payload.component),
        payload.share_pct, payload.lead_time_days, payload.inventory_days,
    )  # fmt: skip
    return 201, relation_out(writes.relation_save(acting_user=request.user, data=data))


@router.post("/import/{kind}", response={200: IndustryImportOut, **ERRORS})
def chain_import(request, kind: str, file: File[UploadedFile], dry_run: bool = False):
    """All rows or none: enterprises, capacities or relations (XLSX or CSV)."""
    if kind not in KINDS:
        raise ValidationError({"kind": [_("The kinds are: %(kinds)s.") % {"kinds": ", ".join(KINDS)}]})
    if file.size > MAX_BYTES:
        raise ValidationError({"file": [_("The file is larger than %(mb)s MB.") % {"mb": MAX_BYTES // 2**20}]})
    result = import_file(acting_user=request.user, kind=kind, data=file.read(), dry_run=dry_run)
    errors = [{"row": e.row, "column": e.column, "reason": e.reason} for e in result.errors]
    body = {"ok": result.ok, "rows": result.rows, "created": result.created, "updated": result.updated,
            "unchanged": result.unchanged, "errors": errors}  # fmt: skip
    return 200 if result.ok else 400, body if result.ok else {
        "code": "invalid",
        "message": errors[0]["reason"],
        "errors": errors,
    }


@router.get("/hhi", response=list[HhiOut], auth=None)
@decorate_view(public_cache)
def hhi(request):
    """Concentration of each component's capacity by province: an aggregate anyone may read."""
    return [{"component": c, "hhi": v, "shares": s} for c, v, s in selectors.hhi_table()]


@router.get("/weak-points", response={200: WeakPointsOut, **ERRORS})
def weak_points(request):
    found = selectors.weak_points(request.user)
    return 200, {
        "single_sources": [
            {"customer": c.pk, "component": comp, "supplier": s.pk} for c, comp, s in found["single_sources"]
        ],
        "single_cities": [
            {"customer": c.pk, "component": comp, "city": city, "suppliers": n}
            for c, comp, city, n in found["single_cities"]
        ],  # fmt: skip
        "articulation_points": [e.pk for e in found["articulation"]],
        "hhi": [{"component": c, "hhi": v, "shares": s} for c, v, s in found["hhi"]],
    }


def _stopped(user, payload: DisruptionIn) -> tuple[list, list]:
    if bool(payload.enterprises) == bool(payload.cities):
        raise ValidationError({"enterprises": [_("Name the enterprises that stop, or the cities, not both.")]})
    cities = list(Jurisdiction.objects.filter(level="city", code__in=payload.cities))
    unknown = sorted(set(payload.cities) - {c.code for c in cities})
    if unknown:
        raise ValidationError({"cities": [_("Not among the 41 cities: %(codes)s.") % {"codes": ", ".join(unknown)}]})
    enterprises = list(Enterprise.objects.filter(pk__in=payload.enterprises))
    if len(enterprises) != len(set(payload.enterprises)):
        raise ValidationError({"enterprises": [_("Unknown enterprises.")]})
    return enterprises, cities


@router.post("/disruption", response={200: DisruptionOut, **ERRORS})
def disruption(request, payload: DisruptionIn):
    """Run one scenario without saving it (analysts)."""
    require(request.user, ANALYSE)
    enterprises, cities = _stopped(request.user, payload)
    stopped = [e.pk for e in enterprises] or list(
        Enterprise.objects.filter(city__in=cities).values_list("pk", flat=True)
    )
    outcome = analyse(selectors.chain_from_db(), stopped, float(payload.days))
    return 200, {"stopped": list(outcome.stopped), "days": outcome.days, "total_lost": outcome.total_lost,
                 "lost_by_oem": {str(k): v for k, v in outcome.lost_by_oem.items()},
                 "time_to_survive": outcome.time_to_survive,
                 "time_to_survive_by_oem": {str(k): v for k, v in outcome.survival_by_oem.items()}}  # fmt: skip


@router.post("/scenarios", response={201: IndustryScenarioOut, **ERRORS})
def scenario_save(request, payload: IndustryScenarioIn):
    scope = selectors.analysis_scope(request.user)
    if scope is None:
        raise PermissionDenied(_("Your role does not allow running disruption analyses."))
    enterprises, cities = _stopped(request.user, payload)
    saved = writes.scenario_save(acting_user=request.user, name=payload.name, days=payload.days, jurisdiction=scope,
                                 enterprises=enterprises, cities=cities,
                                 idempotency_key=request.headers.get("Idempotency-Key", ""))  # fmt: skip
    return 201, {"id": saved.pk, "name": saved.name, "days": saved.days, "result": saved.result}


@router.get("/scenarios", response={200: list[IndustryScenarioOut], **ERRORS})
def scenarios(request):
    return 200, [{"id": s.pk, "name": s.name, "days": s.days, "result": s.result}
                 for s in selectors.scenarios_visible_to(request.user)[:200]]  # fmt: skip


def need_out(n) -> dict:
    return {"id": n.pk, "customer": n.customer_id, "component": n.component.code, "volume": n.volume,
            "needed_by": n.needed_by, "state": n.state}  # fmt: skip


@router.post("/needs", response={201: NeedOut, **ERRORS})
def need_post(request, payload: IndustryNeedIn):
    need = writes.need_post(
        acting_user=request.user, customer=_enterprise(payload.customer), component=_component(payload.component),
        volume=payload.volume, needed_by=payload.needed_by, note=payload.note,
        required_certification=payload.required_certification,
        idempotency_key=request.headers.get("Idempotency-Key", ""),
    )  # fmt: skip
    return 201, need_out(need)


@router.get("/needs", response={200: list[NeedOut], **ERRORS})
def needs(request):
    return 200, [need_out(n) for n in selectors.needs_visible_to(request.user)[:500]]


@router.get("/needs/{pk}/candidates", response={200: list[CandidateOut], **ERRORS})
def candidates(request, pk: int):
    need = get_object_or_404(selectors.needs_visible_to(request.user), pk=pk)
    if not selectors.may_act_on_need(request.user, need):
        raise PermissionDenied(_("Only the enterprise that posted the need sees its candidates."))
    return 200, [
        {"enterprise": c.enterprise.pk, "name": c.enterprise.organisation.name, "city": c.enterprise.city.code,
         "score": c.score, "covers_volume": c.cover >= 1, "certified": c.certified,
         "travel_hours": None if c.hours == float("inf") else round(c.hours, 2), "travel_from": c.hours_from}
        for c in matching.candidates(need)
    ]  # fmt: skip


@router.post("/placement", response={200: PlacementOut, **ERRORS})
def placement(request, payload: PlacementIn):
    if not can(request.user, PLACE):
        raise PermissionDenied(_("Your role does not allow compute placement."))
    try:
        answer = placement_runs.run([(d.city, d.mw, d.latency) for d in payload.demands], payload.carbon_price)
    except PlacementError as error:
        raise ValidationError({error.field: [str(error)]}) from None
    return 200, {"assignments": [{"city": c, "data_centre": d, "mw": mw} for c, d, mw in answer.assignments],
                 "cost_cny": answer.cost_cny, "carbon_t": answer.carbon_t, "binding": answer.binding,
                 "marginal_cny_per_mw": answer.marginal_cny_per_mw}  # fmt: skip


class CentreOut(Schema):
    id: int
    name: str
    city: str
    cluster: str
    racks: int
    it_power_mw: Decimal
    utilisation: Decimal
    green_share: Decimal
    pue_by_month: dict[str, Decimal]
    is_demo: bool


class CentreIn(Schema):
    name_zh: str
    name_en: str = ""
    city: str
    cluster: str
    racks: int
    it_power_mw: Decimal
    utilisation: Decimal
    green_share: Decimal
    electricity_price: Decimal


class PueIn(Schema):
    month: date
    pue: Decimal = Field(ge=1, le=5)


@router.get("/data-centres", response=list[CentreOut], auth=None)
@decorate_view(public_cache)
def datacentres(request):
    """Data centres of the two clusters and the region with their monthly PUE (public figures)."""
    return [centre_out(d) for d in DataCentre.objects.select_related("city").prefetch_related("pue_readings")]


def centre_out(d: DataCentre) -> dict:
    return {"id": d.pk, "name": d.name, "city": d.city.code, "cluster": d.cluster, "racks": d.racks,
            "it_power_mw": d.it_power_mw, "utilisation": d.utilisation, "green_share": d.green_share,
            "pue_by_month": {r.month.strftime("%Y-%m"): r.pue for r in d.pue_readings.all()},
            "is_demo": d.is_demo}  # fmt: skip


@router.post("/data-centres", response={201: CentreOut, **ERRORS})
def datacentre_save(request, payload: CentreIn):
    """Create a data centre of the caller's jurisdiction, or update the one of that city with that
    Chinese name (so a retried request changes nothing more)."""
    city = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY, code=payload.city[:12]).first()
    if city is None:
        raise ValidationError({"city": [_("Not among the 41 cities: %(codes)s.") % {"codes": payload.city[:12]}]})
    data = writes.CentreInput(city=city, **payload.dict(exclude={"city"}))
    return 201, centre_out(writes.datacentre_save(acting_user=request.user, data=data))


@router.post("/data-centres/{pk}/pue", response={201: dict, **ERRORS})
def pue_record(request, pk: int, payload: PueIn):
    centre = get_object_or_404(DataCentre.objects.select_related("city"), pk=pk)
    reading = writes.pue_record(acting_user=request.user, data_centre=centre, month=payload.month, pue=payload.pue)
    return 201, {"data_centre": centre.pk, "month": reading.month.isoformat(), "pue": str(reading.pue)}


@router.get("/specialisation", auth=None)
@decorate_view(public_cache)
def metro_specialisation(request, year: int | None = None):
    """Location quotients, specialisation index and similarity of cities from the imported statistics."""
    year = year or IndustryIndicator.objects.order_by("-year").values_list("year", flat=True).first()
    table: dict = {}
    for city, industry, value in IndustryIndicator.objects.filter(year=year).values_list(
        "city__code", "industry", "value"
    ):
        table.setdefault(city, {})[industry] = float(value)
    if not table:
        return {"year": year, "location_quotients": {}, "specialisation_index": {}, "similarity": {}}
    cities, matrix = specialisation.similarity_matrix(table)
    return {
        "year": year,
        "location_quotients": specialisation.location_quotients(table),
        "specialisation_index": specialisation.specialisation_index(table),
        "similarity": {a: dict(zip(cities, row, strict=True)) for a, row in zip(cities, matrix, strict=True)},
    }
