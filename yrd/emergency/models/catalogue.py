"""The alliance's item catalogue: what is stocked, in which unit, how long it keeps, and (for drills)
how much of it a displaced person needs, where a published standard says so."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class Category(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    WATER = "water", _("Water")
    FOOD = "food", _("Food")
    MEDICAL = "medical", _("Medical")
    POWER = "power", _("Power")
    PUMPS = "pumps", _("Pumps")
    RESCUE = "rescue", _("Rescue")


class Unit(models.TextChoices):
    PIECE = "piece", _("piece")
    SET = "set", _("set")
    BOX = "box", _("box")
    PACK = "pack", _("pack")
    BOTTLE = "bottle", _("bottle")
    LITRE = "litre", _("litre")
    KILOGRAM = "kg", _("kg")


class Item(Bilingual, models.Model):
    class Kind(models.TextChoices):
        CONSUMABLE = "consumable", _("Consumable")
        EQUIPMENT = "equipment", _("Equipment")

    not_personal = {
        "name_zh": "a supply item's name",
        "name_en": "a supply item's name",
    }

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9][a-z0-9-]*$", _("Lower-case letters, digits and hyphens."))],
    )
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    expires = models.BooleanField(
        _("expires"), default=False, help_text=_("Every lot of an item that expires carries its expiry date.")
    )
    shelf_life_days = models.PositiveIntegerField(
        _("typical shelf life (days)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    core = models.BooleanField(
        _("core supply"),
        default=False,
        help_text=_("Counts for the readiness figure (cities reachable with core supplies)."),
    )
    unit_volume_litres = models.DecimalField(
        _("volume per unit (litres)"),
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For warehouse capacity; empty when not known."),
    )
    unit_weight_kg = models.DecimalField(
        _("weight per unit (kg)"),
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Gives a load's weight when transport is booked; empty when not known."),
    )
    per_person_per_day = models.DecimalField(
        _("need per person per day"),
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Consumables: units a displaced person needs each day, from a published standard."),
    )
    persons_per_unit = models.DecimalField(
        _("persons served per unit"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.01)],
        help_text=_("Equipment: how many displaced people one unit serves, from a published standard."),
    )
    norm_source = models.CharField(_("source of the need"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["category", "code"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind == self.Kind.EQUIPMENT and self.expires:
            errors["expires"] = _("Equipment does not expire.")
        if self.shelf_life_days is not None and not self.expires:
            errors["shelf_life_days"] = _("Only an item that expires has a shelf life.")
        if self.per_person_per_day is not None and self.persons_per_unit is not None:
            errors["persons_per_unit"] = _("Give the need per person per day or the persons per unit, not both.")
        if (self.per_person_per_day is not None or self.persons_per_unit is not None) and not self.norm_source.strip():
            errors["norm_source"] = _("Name the published standard the need comes from.")
        if errors:
            raise ValidationError(errors)
