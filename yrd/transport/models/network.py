"""The freight network as data: hubs, links (with timetables), per-mode and per-hub-kind parameters and
the few network-wide settings, each default value with its published source beside it (or the words
saying it has none). Invariants live in `clean()`; the routing engine re-checks them all at once when
it builds the graph (`routing.network.Network`), so a row that slipped past a form still cannot route."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual
from yrd.transport.routing import parameters as limits
from yrd.transport.routing.departures import parse_departures
from yrd.transport.routing.parameters import HUB_KINDS


class Mode(models.TextChoices):
    ROAD = "road", _("Road")
    RAIL = "rail", _("Rail")
    RIVER = "river", _("Inland waterway")
    SEA = "sea", _("Sea")
    AIR = "air", _("Air")


class HubKind(models.TextChoices):
    SEAPORT = "seaport", _("Seaport")
    RIVER_PORT = "river_port", _("River port")
    INLAND_PORT = "inland_port", _("Inland port")
    RAIL_YARD = "rail_yard", _("Rail freight yard")
    RAIL_PORT = "rail_port_interface", _("Sea-rail interface")
    AIRPORT = "cargo_airport", _("Cargo airport")
    TERMINAL = "terminal", _("Road terminal")


assert {k.value for k in HubKind} == set(HUB_KINDS)


def _non_negative(limit):
    return [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(str(limit)))]


SOURCE_HELP = _("The published source of this value, or why there is none.")


class ModeParameter(models.Model):
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, unique=True)
    speed_kmh = models.DecimalField(
        _("speed (km/h)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(str(limits.MAX_SPEED_KMH)))],
    )
    speed_source = models.CharField(_("source of the speed"), max_length=500, help_text=SOURCE_HELP)
    cost_per_tkm = models.DecimalField(
        _("cost (CNY per tonne-km)"), max_digits=10, decimal_places=4, validators=_non_negative(limits.MAX_COST_PER_TKM)
    )
    cost_source = models.CharField(_("source of the cost"), max_length=500, help_text=SOURCE_HELP)
    co2_kg_per_tkm = models.DecimalField(
        _("CO2e (kg per tonne-km)"),
        max_digits=9,
        decimal_places=5,
        validators=_non_negative(limits.MAX_CO2_KG_PER_TKM),
    )
    co2_source = models.CharField(_("source of the CO2 factor"), max_length=500, help_text=SOURCE_HELP)
    carries_dangerous_goods = models.BooleanField(_("carries dangerous goods"), default=True)
    max_tonnes = models.DecimalField(
        _("largest consignment (t)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal(str(limits.MAX_TONNES)))],
        help_text=_("Empty: no limit."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["mode"]
        verbose_name = _("mode parameters")
        verbose_name_plural = _("mode parameters")

    def __str__(self):
        return self.get_mode_display()


class HubKindParameter(models.Model):
    kind = models.CharField(_("hub kind"), max_length=24, choices=HubKind.choices, unique=True)
    transfer_hours = models.DecimalField(
        _("transfer time (h)"), max_digits=7, decimal_places=2, validators=_non_negative(limits.MAX_TRANSFER_HOURS)
    )
    hours_source = models.CharField(_("source of the transfer time"), max_length=500, help_text=SOURCE_HELP)
    transfer_cost_per_tonne = models.DecimalField(
        _("handling cost (CNY per tonne)"),
        max_digits=10,
        decimal_places=2,
        validators=_non_negative(limits.MAX_TRANSFER_COST_PER_TONNE),
    )
    cost_source = models.CharField(_("source of the handling cost"), max_length=500, help_text=SOURCE_HELP)
    handles_dangerous_goods = models.BooleanField(_("handles dangerous goods"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("hub kind parameters")
        verbose_name_plural = _("hub kind parameters")

    def __str__(self):
        return self.get_kind_display()


class NetworkSetting(models.Model):
    """The one row of network-wide settings (pk 1)."""

    road_circuity = models.DecimalField(
        _("road circuity"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(5))],
        help_text=_("Road kilometres per straight-line kilometre, for access legs."),
    )
    road_circuity_source = models.CharField(_("source of the circuity"), max_length=500, help_text=SOURCE_HELP)
    access_radius_km = models.DecimalField(
        _("access radius (km)"), max_digits=6, decimal_places=1, validators=_non_negative(1000)
    )
    tonnes_per_teu = models.DecimalField(
        _("tonnes per TEU"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal(40))],
    )
    tonnes_per_teu_source = models.CharField(_("source of tonnes per TEU"), max_length=500, help_text=SOURCE_HELP)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("network settings")
        verbose_name_plural = _("network settings")

    def __str__(self):
        return str(_("Network settings"))

    def clean(self):
        if self.pk not in (None, 1):
            raise ValidationError(_("There is one row of network settings."))
        self.pk = 1


def _city_only(city, field, errors):
    if city is not None and city.level != "city":
        errors[field] = _("Choose a city (prefecture level), not a province or the region.")


class Hub(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a hub's name",
        "name_en": "a hub's name",
        "latitude": "a hub's site",
        "longitude": "a hub's site",
        "notes": "notes on a hub's published figures",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True, allow_unicode=False)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="transport_hubs", verbose_name=_("city")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=HubKind.choices)
    modes = models.JSONField(_("line-haul modes"), default=list, blank=True, help_text=_("Road access is implied."))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    coord_source = models.CharField(_("source of the coordinates"), max_length=300, blank=True)
    dangerous_goods = models.BooleanField(
        _("handles dangerous goods"), null=True, blank=True, help_text=_("Empty: as its kind says.")
    )
    throughput_value = models.DecimalField(_("throughput"), max_digits=14, decimal_places=3, null=True, blank=True)
    throughput_unit = models.CharField(_("throughput unit"), max_length=80, blank=True)
    throughput_year = models.CharField(_("throughput year"), max_length=20, blank=True)
    throughput_source = models.CharField(_("source of the throughput"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    is_active = models.BooleanField(_("in service"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["city__path", "code"]
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")

    def __str__(self):
        return f"{self.code} {self.name}"

    def access_scope(self):
        return [self.city], []

    def clean(self):
        errors = {}
        _city_only(self.city if self.city_id else None, "city", errors)
        if not isinstance(self.modes, list) or any(m not in Mode.values or m == Mode.ROAD for m in self.modes):
            errors["modes"] = _("List line-haul modes among rail, river, sea and air (road access is implied).")
        located = (self.latitude is None, self.longitude is None)
        if located[0] != located[1]:
            errors["latitude"] = _("Give both latitude and longitude, or neither.")
        elif self.latitude is not None and not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            errors["latitude"] = _("Latitude must lie in [-90, 90] and longitude in [-180, 180].")
        if errors:
            raise ValidationError(errors)


class Link(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a route's name",
        "name_en": "a route's name",
    }

    code = models.SlugField(_("code"), max_length=80, unique=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    from_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("from city")
    )
    to_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("to city")
    )
    distance_km = models.DecimalField(
        _("distance (km)"),
        max_digits=8,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal(5000))],
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    distance_method = models.CharField(_("how the distance was found"), max_length=200, blank=True)
    distance_source = models.CharField(_("source of the distance"), max_length=200, blank=True)
    derived = models.BooleanField(_("derived"), default=False, help_text=_("Laid by a rule, not from a source."))
    departures = models.CharField(
        _("timetable"),
        max_length=500,
        blank=True,
        help_text=_("E.g. “daily 08:00 20:00; sat 10:30” or “mon-fri 06:15”. Empty: leaves when loaded."),
    )
    is_active = models.BooleanField(_("in service"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["mode", "code"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return f"{self.code} {self.name}"

    def access_scope(self):
        return [self.from_city, self.to_city], []

    def clean(self):
        errors = {}
        _city_only(self.from_city if self.from_city_id else None, "from_city", errors)
        _city_only(self.to_city if self.to_city_id else None, "to_city", errors)
        if self.from_city_id and self.from_city_id == self.to_city_id:
            errors["to_city"] = _("A link joins two different cities.")
        try:
            parse_departures(self.departures)
        except ValueError as error:
            errors["departures"] = str(error)
        if errors:
            raise ValidationError(errors)
