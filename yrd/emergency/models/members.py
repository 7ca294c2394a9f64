"""Alliance members (the governments and operators who signed up) and their warehouses."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual, localized


class Member(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government (emergency management)")
        OPERATOR = "operator", _("Reserve operator")
        ENTERPRISE = "enterprise", _("Enterprise")
        SOCIAL = "social", _("Social organisation")

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.PROTECT, related_name="emergency_member", verbose_name=_("organisation")
    )
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("jurisdiction")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    joined_on = models.DateField(_("joined on"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["jurisdiction__path", "organisation__name_zh"]
        verbose_name = _("alliance member")
        verbose_name_plural = _("alliance members")

    def __str__(self):
        return str(self.organisation)

    @property
    def name(self):
        return self.organisation.name

    def access_scope(self):
        return [self.jurisdiction], [self.organisation]


class Warehouse(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a warehouse's name",
        "name_en": "a warehouse's name",
        "address": "an alliance member's warehouse address",
        "latitude": "a warehouse's site",
        "longitude": "a warehouse's site",
    }

    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z][A-Z0-9]{1,4}(-[A-Z0-9]{1,6})?$", _("Capital letters and digits, e.g. SH-PD01 or ZJNB1.")
            )
        ],
        help_text=_("Starts every transaction number of the warehouse, e.g. SH-PD01-000123."),
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="warehouses", verbose_name=_("operator"))
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    address = models.CharField(_("address"), max_length=200)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    capacity_m3 = models.PositiveIntegerField(_("capacity (m³)"), validators=[MinValueValidator(1)])
    next_sequence = models.PositiveIntegerField(_("next transaction number"), default=1, editable=False)
    active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")

    def __str__(self):
        return f"{self.code} {localized(self, 'name')}"

    @property
    def place(self) -> tuple[float, float]:
        return float(self.latitude), float(self.longitude)

    def access_scope(self):
        return [self.city], [self.member.organisation]

    def clean(self):
        if self.city_id and self.city.level != "city":
            raise ValidationError({"city": _("A warehouse lies in a city.")})
