"""Pages anyone may read: the overview (published figures, ranking and map of parks, intensity
trend), the registry of parks and factories with certified status and published totals, a site's
public page, the storage registry with its map and pipeline, and the annual export."""

from decimal import Decimal, InvalidOperation

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.caching import public_cache
from yrd.core.models import Jurisdiction
from yrd.core.selectors import provinces
from yrd.core.tables import FORMATS, write_workbook
from yrd.core.tables.pages import download
from yrd.green import charts, selectors, stats
from yrd.green.accounting import AccountingError
from yrd.green.accounts import account_of
from yrd.green.models import Site, StorageProject


def city_names() -> dict[str, str]:
    return {c.code: c.name for c in Jurisdiction.objects.filter(level="city")}


@public_cache
def overview(request):
    trend = stats.intensity_trend()
    names = city_names()
    context = {
        "figures": {
            "parks": stats.certified_parks(),
            "factories": stats.certified_factories(),
            "operating": stats.storage_operating_gw(),
            "building": stats.storage_building_gw(),
            "planned": stats.storage_planned_gw(),
            "intensity": stats.latest_intensity(),
        },
        "ranking": selectors.park_ranking(),
        "trend": trend,
        "trend_chart": charts.intensity_trend(trend),
        "map_chart": charts.city_map(selectors.parks_by_city(), names, _("Parks registered")),
        "has_demo": Site.objects.filter(is_demo=True).exists(),
    }
    return render(request, "green/overview.html", context)


@public_cache
def sites(request):
    kind, city = request.GET.get("kind", ""), request.GET.get("city", "")[:6]
    rows = [(s, selectors.published_totals(s)) for s in selectors.public_sites(kind=kind, city=city)]
    return render(request, "green/sites.html", {"rows": rows, "kind": kind, "city": city, "kinds": Site.Kind.choices})


@public_cache
def site(request, pk: int):
    found = get_object_or_404(selectors.public_sites().select_related("organisation"), pk=pk)
    published = selectors.published_totals(found)
    members = [(m, selectors.published_totals(m)) for m in selectors.public_sites().filter(park=found)]
    context = {
        "site": found,
        "published": published,
        "members": members,
        "may_read": False,
        "trend_chart": charts.site_totals(published) if published else None,
    }
    if selectors.may_read(request.user, found):
        periods = []
        for period in selectors.periods_of(found):
            try:
                periods.append((period, account_of(period), None))
            except AccountingError as error:
                periods.append((period, None, "; ".join(m for ms in error.errors.values() for m in ms)))
        this_year = timezone.localdate().year
        context.update(
            may_read=True,
            periods=periods,
            years_offered=[this_year - 1, this_year - 2, this_year - 3],
            targets=found.targets.all(),
            may_report=selectors.may_report(request.user, found),
            may_review=selectors.may_review(request.user, found),
        )
    return render(request, "green/site.html", context)


@public_cache
def storage(request):
    province, stage = request.GET.get("province", "")[:6], request.GET.get("stage", "")[:15]
    projects = list(selectors.storage_projects(province=province, stage=stage))
    province_list = list(provinces())
    names = city_names()
    context = {
        "projects": projects,
        "province": province,
        "stage": stage,
        "stages": StorageProject.Stage.choices,
        "provinces": province_list,
        "pipeline_chart": charts.storage_pipeline(selectors.storage_pipeline(), province_list),
        "map_chart": charts.projects_map(projects, names),
        "may_manage": selectors.may_manage_storage(request.user),
        "totals": {
            "operating": stats.storage_operating_gw(),
            "building": stats.storage_building_gw(),
            "planned": stats.storage_planned_gw(),
        },
    }
    return render(request, "green/storage.html", context)


def site_year_rows() -> tuple[list[str], list[list]]:
    """Published totals per site and year: the annual report's main table."""
    header = [
        _("site"),
        _("kind"),
        _("city"),
        "USCC",
        _("year"),
        _("scope 1 (tCO2)"),
        _("scope 2 location-based (tCO2)"),
        _("scope 2 market-based (tCO2)"),
        _("total (tCO2)"),
        _("tCO2 per 10^4 CNY value added"),
        _("renewable share"),
        _("certifications"),
    ]
    rows = []
    for found in selectors.public_sites().select_related("organisation"):
        certified = "; ".join(str(c) for c in found.current_certifications())
        for year in selectors.published_totals(found):
            rows.append(
                [
                    found.name,
                    found.get_kind_display(),
                    found.city.name,
                    found.organisation.uscc,
                    year["year"],
                    *(decimal(year.get(name)) for name in TOTALS),
                    certified,
                ]
            )
    return header, rows


def export_annual(request):
    """Published totals per site and year, for the annual report (CSV, UTF-8 with BOM for Excel)."""
    header, rows = site_year_rows()
    return download("csv", "green-annual-report", header, rows)


def export_annual_xlsx(request):
    """The annual report's tables in one workbook: published totals per site and year, the ranking of
    parks, storage projects with their stage and dates, and the figures the plan tracker shows."""
    header, rows = site_year_rows()
    # the totals (columns 6 to 11) as numbers a reader can sum; names, USCC and certifications as text
    sites = [[number(v) if 5 <= i <= 10 else v for i, v in enumerate(row)] for row in rows]
    ranking = [
        [rank, row["site"].name, row["site"].city.name, row["year"], number(row["total"]), number(row["intensity"])]
        for rank, row in enumerate(selectors.park_ranking(), start=1)
    ]
    storage = [
        [
            project.name,
            project.get_technology_display(),
            project.city.name,
            number(project.power_mw),
            number(project.energy_mwh),
            project.get_stage_display(),
            project.approved_on,
            project.construction_started_on,
            project.operating_since,
        ]
        for project in selectors.storage_projects()
    ]
    figures = [
        [label, number(value)]
        for label, value in (
            (_("Certified parks"), stats.certified_parks()),
            (_("Certified factories"), stats.certified_factories()),
            (_("Storage in operation (GW)"), stats.storage_operating_gw()),
            (_("Storage under construction (GW)"), stats.storage_building_gw()),
            (_("Storage planned (GW)"), stats.storage_planned_gw()),
        )
    ]
    sheets = [
        (_("Sites"), header, sites),
        (
            _("Park ranking"),
            [_("rank"), _("park"), _("city"), _("year"), _("total (tCO2)"), _("tCO2 per 10^4 CNY value added")],
            ranking,
        ),
        (
            _("Storage projects"),
            [
                _("project"),
                _("technology"),
                _("city"),
                _("power (MW)"),
                _("energy (MWh)"),
                _("stage"),
                _("approved on"),
                _("construction started on"),
                _("in operation since"),
            ],
            storage,
        ),
        (_("Figures"), [_("figure"), _("value")], figures),
    ]
    response = HttpResponse(write_workbook([(t[:31], h, r) for t, h, r in sheets]), content_type=FORMATS["xlsx"])
    response["Content-Disposition"] = 'attachment; filename="green-annual-report.xlsx"'
    return response


TOTALS = ("scope1", "scope2_location", "scope2_market", "total", "intensity_per_value_added", "renewable_share")


def decimal(value):
    """A published total (stored as text) as a Decimal, written exactly as stored; other text as is."""
    try:
        return Decimal(value) if isinstance(value, str) else value
    except InvalidOperation:
        return value


def number(value):
    """Decimals and numeric text as numbers in the spreadsheet (so a reader can sum them); the rest as is."""
    if value is None or isinstance(value, (int, float)):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return value
