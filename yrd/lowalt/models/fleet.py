"""Operators' aircraft. An operator is a core Organisation (kind "operator", with its USCC)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.lowalt.conflicts import AircraftClass

# The largest weights each class allows (Article 62 of the 2024 interim regulations); None: no limit.
CLASS_LIMITS = {
    AircraftClass.MICRO: (0.25, None),
    AircraftClass.LIGHT: (4, 7),
    AircraftClass.SMALL: (15, 25),
    AircraftClass.MEDIUM: (None, 150),
    AircraftClass.LARGE: (None, None),
}
REGISTRATION = re.compile(r"^[A-Z0-9][A-Z0-9-]{5,39}$")


class Aircraft(models.Model):
    class Class(models.TextChoices):
        MICRO = AircraftClass.MICRO, _("Micro")
        LIGHT = AircraftClass.LIGHT, _("Light")
        SMALL = AircraftClass.SMALL, _("Small")
        MEDIUM = AircraftClass.MEDIUM, _("Medium")
        LARGE = AircraftClass.LARGE, _("Large")

    not_personal = {
        "model_name": "an aircraft type",
    }

    operator = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="lowalt_aircraft", verbose_name=_("operator")
    )
    registration = models.CharField(
        _("registration number"),
        max_length=40,
        unique=True,
        help_text=_("The real-name registration number of the unmanned aircraft"),
    )
    model_name = models.CharField(_("model"), max_length=100)
    aircraft_class = models.CharField(_("class"), max_length=10, choices=Class.choices)
    empty_weight_kg = models.DecimalField(
        _("empty weight (kg)"), max_digits=7, decimal_places=3, validators=[MinValueValidator(0)]
    )
    max_takeoff_weight_kg = models.DecimalField(
        _("maximum take-off weight (kg)"), max_digits=7, decimal_places=3, validators=[MinValueValidator(0)]
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["operator__name_zh", "registration"]
        verbose_name = _("aircraft")
        verbose_name_plural = _("aircraft")

    def __str__(self):
        return f"{self.registration} ({self.model_name})"

    def clean(self):
        errors = {}
        if self.registration:
            self.registration = self.registration.strip().upper()
            if not REGISTRATION.match(self.registration):
                errors["registration"] = _("6 to 40 capital letters, digits and hyphens.")
        if self.empty_weight_kg is not None and self.max_takeoff_weight_kg is not None:
            if self.empty_weight_kg > self.max_takeoff_weight_kg:
                errors["empty_weight_kg"] = _("The empty weight cannot exceed the maximum take-off weight.")
            elif self.aircraft_class in CLASS_LIMITS and (message := self.class_too_light()):
                errors["aircraft_class"] = message
        if errors:
            raise ValidationError(errors)

    def class_too_light(self):
        """Why the declared class cannot hold an aircraft this heavy (a heavier class always can: an aircraft
        without the capabilities a class requires belongs to a heavier one)."""
        empty_limit, takeoff_limit = CLASS_LIMITS[AircraftClass(self.aircraft_class)]
        if self.aircraft_class == AircraftClass.MICRO and self.empty_weight_kg >= empty_limit:
            return _("A micro aircraft weighs less than 0.25 kg empty.")
        if (
            empty_limit is not None
            and self.aircraft_class != AircraftClass.MICRO
            and self.empty_weight_kg > empty_limit
        ):
            return _("A %(class)s aircraft weighs at most %(limit)s kg empty.") % {
                "class": self.get_aircraft_class_display(),
                "limit": empty_limit,
            }
        if takeoff_limit is not None and self.max_takeoff_weight_kg > takeoff_limit:
            return _("A %(class)s aircraft takes off at %(limit)s kg at most.") % {
                "class": self.get_aircraft_class_display(),
                "limit": takeoff_limit,
            }
        return ""

    def access_scope(self):
        return [self.operator.jurisdiction], [self.operator]
