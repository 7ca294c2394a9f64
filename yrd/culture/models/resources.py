"""The heritage inventory: resources with geometry, protection and condition over time.

A resource belongs to the city that records it (`access_scope`). Whether the public sees it is
`published`; whether the public sees its exact place is `not sensitive` (sensitive sites are shown
at a generalised point, see `geo.generalised`). `longitude`/`latitude` are the geometry's
representative point, kept beside it so map and list queries filter on two indexed numbers rather
than parse JSON, and `cell` is the 0.1° grid cell of that point (`geo.cell_of`) so that a map box is
a few index seeks; the writes set all three from the geometry, never one without the others.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual, localized


class HeritageResource(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a heritage site's name",
        "name_en": "a heritage site's name",
        "description_zh": "a description of the site",
        "description_en": "a description of the site",
        "visiting_zh": "how to visit the site",
        "visiting_en": "how to visit the site",
        "longitude": "the site's location, not a person's",
        "latitude": "the site's location, not a person's",
    }

    class Kind(models.TextChoices):
        WATER_TOWN = "water_town", _("Water town")
        HISTORIC_AREA = "historic_area", _("Historic area")
        PARK_SITE = "park_site", _("Cultural park site")
        BUILDING = "building", _("Building")
        BRIDGE = "bridge", _("Bridge")
        INTANGIBLE = "intangible", _("Intangible heritage item")

    class Protection(models.TextChoices):
        NATIONAL = "national", _("National (major historical and cultural site protected at the national level)")
        PROVINCIAL = "provincial", _("Provincial")
        MUNICIPAL = "municipal", _("Municipal or county")
        NONE = "none", _("Not listed")

    class Park(models.TextChoices):
        NONE = "", _("None")
        YANGTZE = "yangtze", _("Yangtze River National Cultural Park")
        GRAND_CANAL = "grand_canal", _("Grand Canal National Cultural Park")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="heritage_resources", verbose_name=_("city")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    visiting_zh = models.TextField(_("how to visit (Chinese)"), blank=True)
    visiting_en = models.TextField(_("how to visit (English)"), blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)
    protection = models.CharField(_("protection level"), max_length=12, choices=Protection.choices)
    listing_document = models.CharField(
        _("listing document"), max_length=200, blank=True, help_text=_("The decision that lists it, with its date")
    )
    park = models.CharField(_("national cultural park"), max_length=12, choices=Park.choices, blank=True)
    geometry = models.JSONField(_("geometry"), help_text=_("GeoJSON Point or Polygon, longitude first"))
    longitude = models.FloatField(_("longitude"))
    latitude = models.FloatField(_("latitude"))
    cell = models.IntegerField(_("map grid cell"), default=0, editable=False)
    sensitive = models.BooleanField(_("exact location withheld from the public"), default=False)
    published = models.BooleanField(_("published"), default=False)
    daily_capacity = models.PositiveIntegerField(
        _("daily carrying capacity"), null=True, blank=True, help_text=_("Visitors a day; empty: no booking")
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True, verbose_name=_("related resources"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["code"]
        # cell first: SQLite renders `published=True` as a bare column, which cannot lead an index seek
        indexes = [models.Index(fields=["cell", "longitude", "latitude", "published"], name="culture_public_map")]
        verbose_name = _("heritage resource")
        verbose_name_plural = _("heritage resources")

    def __str__(self):
        return f"{self.code} {self.name}"

    def access_scope(self):
        return [self.city], []

    @property
    def description(self):
        return localized(self, "description")

    @property
    def visiting(self):
        return localized(self, "visiting")

    @property
    def bookable(self) -> bool:
        return bool(self.daily_capacity) and self.published


class ConditionAssessment(models.Model):
    class Condition(models.TextChoices):
        GOOD = "good", _("Good")
        FAIR = "fair", _("Fair")
        POOR = "poor", _("Poor")
        CRITICAL = "critical", _("Critical")

    resource = models.ForeignKey(HeritageResource, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.CharField(_("assessor"), max_length=120)
    condition = models.CharField(_("condition"), max_length=10, choices=Condition.choices)
    threats = models.CharField(_("threats"), max_length=500, blank=True)
    actions = models.CharField(_("actions"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("condition assessment")
        verbose_name_plural = _("condition assessments")

    def __str__(self):
        return f"{self.resource_id} {self.assessed_on} {self.condition}"

    def access_scope(self):
        return self.resource.access_scope()
