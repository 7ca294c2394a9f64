"""The factor catalogue (each factor with its publication) and what sites report per period.

A reporting period is a site's year, or one month of it. Its activity records are the figures the
site's people enter; reviewing the period stores the exact factor set and the results it was
computed with (`factor_set`, `result`), so a factor added later never changes a reviewed year.
Data of a submitted or reviewed period cannot be edited: a reviewer returns it first."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.green.accounting import UNITS, Kind
from yrd.green.accounting.factors import parse_unit

from .sites import Site


class FactorPublication(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    issuer = models.CharField(_("issuer"), max_length=200)
    number = models.CharField(_("document number"), max_length=120, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    published = models.CharField(_("published"), max_length=10, help_text=_("YYYY-MM-DD or YYYY"))
    url = models.URLField(_("official address"), max_length=300, blank=True)
    read_via = models.CharField(_("read via"), max_length=500, blank=True)

    class Meta:
        ordering = ["-published"]
        verbose_name = _("factor publication")
        verbose_name_plural = _("factor publications")

    def __str__(self):
        return f"{self.issuer}, {self.title_zh} ({self.published})"


class EmissionFactor(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    quantity = models.CharField(_("quantity"), max_length=80)
    region = models.CharField(_("region"), max_length=20, help_text=_("province adcode, east_china or national"))
    data_year = models.PositiveSmallIntegerField(_("data year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=6)
    unit = models.CharField(_("unit"), max_length=30)
    publication = models.ForeignKey(
        FactorPublication, on_delete=models.PROTECT, related_name="factors", verbose_name=_("publication")
    )
    table = models.CharField(_("table or clause"), max_length=200)

    class Meta:
        ordering = ["quantity", "region", "-data_year"]
        constraints = [
            models.UniqueConstraint(fields=["quantity", "region", "data_year"], name="green_factor_one_per_year")
        ]
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")

    def __str__(self):
        return f"{self.quantity} {self.region} {self.data_year}: {self.value} {self.unit}"

    def clean(self):
        errors = {}
        try:
            parse_unit(self.unit)
        except ValueError:
            errors["unit"] = _("Unknown unit; write it as numerator/denominator, e.g. tCO2/MWh.")
        if self.value is not None and self.value <= 0:
            errors["value"] = _("A factor is a positive number.")
        if errors:
            raise ValidationError(errors)


class ReportingPeriod(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        REVIEWED = "reviewed", _("Reviewed")
        RETURNED = "returned", _("Returned for correction")

    not_personal = {
        "review_note": "a reviewer's note on an organisation's emissions account",
    }

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="periods", verbose_name=_("site"))
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    output_quantity = models.DecimalField(_("output"), max_digits=20, decimal_places=4, null=True, blank=True)
    value_added = models.DecimalField(
        _("value added (10^4 CNY)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=500, blank=True)
    factor_set = models.JSONField(_("factors used"), null=True, blank=True, editable=False)
    result = models.JSONField(_("result"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["site", "-year", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "year"], condition=models.Q(month__isnull=True), name="green_period_one_year"
            ),
            models.UniqueConstraint(
                fields=["site", "year", "month"], condition=models.Q(month__isnull=False), name="green_period_one_month"
            ),
        ]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")

    def __str__(self):
        return f"{self.site} {self.label}"

    @property
    def label(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    def clean(self):
        errors = {}
        if not 1990 <= (self.year or 0) <= 2100:
            errors["year"] = _("A year between 1990 and 2100.")
        if self.month is not None and not 1 <= self.month <= 12:
            errors["month"] = _("A month from 1 to 12.")
        for name in ("output_quantity", "value_added"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("Cannot be negative.")
        if errors:
            raise ValidationError(errors)

    def access_scope(self):
        return self.site.access_scope()


class ActivityRecord(models.Model):
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="activities", verbose_name=_("period")
    )
    kind = models.CharField(_("kind"), max_length=40, choices=[(k.value, k.value) for k in Kind])
    quantity = models.DecimalField(_("quantity"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=20, choices=[(u, u) for u in UNITS])
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["period", "kind"], name="green_activity_one_per_kind")]
        verbose_name = _("activity record")
        verbose_name_plural = _("activity records")

    def __str__(self):
        return f"{self.kind}: {self.quantity} {self.unit}"

    def access_scope(self):
        return self.period.access_scope()
