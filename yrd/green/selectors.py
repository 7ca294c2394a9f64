"""Every read of the green module, scoped by the caller.

- A site's own people (its organisation, with the reporter role) see and edit their site;
- the park (for its member factories) and the city, province or region officials see their sites;
- everyone, signed in or not, sees certified status and the published (reviewed) totals only."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from yrd.core.access import can, filter_visible
from yrd.green.apps import PLAN, REPORT, REVIEW, STORAGE
from yrd.green.models import ReportingPeriod, Scenario, Site, StorageProject
from yrd.green.models.sites import report_scope, review_scope

SITE_RELATED = ("city__parent", "organisation", "park__organisation")


def sites_visible_to(user) -> QuerySet[Site]:
    """Sites whose data the user may read: their own, their park's members, their jurisdiction's."""
    base = Site.objects.select_related(*SITE_RELATED)
    mine = filter_visible(base, user, REPORT, jurisdiction_fields=["city"], organisation_field="organisation")
    reviewed = filter_visible(base, user, REVIEW, jurisdiction_fields=["city"], organisation_field="park__organisation")
    pks = set(mine.values_list("pk", flat=True)) | set(reviewed.values_list("pk", flat=True))
    return base.filter(pk__in=pks)


def may_read(user, site: Site) -> bool:
    """The site's own people and its reviewers read its data; everyone else its published totals."""
    return can(user, REPORT, report_scope(site)) or can(user, REVIEW, review_scope(site))


def may_report(user, site: Site) -> bool:
    return can(user, REPORT, report_scope(site))


def may_review(user, site: Site) -> bool:
    return can(user, REVIEW, review_scope(site))


def public_sites(*, kind: str = "", city: str = "", certified_only: bool = False) -> QuerySet[Site]:
    """What the public may list: every registered site, with its certifications and reviewed totals."""
    sites = Site.objects.select_related("city__parent", "park").prefetch_related(
        "certifications",
        Prefetch(
            "periods",
            queryset=ReportingPeriod.objects.filter(state=ReportingPeriod.State.REVIEWED, month__isnull=True),
            to_attr="published_years",
        ),
    )
    if kind:
        sites = sites.filter(kind=kind)
    if city:
        sites = sites.filter(city__code=city)
    if certified_only:
        sites = sites.filter(certifications__isnull=False).distinct()
    return sites


def published_totals(site: Site) -> list[dict]:
    """(year, totals) of the site's reviewed whole years: what anyone may see."""
    periods = getattr(site, "published_years", None)
    if periods is None:
        periods = site.periods.filter(state=ReportingPeriod.State.REVIEWED, month__isnull=True)
    return [{"year": p.year, **(p.result or {})} for p in sorted(periods, key=lambda p: p.year)]


def periods_of(site: Site) -> QuerySet[ReportingPeriod]:
    return site.periods.prefetch_related("activities").order_by("-year", "month")


def review_queue(user) -> QuerySet[ReportingPeriod]:
    """Submitted periods the user may review."""
    submitted = ReportingPeriod.objects.filter(state=ReportingPeriod.State.SUBMITTED).select_related(
        "site__city", "site__park__organisation", "site__organisation"
    )
    return submitted.filter(site__in=[s for s in sites_visible_to(user) if may_review(user, s)])


def park_ranking(year: int | None = None) -> list[dict]:
    """Parks ranked by emissions per 10^4 CNY of value added in their latest reviewed year (lowest first)."""
    rows = []
    for park in public_sites(kind=Site.Kind.PARK):
        totals = [t for t in published_totals(park) if year is None or t["year"] == year]
        latest = totals[-1] if totals else None
        intensity = latest and latest.get("intensity_per_value_added")
        rows.append(
            {
                "site": park,
                "year": latest and latest["year"],
                "total": latest and latest.get("total"),
                "intensity": Decimal(intensity) if intensity else None,
                "certified": [c for c in park.certifications.all()],
            }
        )
    return sorted(rows, key=lambda r: (r["intensity"] is None, r["intensity"] or 0))


def parks_by_city() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for code in Site.objects.filter(kind=Site.Kind.PARK).values_list("city__code", flat=True):
        counts[code] += 1
    return dict(counts)


# --- storage ----------------------------------------------------------------------------------


def storage_projects(*, province: str = "", stage: str = "", technology: str = "") -> QuerySet[StorageProject]:
    """Storage projects are public (name, technology, size, place, owner, stage and dates)."""
    projects = StorageProject.objects.select_related("city__parent", "owner")
    if province:
        projects = projects.filter(city__parent__code=province)
    if stage:
        projects = projects.filter(stage=stage)
    if technology:
        projects = projects.filter(technology=technology)
    return projects


def storage_pipeline() -> dict[str, dict[str, Decimal]]:
    """GW by province and stage."""
    table: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for project in storage_projects():
        table[project.city.parent.code][project.stage] += project.power_mw / 1000
    return {province: dict(stages) for province, stages in table.items()}


def may_manage_storage(user, project: StorageProject | None = None) -> bool:
    return can(user, STORAGE, project) if project is not None else can(user, STORAGE)


# --- scenarios --------------------------------------------------------------------------------


def scenarios_visible_to(user) -> QuerySet[Scenario]:
    return filter_visible(
        Scenario.objects.select_related("jurisdiction", "created_by"), user, PLAN, jurisdiction_fields=["jurisdiction"]
    )
