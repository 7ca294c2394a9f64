"""Figures the industry module publishes for the plan tracker (aggregates only: no enterprise's
shares or capacities)."""

from decimal import Decimal

from django.db.models import Avg, Max, Sum

from yrd.industry.analysis.weakpoints import single_sources
from yrd.industry.chaindata import chain_from_db
from yrd.industry.models import CooperationProject, DataCentre, Enterprise, Need, PueReading

CLUSTERS = (DataCentre.Cluster.DEMO_ZONE, DataCentre.Cluster.WUHU)


def nev_enterprises() -> int:
    return Enterprise.objects.count()


def single_source_links() -> int:
    return len(single_sources(chain_from_db()))


def needs_matched() -> int:
    return Need.objects.filter(state=Need.State.MATCHED).count()


def cluster_it_mw() -> Decimal:
    return DataCentre.objects.filter(cluster__in=CLUSTERS).aggregate(total=Sum("it_power_mw"))["total"] or Decimal(0)


def cluster_pue() -> Decimal | None:
    readings = PueReading.objects.filter(data_centre__cluster__in=CLUSTERS)
    latest = readings.aggregate(month=Max("month"))["month"]
    if latest is None:
        return None
    value = readings.filter(month=latest).aggregate(pue=Avg("pue"))["pue"]
    return Decimal(value).quantize(Decimal("0.001"))


def metro_projects() -> int:
    return CooperationProject.objects.count()
