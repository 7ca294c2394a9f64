"""Parks and factories, their certifications and their targets.

A site belongs to an organisation (its USCC is the organisation's) and lies in one of the 41 cities;
a factory may be a member of a park. Who may act on a site follows two sides (`report_scope`,
`oversight_scope`): the site's own people report for it; the park it belongs to and the city
oversee it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.translation import Bilingual
from yrd.green.accounting import METRICS


class Site(Bilingual, models.Model):
    class Kind(models.TextChoices):
        PARK = "park", _("Industrial park")
        FACTORY = "factory", _("Factory")

    not_personal = {
        "name_zh": "a park's or factory's name",
        "name_en": "a park's or factory's name",
    }

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="green_sites", verbose_name=_("organisation")
    )
    park = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="members", verbose_name=_("park")
    )
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="green_sites", verbose_name=_("city")
    )
    sector = models.CharField(_("sector"), max_length=80, blank=True)
    output_unit = models.CharField(_("unit of output"), max_length=40, blank=True, help_text=_("e.g. t of steel"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "kind", "name_zh"]
        verbose_name = _("park or factory")
        verbose_name_plural = _("parks and factories")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.city_id and self.city.level != "city":
            errors["city"] = _("Choose one of the 41 cities.")
        if self.park_id:
            if self.kind != self.Kind.FACTORY:
                errors["park"] = _("Only a factory belongs to a park.")
            elif self.park.kind != self.Kind.PARK:
                errors["park"] = _("A factory's park must be a park.")
            elif self.city_id and self.park.city_id != self.city_id:
                errors["park"] = _("The park lies in another city.")
        if self.organisation_id and not self.organisation.uscc:
            errors["organisation"] = _("The organisation needs a Unified Social Credit Code.")
        if errors:
            raise ValidationError(errors)

    @property
    def province_code(self) -> str:
        return self.city.parent.code if self.city.parent_id else self.city.code

    def access_scope(self):
        return oversight_scope(self).access_scope()

    def current_certifications(self, on=None):
        on = on or timezone.localdate()
        return [
            c for c in self.certifications.all() if c.issued_on <= on and (c.expires_on is None or c.expires_on >= on)
        ]


def report_scope(site: Site) -> Scope:
    """The site's own people: its organisation, within its city."""
    return Scope((site.city,), (site.organisation,))


def review_scope(site: Site) -> Scope:
    """Who reviews the site's data: officials of its city (or province, or the region) and, for a
    factory in a park, the park's people. Never the site's own organisation: nobody reviews their own."""
    return Scope((site.city,), (site.park.organisation,) if site.park_id else ())


def oversight_scope(site: Site) -> Scope:
    """Everyone who may read the site's data: its own people and its reviewers."""
    organisations = (site.organisation,) + ((site.park.organisation,) if site.park_id else ())
    return Scope((site.city,), organisations)


class Certification(models.Model):
    class Kind(models.TextChoices):
        GREEN_FACTORY = "green_factory", _("Green factory")
        GREEN_PARK = "green_park", _("Green industrial park")
        LOW_CARBON_PARK = "low_carbon_park", _("Low-carbon park")
        ZERO_CARBON_PARK = "zero_carbon_park", _("Zero-carbon park")

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCIAL = "provincial", _("Provincial")
        MUNICIPAL = "municipal", _("Municipal")

    not_personal = {
        "issuing_body": "an organisation's name",
    }

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="certifications", verbose_name=_("site"))
    kind = models.CharField(_("certification"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    issuing_body = models.CharField(_("issuing body"), max_length=120)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_level_display()})"

    def clean(self):
        errors = {}
        if self.expires_on and self.issued_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = _("The expiry date must come after the date of issue.")
        if self.site_id:
            factory_only = self.kind == self.Kind.GREEN_FACTORY
            if factory_only != (self.site.kind == Site.Kind.FACTORY):
                errors["kind"] = _("A green-factory certificate is for factories; the others are for parks.")
        if errors:
            raise ValidationError(errors)

    def access_scope(self):
        return self.site.access_scope()


class Target(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="targets", verbose_name=_("site"))
    metric = models.CharField(_("metric"), max_length=40, choices=[(m, m) for m in METRICS])
    base_year = models.PositiveSmallIntegerField(_("base year"))
    base_value = models.DecimalField(_("base value"), max_digits=20, decimal_places=6)
    target_year = models.PositiveSmallIntegerField(_("target year"))
    target_value = models.DecimalField(_("target value"), max_digits=20, decimal_places=6)

    class Meta:
        ordering = ["metric", "target_year"]
        constraints = [models.UniqueConstraint(fields=["site", "metric", "target_year"], name="green_target_unique")]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return f"{self.metric}: {self.base_value} ({self.base_year}) → {self.target_value} ({self.target_year})"

    def clean(self):
        errors = {}
        if self.base_year and self.target_year and self.target_year <= self.base_year:
            errors["target_year"] = _("The target year must come after the base year.")
        for name in ("base_value", "target_value"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("Cannot be negative.")
            if self.metric == "renewable_share" and value is not None and value > 1:
                errors[name] = _("A share is between 0 and 1.")
        if errors:
            raise ValidationError(errors)

    def access_scope(self):
        return self.site.access_scope()
