"""Compute placement as a page or the API runs it: the stored data centres (spare IT power =
capacity × (1 - utilisation), latest PUE, their province's grid factor) and the demands given."""

from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction
from yrd.industry.analysis.placement import Centre, Demand, Placement, PlacementError, place
from yrd.industry.models import DataCentre
from yrd.industry.reference import GRID_FACTORS_2022

DEFAULT_PUE = 1.5


def centres() -> list[Centre]:
    found = []
    for dc in DataCentre.objects.select_related("city__parent").prefetch_related("pue_readings"):
        readings = sorted(dc.pue_readings.all(), key=lambda r: r.month)
        pue = float(readings[-1].pue) if readings else DEFAULT_PUE
        found.append(
            Centre(
                id=dc.pk,
                lat=float(dc.city.latitude),
                lon=float(dc.city.longitude),
                spare_mw=float(dc.it_power_mw) * (1 - float(dc.utilisation)),
                pue=pue,
                price_cny_kwh=float(dc.electricity_price),
                green_share=float(dc.green_share),
                grid_t_per_mwh=GRID_FACTORS_2022[dc.city.parent.code],
            )
        )
    return found


def run(demands: list[tuple[str, float, str]], carbon_price: float) -> Placement:
    """demands: (city adcode, MW, latency class)."""
    cities = {j.code: j for j in Jurisdiction.objects.filter(level="city")}
    parsed = []
    for index, (code, mw, latency) in enumerate(demands):
        city = cities.get(code)
        if city is None:
            raise PlacementError(f"demands[{index}].city", _("%(code)s is not one of the 41 cities.") % {"code": code})
        parsed.append(Demand(code, float(city.latitude), float(city.longitude), float(mw), latency))
    if not parsed:
        raise PlacementError("demands", _("Give at least one demand."))
    return place(parsed, centres(), carbon_price)


def run_from_form(data) -> Placement:
    demands = []
    for code, mw, latency in zip(data.getlist("city"), data.getlist("mw"), data.getlist("latency"), strict=False):
        if not code and not mw:
            continue
        try:
            demands.append((code, float(mw), latency))
        except ValueError:
            raise PlacementError("mw", _("%(value)s is not a number of MW.") % {"value": mw}) from None
    try:
        carbon_price = float(data.get("carbon_price") or 0)
    except ValueError:
        raise PlacementError("carbon_price", _("The carbon price is not a number.")) from None
    return run(demands, carbon_price)
