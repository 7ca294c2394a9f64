"""The unified market-access negative list of the region, with region-specific measures (e.g. eased access in
Pudong New Area), each with its legal basis."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessMeasure(models.Model):
    class Kind(models.TextChoices):
        PROHIBITED = "prohibited", _("prohibited")
        LICENCE = "licence", _("permitted with a licence")
        EASED = "eased", _("eased access (region-specific)")

    code = models.CharField(_("entry code"), max_length=20, unique=True)
    activity_code = models.CharField(_("activity code"), max_length=20, db_index=True)
    activity_zh = models.CharField(_("activity (Chinese)"), max_length=200)
    activity_en = models.CharField(_("activity (English)"), max_length=200, blank=True)
    kind = models.CharField(_("measure"), max_length=12, choices=Kind.choices)
    authority = models.CharField(_("licensing authority"), max_length=200, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    enterprise_types = models.CharField(
        _("enterprise types"), max_length=100, blank=True, help_text=_("comma-separated; empty: every type")
    )
    area_adcode = models.CharField(_("area (adcode)"), max_length=6, blank=True, help_text=_("empty: the whole region"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["activity_code", "area_adcode", "code"]
        verbose_name = _("market-access measure")
        verbose_name_plural = _("market-access measures")

    def __str__(self):
        return f"{self.code} {self.activity_zh}"
