"""Incidents and the supply requests raised for them (or by one warehouse of another)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind as Personal
from yrd.core.translation import Bilingual


class Priority(models.IntegerChoices):
    LIFE_SAVING = 1, _("Life-saving")
    LIFE_SUSTAINING = 2, _("Life-sustaining")
    OTHER = 3, _("Other relief")


class Incident(Bilingual, models.Model):
    class Kind(models.TextChoices):
        TYPHOON = "typhoon", _("Typhoon")
        FLOOD = "flood", _("Flood")
        EARTHQUAKE = "earthquake", _("Earthquake")
        FIRE = "fire", _("Fire")
        ACCIDENT = "accident", _("Industrial or traffic accident")
        EPIDEMIC = "epidemic", _("Epidemic")
        OTHER = "other", _("Other")

    not_personal = {
        "name_zh": "an incident's public title",
        "name_en": "an incident's public title",
        "description": "the coordinator's account of the event (events, not people)",
    }

    number = models.CharField(_("number"), max_length=20, unique=True, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("where"),
        help_text=_("The city, or the province when the incident spans several cities."),
    )
    started_at = models.DateTimeField(_("started at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def access_scope(self):
        return [self.jurisdiction], []


class SupplyRequest(models.Model):
    """A request for supplies: from an incident site (a place in the region), or from one alliance
    warehouse to restock it from others (the destination is then that warehouse)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    personal_fields = {"contact_name": Personal.NAME, "contact_phone": Personal.PHONE, "note": Personal.FREE_TEXT}
    # Whoever raised the request gave the contact: they see it in full, unrecorded (and take it away
    # with their own data, emergency.personal); who else may is `reveal_scopes`.
    personal_subject = "raised_by"
    not_personal = {
        "site": "an incident site or warehouse, a place of relief work",
        "latitude": "that site",
        "longitude": "that site",
    }

    number = models.CharField(_("number"), max_length=20, unique=True, blank=True)
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="requests", verbose_name=_("incident")
    )
    destination_warehouse = models.ForeignKey(
        "emergency.Warehouse",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests_made",
        verbose_name=_("requesting warehouse"),
    )
    site = models.CharField(_("site"), max_length=200)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices)
    needed_by = models.DateTimeField(_("needed by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    contact_name = models.CharField(_("contact person"), max_length=60, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("raised by"),
    )
    raised_at = models.DateTimeField(_("raised at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["priority", "needed_by", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=True) | models.Q(destination_warehouse__isnull=True),
                name="emergency_request_one_destination",
            )
        ]
        verbose_name = _("supply request")
        verbose_name_plural = _("supply requests")

    def __str__(self):
        return f"{self.number} {self.site}"

    @property
    def place(self) -> tuple[float, float]:
        return float(self.latitude), float(self.longitude)

    def reveal_scopes(self):
        """Who sees the contact in full (core.personal.reveal, audited): those who raise, receive or
        allocate at the site, and the operators of warehouses that send it something."""
        own = [(action, self) for action in ("emergency.request.raise", "emergency.receive", "emergency.allocate")]
        return own + [("emergency.dispatch", c.warehouse) for c in self.commitments.select_related("warehouse__member")]

    def access_scope(self):
        """The city of the site; a warehouse's own request belongs to its operator too."""
        if self.destination_warehouse_id:
            return [self.city], [self.destination_warehouse.member.organisation]
        return [self.city], []

    def clean(self):
        if not self.incident_id and not self.destination_warehouse_id:
            raise ValidationError(_("A request is made for an incident or by a warehouse."))


class RequestLine(models.Model):
    request = models.ForeignKey(
        SupplyRequest, on_delete=models.CASCADE, related_name="lines", verbose_name=_("request")
    )
    item = models.ForeignKey("emergency.Item", on_delete=models.PROTECT, related_name="+", verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["request", "item__category", "item__code"]
        constraints = [models.UniqueConstraint(fields=["request", "item"], name="emergency_request_item_once")]
        verbose_name = _("request line")
        verbose_name_plural = _("request lines")

    def __str__(self):
        return f"{self.request.number} {self.item.code} × {self.quantity}"
