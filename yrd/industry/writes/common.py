"""Checks every write of the module shares: text lengths before the database sees them (SQLite does
not enforce them), and one ValidationError naming each field."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class Problems(dict):
    """field -> [messages]; `raise_if_any` at the end of a write's checks."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))

    def text(self, field: str, value, limit: int, *, required: bool = False) -> None:
        if not isinstance(value, str):
            self.add(field, _("Expected text."))
        elif required and not value.strip():
            self.add(field, _("Required."))
        elif len(value) > limit:
            self.add(
                field, _("At most %(limit)s characters (this has %(length)s).") % {"limit": limit, "length": len(value)}
            )

    def number(self, field: str, value, *, minimum=None, maximum=None, strict_minimum=False) -> None:
        if not isinstance(value, int | float | Decimal) or isinstance(value, bool):
            self.add(field, _("Expected a number."))
            return
        if strict_minimum and minimum is not None and value <= minimum:
            self.add(field, _("Must be more than %(minimum)s.") % {"minimum": minimum})
        elif minimum is not None and value < minimum:
            self.add(
                field,
                _("Cannot be negative.") if minimum == 0 else _("Must be at least %(minimum)s.") % {"minimum": minimum},
            )
        if maximum is not None and value > maximum:
            self.add(field, _("Must be at most %(maximum)s.") % {"maximum": maximum})

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))
