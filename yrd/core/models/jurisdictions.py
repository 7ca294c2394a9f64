from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual
from yrd.core.validators import validate_adcode


class Jurisdiction(Bilingual, models.Model):
    """The region, a province or a prefecture-level city.

    Shanghai is both a province-level unit and one of the 41 cities; it appears once at each level
    under the same adcode, the city inside the province.
    """

    class Level(models.TextChoices):
        REGION = "region", _("Region")
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")

    REGION_CODE = "YRD"

    not_personal = {
        "name_zh": "a place's name",
        "name_en": "a place's name",
        "latitude": "a city's seat",
        "longitude": "a city's seat",
    }

    code = models.CharField(_("code"), max_length=6, help_text=_("GB/T 2260 adcode; YRD for the region"))
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    path = models.CharField(_("path"), max_length=40, unique=True, editable=False, db_index=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=60)
    latitude = models.DecimalField(_("latitude"), max_digits=7, decimal_places=4, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=7, decimal_places=4, null=True, blank=True)
    population_million = models.DecimalField(
        _("population (million)"), max_digits=8, decimal_places=4, null=True, blank=True
    )
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    gdp_billion_cny = models.DecimalField(
        _("GDP (billion CNY)"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    gdp_year = models.PositiveSmallIntegerField(_("GDP year"), null=True, blank=True)
    sources = models.CharField(_("sources"), max_length=200, blank=True)

    class Meta:
        ordering = ["path"]
        constraints = [models.UniqueConstraint(fields=["level", "code"], name="jurisdiction_level_code")]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self):
        return self.name

    def clean(self):
        if self.level != self.Level.REGION:
            validate_adcode(self.code)

    def contains(self, other):
        return other.path == self.path or other.path.startswith(self.path + "/")

    @property
    def province(self):
        return self if self.level != self.Level.CITY else self.parent
