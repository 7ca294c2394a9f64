"""What other modules may use of the industry module (they never import its models or writes).

- `enterprises_hit(*, enterprises=(), cities=(), days=7) -> list[dict]`: which enterprises a
  disruption hits. Stopping the given enterprises (ids) or every enterprise of the given city adcodes
  for `days`, the disruption LP names each OEM that loses output, with its city, the vehicles lost and
  the stopped enterprises themselves (for the emergency module: who needs supplies or transport).
  Names and cities only; commercially sensitive shares and capacities never leave the module.
- `published_figures() -> dict`: the figures of the plan tracker, as plain values.
"""

from yrd.industry import stats
from yrd.industry.analysis.disruption import analyse
from yrd.industry.chaindata import chain_from_db
from yrd.industry.models import Enterprise

__all__ = ["enterprises_hit", "published_figures"]


def enterprises_hit(*, enterprises=(), cities=(), days: float = 7) -> list[dict]:
    stopped = set(enterprises) | set(
        Enterprise.objects.filter(city__code__in=list(cities)).values_list("pk", flat=True)
    )
    if not stopped:
        return []
    outcome = analyse(chain_from_db(), stopped, float(days))
    lost = outcome.lost_by_oem
    found = Enterprise.objects.filter(pk__in=stopped | set(lost)).select_related("organisation", "city")
    return [
        {
            "enterprise": e.pk,
            "name": e.organisation.name,
            "uscc": e.organisation.uscc,
            "city": e.city.code,
            "stopped": e.pk in stopped,
            "vehicles_lost": round(lost.get(e.pk, 0.0), 1),
        }
        for e in found
    ]


def published_figures() -> dict:
    return {
        "nev_enterprises": stats.nev_enterprises(),
        "needs_matched": stats.needs_matched(),
        "cluster_it_mw": stats.cluster_it_mw(),
        "cluster_pue": stats.cluster_pue(),
        "metro_projects": stats.metro_projects(),
    }
