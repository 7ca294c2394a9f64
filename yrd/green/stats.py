"""Live figures the plan tracker shows (declared in the manifest): small and public on purpose."""

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from yrd.green.models import Certification, ReportingPeriod, StorageProject

PARK_KINDS = [Certification.Kind.GREEN_PARK, Certification.Kind.LOW_CARBON_PARK, Certification.Kind.ZERO_CARBON_PARK]


def _valid_certifications():
    today = timezone.localdate()
    return Certification.objects.filter(issued_on__lte=today).exclude(expires_on__lt=today)


def certified_parks() -> int:
    return _valid_certifications().filter(kind__in=PARK_KINDS).values("site").distinct().count()


def certified_factories() -> int:
    return _valid_certifications().filter(kind=Certification.Kind.GREEN_FACTORY).values("site").distinct().count()


def intensity_trend() -> list[tuple[int, Decimal | None]]:
    """(year, tCO2 per 10^4 CNY of value added) over the reviewed whole-year accounts of all sites."""
    by_year: dict[int, list[Decimal]] = {}
    reviewed = ReportingPeriod.objects.filter(state=ReportingPeriod.State.REVIEWED, month__isnull=True)
    for year, result, value_added in reviewed.values_list("year", "result", "value_added"):
        if result and value_added:
            emitted, added = by_year.setdefault(year, [Decimal(0), Decimal(0)])
            by_year[year] = [emitted + Decimal(result["total"]), added + value_added]
    return [(year, (e / a).quantize(Decimal("0.0001")) if a else None) for year, (e, a) in sorted(by_year.items())]


def latest_intensity() -> Decimal | None:
    trend = intensity_trend()
    return trend[-1][1] if trend else None


def _gw(stages) -> Decimal:
    total = StorageProject.objects.filter(stage__in=stages).aggregate(mw=Sum("power_mw"))["mw"] or Decimal(0)
    return (total / 1000).quantize(Decimal("0.01"))


def storage_operating_gw() -> Decimal:
    return _gw([StorageProject.Stage.OPERATION])


def storage_building_gw() -> Decimal:
    return _gw([StorageProject.Stage.CONSTRUCTION])


def storage_planned_gw() -> Decimal:
    return _gw([StorageProject.Stage.PLANNED, StorageProject.Stage.APPROVED])
