"""Data centres of the region and their monthly PUE; the two national hub clusters of the plan
(the Integrated Demonstration Zone cluster and the Wuhu cluster) are marked."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class DataCentre(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a data centre's name",
        "name_en": "a data centre's name",
    }

    class Cluster(models.TextChoices):
        DEMO_ZONE = "demo_zone", _("Integrated Demonstration Zone cluster")
        WUHU = "wuhu", _("Wuhu cluster")
        OTHER = "other", _("Elsewhere in the region")

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    cluster = models.CharField(_("cluster"), max_length=12, choices=Cluster.choices)
    racks = models.PositiveIntegerField(_("racks"))
    it_power_mw = models.DecimalField(_("IT power (MW)"), max_digits=9, decimal_places=2)
    utilisation = models.DecimalField(_("utilisation (0-1)"), max_digits=4, decimal_places=3)
    green_share = models.DecimalField(_("share of green power (0-1)"), max_digits=4, decimal_places=3)
    electricity_price = models.DecimalField(_("electricity price (CNY/kWh)"), max_digits=6, decimal_places=4)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["cluster", "name_zh"]
        # A centre is known by its city and Chinese name (imports and the API update by them); two
        # requests at once must not create it twice.
        constraints = [models.UniqueConstraint(fields=["city", "name_zh"], name="industry_datacentre_one_per_name")]
        verbose_name = _("data centre")
        verbose_name_plural = _("data centres")

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.city], []


class PueReading(models.Model):
    data_centre = models.ForeignKey(DataCentre, on_delete=models.CASCADE, related_name="pue_readings")
    month = models.DateField(_("month (first day)"))
    pue = models.DecimalField(_("PUE"), max_digits=4, decimal_places=3)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["data_centre_id", "month"]
        constraints = [models.UniqueConstraint(fields=["data_centre", "month"], name="industry_pue_unique")]

    def __str__(self):
        return f"{self.data_centre_id} {self.month:%Y-%m}: {self.pue}"
