"""Figures the transport app publishes to the plan tracker (task 3.07, the Yangtze River Economic Belt
multimodal transport centre), over every booked shipment (demo shipments included when loaded, and the
pages say so)."""

from decimal import Decimal

from django.db.models import Sum

from yrd.transport.models import Shipment, ShipmentLeg


def shipments_booked() -> int:
    return Shipment.objects.count()


def tonne_km_by_mode() -> dict[str, Decimal]:
    rows = ShipmentLeg.objects.values("mode").annotate(t=Sum("tonne_km")).order_by("mode")
    return {row["mode"]: row["t"] or Decimal(0) for row in rows}


def tonne_km_non_road_share() -> Decimal | None:
    by_mode = tonne_km_by_mode()
    total = sum(by_mode.values(), Decimal(0))
    if not total:
        return None
    return round(100 * (total - by_mode.get("road", Decimal(0))) / total, 1)


def co2_saved_tonnes() -> Decimal:
    """Sum over shipments of (greenest road-only CO2 − planned CO2), in tonnes; shipments whose road-only
    route could not be computed are left out."""
    figures = Shipment.objects.filter(road_only_co2_kg__isnull=False).aggregate(
        road=Sum("road_only_co2_kg"), planned=Sum("planned_co2_kg")
    )
    if figures["road"] is None:
        return Decimal(0)
    return round((figures["road"] - figures["planned"]) / 1000, 1)
