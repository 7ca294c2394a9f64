"""The green API: the public registry of parks and factories (certified status and published totals),
a site's periods for its own people and reviewers, the factor catalogue, storage projects and planning
scenarios. Errors follow the platform's shape {code, message, errors?}: 400 bad input, 401 not signed
in, 403 not allowed, 404 unknown, 409 the object's state does not allow it (a reviewed year, a
running scenario). Creating a storage project or a scenario takes an `Idempotency-Key` header."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.decorators import decorate_view
from ninja.files import UploadedFile

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.schemas import ApiError
from yrd.green import selectors, stats, writes
from yrd.green.accounting import AccountingError
from yrd.green.accounts import account_of
from yrd.green.models import EmissionFactor, ReportingPeriod, Scenario, Site, StorageProject
from yrd.green.writes.common import as_validation_error

router = Router(tags=["green"])
ERRORS = {400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


# --- schemas ----------------------------------------------------------------------------------


class CertificationOut(Schema):
    kind: str
    level: str
    issuing_body: str
    issued_on: date
    expires_on: date | None


class PublishedYearOut(Schema):
    year: int
    total: str | None = Field(None, description="tCO2, scope 1 + market-based scope 2")
    scope1: str | None = None
    scope2_location: str | None = None
    scope2_market: str | None = None
    intensity_per_value_added: str | None = Field(None, description="tCO2 per 10^4 CNY")
    renewable_share: str | None = None


class GreenSiteOut(Schema):
    id: int
    kind: str
    name_zh: str
    name_en: str
    city: str
    province: str
    park_id: int | None
    sector: str
    uscc: str
    certifications: list[CertificationOut]
    published: list[PublishedYearOut]
    is_demo: bool


class GreenSiteIn(Schema):
    kind: str = Field(max_length=10, description="park | factory")
    name_zh: str = Field(max_length=200)
    name_en: str = Field("", max_length=200)
    organisation_uscc: str = Field(max_length=18)
    city: str = Field(max_length=6, description="adcode of one of the 41 cities")
    park_id: int | None = None
    sector: str = Field("", max_length=80)
    output_unit: str = Field("", max_length=40)


class CertificationIn(Schema):
    kind: str = Field(max_length=20)
    level: str = Field(max_length=12)
    issuing_body: str = Field(max_length=120)
    issued_on: date
    expires_on: date | None = None


class TargetIn(Schema):
    metric: str = Field(max_length=40)
    base_year: int
    base_value: Decimal
    target_year: int
    target_value: Decimal


class EntryIn(Schema):
    kind: str = Field(description="natural_gas, raw_coal, ..., grid_electricity, green_certificates, purchased_heat")
    quantity: Decimal
    unit: str = Field(max_length=20, description="kWh, MWh, 10^4 kWh, GJ, t, 10^4 Nm3, ...")


class PeriodIn(Schema):
    month: int | None = None
    entries: list[EntryIn]
    output_quantity: Decimal | None = None
    value_added: Decimal | None = Field(None, description="10^4 CNY")


class NoteIn(Schema):
    note: str = Field("", max_length=500)


class LineOut(Schema):
    scope: int
    kind: str
    basis: str
    formula: str
    emissions: str
    entered: list[str]
    note: str
    sources: list[str]


class AccountOut(Schema):
    site: int
    period: str
    state: str
    scope1: str
    scope2_location: str
    scope2_market: str
    total: str
    renewable_share: str | None
    intensity_per_output: str | None
    intensity_per_value_added: str | None
    lines: list[LineOut]
    factors_fixed_at_review: bool


class FactorOut(Schema):
    code: str
    quantity: str
    region: str
    data_year: int
    value: Decimal
    unit: str
    publication: str
    table: str


class ProjectIn(Schema):
    name_zh: str = Field(max_length=200)
    name_en: str = Field("", max_length=200)
    technology: str = Field(max_length=20)
    power_mw: Decimal
    energy_mwh: Decimal
    city: str = Field(max_length=6, description="adcode of one of the 41 cities")
    owner_uscc: str = Field(max_length=18)
    planned_on: date
    plan_tasks: str = Field("", max_length=100)


class GreenProjectOut(Schema):
    id: int
    name_zh: str
    name_en: str
    technology: str
    power_mw: Decimal
    energy_mwh: Decimal
    city: str
    province: str
    owner: str
    stage: str
    planned_on: date | None
    approved_on: date | None
    construction_started_on: date | None
    operating_since: date | None
    plan_tasks: str
    is_demo: bool


class GreenStageIn(Schema):
    stage: str = Field(max_length=15)
    on: date


class GreenScenarioIn(Schema):
    name: str = Field(max_length=120)
    description: str = Field("", max_length=500)
    jurisdiction: str = Field("YRD", max_length=6)
    inputs: dict


class GreenScenarioOut(Schema):
    id: int
    name: str
    status: str
    progress: int
    message: str
    inputs: dict
    result: dict | None


# --- helpers ----------------------------------------------------------------------------------


def site_out(site: Site) -> dict:
    return {
        "id": site.pk, "kind": site.kind, "name_zh": site.name_zh, "name_en": site.name_en, "city": site.city.code,
        "province": site.province_code, "park_id": site.park_id, "sector": site.sector,
        "uscc": site.organisation.uscc, "is_demo": site.is_demo,
        "certifications": list(site.certifications.all()), "published": selectors.published_totals(site),
    }  # fmt: skip


def period_of(site: Site, year: int, month: int | None) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod, site=site, year=year, month=month)


def readable_site(request, pk: int) -> Site:
    site = get_object_or_404(Site.objects.select_related("city__parent", "organisation", "park"), pk=pk)
    if not selectors.may_read(request.user, site):
        raise PermissionDenied(_("Only the site's own people and its reviewers see its data."))
    return site


def project_out(project: StorageProject) -> dict:
    fields = ("id", "name_zh", "name_en", "technology", "power_mw", "energy_mwh", "stage", "planned_on",
              "approved_on", "construction_started_on", "operating_since", "plan_tasks", "is_demo")  # fmt: skip
    data = {name: getattr(project, name) for name in fields}
    return {**data, "city": project.city.code, "province": project.city.parent.code, "owner": project.owner.name}


# --- registry (public) ------------------------------------------------------------------------


@router.get(
    "/sites", response=list[GreenSiteOut], auth=None, summary="Parks and factories: certified status, published totals"
)
@decorate_view(public_cache)
def sites(request, kind: str = "", city: str = "", certified: bool = False):
    return [site_out(s) for s in selectors.public_sites(kind=kind, city=city, certified_only=certified)]


@router.get("/sites/{pk}", response={200: GreenSiteOut, 404: ApiError}, auth=None)
def site(request, pk: int):
    return site_out(get_object_or_404(selectors.public_sites(), pk=pk))


@router.post("/sites", response={201: GreenSiteOut, **ERRORS}, summary="Register a park or a factory")
def site_create(request, payload: GreenSiteIn):
    organisation = get_object_or_404(Organisation, uscc=payload.organisation_uscc)
    park = get_object_or_404(Site, pk=payload.park_id, kind=Site.Kind.PARK) if payload.park_id else None
    data = writes.SiteInput(
        kind=payload.kind,
        name_zh=payload.name_zh,
        name_en=payload.name_en,
        organisation=organisation,
        city=get_object_or_404(Jurisdiction, code=payload.city, level="city"),
        park=park,
        sector=payload.sector,
        output_unit=payload.output_unit,
    )
    created = writes.site_register(acting_user=request.user, data=data)
    return 201, site_out(get_object_or_404(selectors.public_sites(), pk=created.pk))


@router.post("/sites/{pk}/certifications", response={201: CertificationOut, **ERRORS}, summary="Record a certification")
def certification_create(request, pk: int, payload: CertificationIn):
    site = get_object_or_404(Site, pk=pk)
    return 201, writes.certification_add(acting_user=request.user, site=site, **payload.dict())


@router.put("/sites/{pk}/targets", response={200: TargetIn, **ERRORS}, summary="Set a target")
def target_put(request, pk: int, payload: TargetIn):
    site = get_object_or_404(Site, pk=pk)
    return writes.target_set(acting_user=request.user, site=site, **payload.dict())


@router.get("/factors", response=list[FactorOut], auth=None, summary="The emission factor catalogue")
@decorate_view(public_cache)
def factors(request):
    rows = EmissionFactor.objects.select_related("publication")
    return [{**{f: getattr(r, f) for f in ("code", "quantity", "region", "data_year", "value", "unit", "table")},
             "publication": str(r.publication)} for r in rows]  # fmt: skip


@router.get("/stats", auth=None, summary="Published figures for the plan tracker")
@decorate_view(public_cache)
def published(request):
    return {
        "certified_parks": stats.certified_parks(),
        "certified_factories": stats.certified_factories(),
        "intensity_trend": [{"year": y, "tco2_per_10k_cny": v} for y, v in stats.intensity_trend()],
        "storage_gw": {"operation": stats.storage_operating_gw(), "construction": stats.storage_building_gw(),
                       "planned_or_approved": stats.storage_planned_gw()},
    }  # fmt: skip


# --- a site's periods (own people and reviewers) -----------------------------------------------


@router.get("/sites/{pk}/periods/{year}", response={200: AccountOut, **ERRORS}, summary="The account, line by line")
def period_account(request, pk: int, year: int, month: int | None = None):
    period = period_of(readable_site(request, pk), year, month)
    try:
        result = account_of(period)
    except AccountingError as error:
        raise as_validation_error(error) from None
    lines = [{"scope": line.scope, "kind": line.kind, "basis": line.basis, "formula": line.formula(),
              "emissions": str(line.emissions), "entered": list(line.entered), "note": line.note,
              "sources": [s.source for s in line.steps if s.source]} for line in result.lines]  # fmt: skip
    return {
        "site": pk, "period": period.label, "state": period.state, "scope1": str(result.scope1),
        "scope2_location": str(result.scope2_location), "scope2_market": str(result.scope2_market),
        "total": str(result.total), "lines": lines,
        "renewable_share": None if result.renewable_share is None else str(result.renewable_share),
        "intensity_per_output": None if result.intensity_per_output is None else str(result.intensity_per_output),
        "intensity_per_value_added": None if result.intensity_per_value_added is None
        else str(result.intensity_per_value_added),
        "factors_fixed_at_review": period.state == ReportingPeriod.State.REVIEWED,
    }  # fmt: skip


@router.put("/sites/{pk}/periods/{year}", response={200: dict, **ERRORS}, summary="Enter a period's data")
def period_put(request, pk: int, year: int, payload: PeriodIn):
    site = get_object_or_404(Site, pk=pk)
    entries = [writes.Entry(e.kind, e.quantity, e.unit) for e in payload.entries]
    data = writes.PeriodInput(year, payload.month, entries, payload.output_quantity, payload.value_added)
    period = writes.period_save(acting_user=request.user, site=site, data=data)
    return {"period": period.label, "state": period.state}


@router.post("/sites/{pk}/periods/{year}/{action}", response={200: dict, **ERRORS}, summary="submit, review or return")
def period_act(request, pk: int, year: int, action: str, payload: NoteIn, month: int | None = None):
    site = get_object_or_404(Site, pk=pk)
    period = period_of(site, year, month)
    if action == "submit":
        period = writes.period_submit(acting_user=request.user, period=period)
    elif action == "review":
        period = writes.period_review(acting_user=request.user, period=period, note=payload.note)
    elif action == "return":
        period = writes.period_return(acting_user=request.user, period=period, note=payload.note)
    else:
        return 404, {"code": "not_found", "message": _("Unknown action.")}
    return {"period": period.label, "state": period.state, "result": period.result}


@router.post("/sites/{pk}/import", response={200: dict, **ERRORS}, summary="Import periods from CSV or XLSX")
def period_import(request, pk: int, file: File[UploadedFile]):
    site = get_object_or_404(Site, pk=pk)
    saved = writes.period_import(acting_user=request.user, site=site, content=file.read(), filename=file.name or "")
    return {"periods": [p.label for p in saved]}


# --- storage ----------------------------------------------------------------------------------


@router.get("/storage", response=list[GreenProjectOut], auth=None, summary="Storage projects by stage")
@decorate_view(public_cache)
def storage(request, province: str = "", stage: str = "", technology: str = ""):
    return [project_out(p) for p in selectors.storage_projects(province=province, stage=stage, technology=technology)]


@router.post("/storage", response={201: GreenProjectOut, **ERRORS}, summary="Register a storage project")
def storage_create(request, payload: ProjectIn):
    city = get_object_or_404(Jurisdiction, code=payload.city, level="city")
    owner = get_object_or_404(Organisation, uscc=payload.owner_uscc)
    data = writes.ProjectInput(
        name_zh=payload.name_zh, name_en=payload.name_en, technology=payload.technology, power_mw=payload.power_mw,
        energy_mwh=payload.energy_mwh, city=city, owner=owner, planned_on=payload.planned_on,
        plan_tasks=payload.plan_tasks,
    )  # fmt: skip
    key = request.headers.get("Idempotency-Key", "")
    return 201, project_out(writes.storage_register(acting_user=request.user, data=data, idempotency_key=key))


@router.post("/storage/{pk}/stage", response={200: GreenProjectOut, **ERRORS}, summary="Record the next stage")
def storage_stage(request, pk: int, payload: GreenStageIn):
    project = get_object_or_404(StorageProject, pk=pk)
    return project_out(
        writes.storage_advance(acting_user=request.user, project=project, stage=payload.stage, on=payload.on)
    )


# --- scenarios --------------------------------------------------------------------------------


def scenario_out(s: Scenario) -> dict:
    return {"id": s.pk, "name": s.name, "status": s.status, "progress": s.progress, "message": s.message,
            "inputs": s.inputs, "result": s.result}  # fmt: skip


@router.get("/scenarios", response=list[GreenScenarioOut])
def scenarios(request):
    return [scenario_out(s) for s in selectors.scenarios_visible_to(request.user)]


@router.get("/scenarios/{pk}", response={200: GreenScenarioOut, **ERRORS})
def scenario(request, pk: int):
    return scenario_out(get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk))


@router.post("/scenarios", response={201: GreenScenarioOut, **ERRORS}, summary="Save a planning scenario")
def scenario_create(request, payload: GreenScenarioIn):
    level = "region" if payload.jurisdiction == Jurisdiction.REGION_CODE else "province"
    jurisdiction = get_object_or_404(Jurisdiction, code=payload.jurisdiction, level=level)
    created = writes.scenario_create(
        acting_user=request.user, name=payload.name, jurisdiction=jurisdiction, inputs=payload.inputs,
        description=payload.description, idempotency_key=request.headers.get("Idempotency-Key", ""),
    )  # fmt: skip
    return 201, scenario_out(created)


@router.post("/scenarios/{pk}/run", response={202: GreenScenarioOut, **ERRORS}, summary="Solve in the background")
def scenario_run(request, pk: int):
    found = get_object_or_404(selectors.scenarios_visible_to(request.user), pk=pk)
    writes.scenario_run(acting_user=request.user, scenario=found)
    found.refresh_from_db()
    return 202, scenario_out(found)
