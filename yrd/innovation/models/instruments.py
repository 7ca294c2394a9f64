"""Shared large instruments of universities and institutes, their opening hours, bookings and usage.

A booking has two sides: the firm that books (`firm_side`) and the provider that owns the instrument
(`provider_side`). No two live bookings (requested or approved) of one instrument overlap: every write
that creates or approves a booking holds the instrument's row lock first."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.personal import Kind
from yrd.core.translation import Bilingual


class Instrument(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a shared instrument's name",
        "name_en": "a shared instrument's name",
    }

    class Category(models.TextChoices):
        ANALYSIS = "analysis", _("Analysis and testing")
        MICROSCOPY = "microscopy", _("Electron microscopy")
        SPECTROSCOPY = "spectroscopy", _("Spectroscopy")
        COMPUTING = "computing", _("High-performance computing")
        FABRICATION = "fabrication", _("Micro- and nano-fabrication")
        LIFE = "life", _("Life-science platforms")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=24, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=14, choices=Category.choices)
    owner = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_instruments", verbose_name=_("owner")
    )
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    hourly_price = models.DecimalField(_("price per hour (CNY)"), max_digits=10, decimal_places=2)
    conditions = models.CharField(_("conditions"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "code"]
        verbose_name = _("shared instrument")
        verbose_name_plural = _("shared instruments")

    def __str__(self):
        return f"{self.code} {self.name}"

    def access_scope(self):
        return [self.city], [self.owner]

    @property
    def province(self):
        return self.city.province


class OpeningWindow(models.Model):
    """The instrument is bookable on `weekday` (0 = Monday) from `opens` to `closes`."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="windows")
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening window")
        verbose_name_plural = _("opening windows")

    def __str__(self):
        return f"{self.weekday} {self.opens}-{self.closes}"


class Booking(models.Model):
    personal_fields = {"decided_note": Kind.FREE_TEXT}

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        CANCELLED = "cancelled", _("Cancelled")

    LIVE = (State.REQUESTED, State.APPROVED)

    number = models.CharField(_("number"), max_length=24, unique=True, blank=True)
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("instrument")
    )
    firm = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_bookings", verbose_name=_("firm")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    purpose = models.CharField(_("purpose"), max_length=300)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REQUESTED)
    decided_note = models.CharField(_("note on the decision"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="innovation_booking_order"
            )
        ]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")

    def __str__(self):
        return self.number

    def firm_side(self) -> Scope:
        return Scope((self.firm.jurisdiction,), (self.firm,))

    def provider_side(self) -> Scope:
        return Scope((self.instrument.city,), (self.instrument.owner,))

    def access_scope(self):
        return self.provider_side().access_scope()

    @property
    def hours(self) -> Decimal:
        return Decimal((self.ends_at - self.starts_at).total_seconds()) / 3600


class Usage(models.Model):
    """Hours an instrument was used. Normally one per booking; a usage without a booking (a log
    entered by the provider for walk-in use) is kept and flagged as an anomaly."""

    personal_fields = {"note": Kind.FREE_TEXT}

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="usages")
    booking = models.OneToOneField(
        Booking, null=True, blank=True, on_delete=models.PROTECT, related_name="usage", verbose_name=_("booking")
    )
    firm = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("firm"))
    used_on = models.DateField(_("used on"))
    hours = models.DecimalField(_("hours used"), max_digits=7, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-used_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(hours__gt=0), name="innovation_usage_positive")]
        verbose_name = _("usage record")
        verbose_name_plural = _("usage records")

    def __str__(self):
        return f"{self.instrument.code} {self.used_on} {self.hours} h"

    def access_scope(self):
        return self.instrument.access_scope()

    @property
    def cost(self) -> Decimal:
        return (self.hours * self.instrument.hourly_price).quantize(Decimal("0.01"))
