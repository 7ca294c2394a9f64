"""Shipments booked from a route: legs as planned, and the status events carriers report per leg.

Events are a ledger: each is stored once per shipment and event id (a retry of the same event is not a
second event), and the state of a leg and its ETA are derived from all its events ordered by the time
they happened (`yrd.transport.tracking`), never from the order they arrived in."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .network import Mode


class EventKind(models.TextChoices):
    DEPARTED = "departed", _("Departed")
    ARRIVED = "arrived", _("Arrived")
    TRANSFERRED = "transferred", _("Transferred")
    DELAYED = "delayed", _("Delayed")


class Shipment(models.Model):
    not_personal = {
        "origin_label": "a freight origin: a hub, city or enterprise site",
        "destination_label": "a freight destination: a hub, city or enterprise site",
    }

    reference = models.CharField(_("reference"), max_length=24, unique=True)
    external_reference = models.CharField(
        _("your reference"), max_length=80, blank=True, help_text=_("E.g. the dispatch number of the sender.")
    )
    route_query = models.ForeignKey(
        "transport.RouteQuery", on_delete=models.PROTECT, related_name="shipments", verbose_name=_("route request")
    )
    route_index = models.PositiveSmallIntegerField(_("route"))
    shipper = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shipper"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("booked by")
    )
    booked_at = models.DateTimeField(_("booked at"))
    origin_label = models.CharField(_("origin"), max_length=200)
    destination_label = models.CharField(_("destination"), max_length=200)
    origin_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("origin city")
    )
    destination_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("destination city")
    )
    tonnes = models.DecimalField(_("tonnes"), max_digits=12, decimal_places=3)
    dangerous_goods = models.BooleanField(_("dangerous goods"), default=False)
    planned_departure = models.DateTimeField(_("planned departure"))
    planned_arrival = models.DateTimeField(_("planned arrival"))
    planned_cost = models.DecimalField(_("planned cost (CNY)"), max_digits=14, decimal_places=2)
    planned_co2_kg = models.DecimalField(_("planned CO2e (kg)"), max_digits=14, decimal_places=2)
    road_only_co2_kg = models.DecimalField(
        _("CO2e by road only (kg)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-booked_at"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")

    def __str__(self):
        return f"{self.reference} {self.origin_label} → {self.destination_label}"

    def access_scope(self):
        cities = [c for c in (self.origin_city, self.destination_city) if c is not None]
        organisations = [self.shipper] if self.shipper_id else []
        organisations += [leg.carrier for leg in self.legs.all() if leg.carrier_id]
        return cities, organisations


class ShipmentLeg(models.Model):
    not_personal = {
        "origin_label": "a hub's or city's name",
        "destination_label": "a hub's or city's name",
    }

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="legs", verbose_name=_("shipment"))
    seq = models.PositiveSmallIntegerField(_("leg"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    origin_code = models.CharField(_("from (code)"), max_length=60)
    origin_label = models.CharField(_("from"), max_length=200)
    destination_code = models.CharField(_("to (code)"), max_length=60)
    destination_label = models.CharField(_("to"), max_length=200)
    planned_departure = models.DateTimeField(_("planned departure"))
    planned_arrival = models.DateTimeField(_("planned arrival"))
    km = models.DecimalField(_("km"), max_digits=10, decimal_places=1)
    tonne_km = models.DecimalField(_("tonne-km"), max_digits=16, decimal_places=1)
    co2_kg = models.DecimalField(_("CO2e (kg)"), max_digits=14, decimal_places=2)
    cost = models.DecimalField(_("cost (CNY)"), max_digits=14, decimal_places=2)
    carrier = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transport_legs",
        verbose_name=_("carrier"),
    )

    class Meta:
        ordering = ["shipment", "seq"]
        constraints = [models.UniqueConstraint(fields=["shipment", "seq"], name="transport_leg_unique_seq")]
        verbose_name = _("shipment leg")
        verbose_name_plural = _("shipment legs")

    def __str__(self):
        return f"{self.shipment.reference} #{self.seq} {self.get_mode_display()}"

    def access_scope(self):
        """The leg's side: its carrier (for carriers reporting events) within the shipment's cities."""
        cities = [c for c in (self.shipment.origin_city, self.shipment.destination_city) if c is not None]
        return cities, [self.carrier] if self.carrier_id else []


class LegEvent(models.Model):
    not_personal = {
        "note": "a carrier's status note on a freight leg",
    }

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events", verbose_name=_("shipment"))
    leg = models.ForeignKey(ShipmentLeg, on_delete=models.CASCADE, related_name="events", verbose_name=_("leg"))
    event_id = models.CharField(_("event id"), max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    occurred_at = models.DateTimeField(_("happened at"))
    eta = models.DateTimeField(_("new ETA"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("recorded by")
    )
    carrier_token = models.ForeignKey(
        "transport.CarrierToken",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("carrier token"),
    )

    class Meta:
        ordering = ["occurred_at", "received_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["shipment", "event_id"], name="transport_event_unique_id"),
        ]
        verbose_name = _("leg event")
        verbose_name_plural = _("leg events")

    def __str__(self):
        return f"{self.event_id} {self.get_kind_display()}"


def hash_carrier_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class CarrierToken(models.Model):
    """An API key for a carrier's own systems: it may report events for the legs that carrier runs and
    nothing else. Only its hash is stored; the key is shown once."""

    PREFIX = "yrdc_"

    not_personal = {
        "name": "the label of a carrier system's token",
    }

    carrier = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="carrier_tokens", verbose_name=_("carrier")
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("carrier token")
        verbose_name_plural = _("carrier tokens")

    def __str__(self):
        return f"{self.carrier} · {self.name}"

    def access_scope(self):
        return [self.carrier.jurisdiction], [self.carrier]

    @classmethod
    def new_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)
