"""Low-altitude infrastructure: take-off and landing points, vertiports, and communication and
surveillance coverage, each in a city and owned or run by an organisation."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual
from yrd.lowalt.conflicts.geo import in_region

LONGITUDE = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]
LATITUDE = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]


def check_in_region(longitude, latitude, field="longitude"):
    if longitude is not None and latitude is not None and not in_region(float(longitude), float(latitude)):
        raise ValidationError({field: _("This place lies outside the Yangtze River Delta.")})


class Site(Bilingual, models.Model):
    """A take-off and landing point (起降点) or a vertiport (垂直起降场)."""

    class Kind(models.TextChoices):
        POINT = "point", _("Take-off and landing point")
        VERTIPORT = "vertiport", _("Vertiport")

    class Status(models.TextChoices):
        OPERATING = "operating", _("Operating")
        PLANNED = "planned", _("Planned")
        CLOSED = "closed", _("Closed")

    not_personal = {
        "name_zh": "a take-off site's name",
        "name_en": "a take-off site's name",
        "longitude": "a take-off site",
        "latitude": "a take-off site",
    }

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="lowalt_sites", verbose_name=_("city")
    )
    owner = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="lowalt_sites", verbose_name=_("owner")
    )
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, validators=LONGITUDE)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=6, validators=LATITUDE)
    pads = models.PositiveSmallIntegerField(
        _("pads"), validators=[MinValueValidator(1)], help_text=_("Aircraft that can take off or land at once")
    )
    charging_points = models.PositiveSmallIntegerField(_("charging points"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPERATING)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "name_zh"]
        verbose_name = _("take-off and landing site")
        verbose_name_plural = _("take-off and landing sites")

    def __str__(self):
        return self.name

    def clean(self):
        check_in_region(self.longitude, self.latitude)

    def access_scope(self):
        return [self.city], [self.owner]


class Coverage(models.Model):
    """Where communication (command and control links) or surveillance reaches, up to a height."""

    class Kind(models.TextChoices):
        COMMUNICATION = "communication", _("Communication")
        SURVEILLANCE = "surveillance", _("Surveillance")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    technology = models.CharField(_("technology"), max_length=40, help_text=_("e.g. 5G-A, ADS-B, radar, Remote ID"))
    provider = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="lowalt_coverage", verbose_name=_("provider")
    )
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="lowalt_coverage", verbose_name=_("city")
    )
    outline = models.JSONField(_("outline"), help_text=_("[[longitude, latitude], ...]"))
    ceiling_m = models.PositiveSmallIntegerField(_("up to (m true height)"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "kind", "technology"]
        verbose_name = _("coverage area")
        verbose_name_plural = _("coverage areas")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.technology} · {self.city}"

    def access_scope(self):
        return [self.city], [self.provider]
