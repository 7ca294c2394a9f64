"""Allocation runs (the engine's proposal, with every line's reason), the commitments a coordinator
confirms from them, and their dispatch and receipt.

A commitment reserves the lots picked for it (first expiry, first out) until it is dispatched; its
dispatch takes the stock out of the ledger, its receipt records what arrived, what was damaged, and
puts what arrived into the requesting warehouse's stock when the request came from a warehouse."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope


class AllocationRun(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        DISCARDED = "discarded", _("Discarded")

    number = models.CharField(_("number"), max_length=20, unique=True, blank=True)
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("for")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    as_of = models.DateTimeField(_("as of"))
    objective = models.FloatField(_("priority-weighted travel time (unit-hours)"))
    solver_seconds = models.FloatField(_("solver seconds"))
    total_seconds = models.FloatField(_("total seconds"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("run by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("confirmed or discarded by"),
    )
    decided_at = models.DateTimeField(_("confirmed or discarded at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-as_of", "-pk"]
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")

    def __str__(self):
        return self.number

    def access_scope(self):
        return [self.jurisdiction], []


class AllocationLine(models.Model):
    run = models.ForeignKey(AllocationRun, on_delete=models.CASCADE, related_name="lines", verbose_name=_("run"))
    warehouse = models.ForeignKey(
        "emergency.Warehouse", on_delete=models.PROTECT, related_name="+", verbose_name=_("warehouse")
    )
    request_line = models.ForeignKey(
        "emergency.RequestLine", on_delete=models.PROTECT, related_name="+", verbose_name=_("request line")
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    travel_hours = models.FloatField(_("travel time (hours)"))
    rank = models.PositiveIntegerField(_("rank among the warehouses in time"))
    alternatives = models.PositiveIntegerField(_("warehouses that could deliver in time"))
    stock_left = models.BigIntegerField(_("stock left after the run"))
    picks = models.JSONField(_("lots picked"), default=list)  # [{"lot": id, "number": ..., "quantity": ...}]

    class Meta:
        ordering = ["run", "request_line__request__priority", "request_line", "rank"]
        verbose_name = _("allocation line")
        verbose_name_plural = _("allocation lines")

    def __str__(self):
        return f"{self.warehouse.code} → {self.request_line} × {self.quantity}"


class AllocationShortfall(models.Model):
    class Cause(models.TextChoices):
        NO_STOCK = "no_stock", _("No stock of the item within reach")
        NOT_IN_TIME = "not_in_time", _("Stock exists, but none arrives before the needed-by time")
        SHARED = "shared_shortage", _("Not enough stock in time for all requests of this priority; shared fairly")

    run = models.ForeignKey(AllocationRun, on_delete=models.CASCADE, related_name="shortfalls", verbose_name=_("run"))
    request_line = models.ForeignKey(
        "emergency.RequestLine", on_delete=models.PROTECT, related_name="+", verbose_name=_("request line")
    )
    needed = models.PositiveIntegerField(_("still needed"))
    allocated = models.PositiveIntegerField(_("allocated"))
    cause = models.CharField(_("cause"), max_length=16, choices=Cause.choices)
    fair_share = models.FloatField(_("fair share of the need"))

    class Meta:
        ordering = ["run", "request_line__request__priority", "request_line"]
        verbose_name = _("shortfall")
        verbose_name_plural = _("shortfalls")

    def __str__(self):
        return f"{self.request_line}: {self.allocated} of {self.needed}"

    @property
    def short(self) -> int:
        return self.needed - self.allocated


class Commitment(models.Model):
    class Status(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        DISPATCHED = "dispatched", _("Dispatched")
        RECEIVED = "received", _("Received")
        CANCELLED = "cancelled", _("Cancelled")

    not_personal = {
        "receipt_note": "a warehouse's note on goods received",
    }

    warehouse = models.ForeignKey(
        "emergency.Warehouse", on_delete=models.PROTECT, related_name="commitments", verbose_name=_("warehouse")
    )
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=24, unique=True)
    request = models.ForeignKey(
        "emergency.SupplyRequest", on_delete=models.PROTECT, related_name="commitments", verbose_name=_("request")
    )
    run = models.ForeignKey(
        AllocationRun,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("allocation run"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.COMMITTED)
    travel_hours = models.FloatField(_("travel time (hours)"), null=True, blank=True)
    created_at = models.DateTimeField(_("committed at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("committed by"),
    )
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dispatched by"),
    )
    shipment = models.CharField(_("shipment"), max_length=60, blank=True, help_text=_("The transport booking."))
    shipment_booked = models.BooleanField(
        _("booked through the platform"),
        default=False,
        help_text=_("The shipment was booked with the transport module (and is tracked there)."),
    )
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("received by"),
    )
    receipt_note = models.CharField(_("receipt note"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["warehouse", "sequence"], name="emergency_commitment_sequence")]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.number

    def access_scope(self):
        """Either side: the warehouse that sends, or the request that receives."""
        source_jurisdictions, source_organisations = self.warehouse.access_scope()
        target_jurisdictions, target_organisations = self.request.access_scope()
        return source_jurisdictions + target_jurisdictions, source_organisations + target_organisations

    def source(self) -> Scope:
        jurisdictions, organisations = self.warehouse.access_scope()
        return Scope(tuple(jurisdictions), tuple(organisations))

    def destination(self) -> Scope:
        jurisdictions, organisations = self.request.access_scope()
        return Scope(tuple(jurisdictions), tuple(organisations))


class CommitmentLine(models.Model):
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="lines", verbose_name=_("commitment")
    )
    request_line = models.ForeignKey(
        "emergency.RequestLine",
        on_delete=models.PROTECT,
        related_name="commitment_lines",
        verbose_name=_("request line"),
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["commitment", "pk"]
        verbose_name = _("commitment line")
        verbose_name_plural = _("commitment lines")

    def __str__(self):
        return f"{self.commitment.number} {self.request_line.item.code} × {self.quantity}"


class CommitmentPick(models.Model):
    line = models.ForeignKey(CommitmentLine, on_delete=models.CASCADE, related_name="picks", verbose_name=_("line"))
    lot = models.ForeignKey("emergency.Lot", on_delete=models.PROTECT, related_name="picks", verbose_name=_("lot"))
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    received = models.PositiveIntegerField(_("received"), null=True, blank=True)
    damaged = models.PositiveIntegerField(_("damaged"), null=True, blank=True)
    received_lot_number = models.CharField(_("lot number as received"), max_length=40, blank=True)
    received_expires_on = models.DateField(_("expiry as received"), null=True, blank=True)

    class Meta:
        ordering = ["line", "lot__expires_on", "pk"]
        verbose_name = _("lot picked")
        verbose_name_plural = _("lots picked")

    def __str__(self):
        return f"{self.lot} × {self.quantity}"

    @property
    def missing(self) -> int | None:
        """Units neither received nor reported damaged (lost on the way); None before receipt."""
        return None if self.received is None else self.quantity - self.received - (self.damaged or 0)
