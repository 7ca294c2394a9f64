"""The six metropolitan areas of plan area 8, their member cities, industry statistics per city
(by industry, with source and year) and cooperation projects between member cities."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class MetroArea(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a metropolitan area's name",
        "name_en": "a metropolitan area's name",
    }

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=60)
    cities = models.ManyToManyField("core.Jurisdiction", related_name="+", verbose_name=_("member cities"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("metropolitan area")
        verbose_name_plural = _("metropolitan areas")

    def __str__(self):
        return self.name


class IndustryIndicator(models.Model):
    """One city's figure for one industry in one year (e.g. value added, 10^8 CNY)."""

    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+")
    industry = models.CharField(_("industry"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20)
    source = models.CharField(_("source"), max_length=200)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["year", "city__path", "industry"]
        constraints = [models.UniqueConstraint(fields=["city", "industry", "year"], name="industry_indicator_unique")]

    def __str__(self):
        return f"{self.city_id} {self.industry} {self.year}"


class CooperationProject(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a project between cities",
        "name_en": "a project between cities",
    }

    metro_area = models.ForeignKey(MetroArea, on_delete=models.CASCADE, related_name="projects")
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    cities = models.ManyToManyField("core.Jurisdiction", related_name="+")
    plan_task = models.CharField(_("plan task code"), max_length=10, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["metro_area", "name_zh"]

    def __str__(self):
        return self.name
