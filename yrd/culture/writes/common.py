"""What the writes share: one typed input for a resource, and the checks of text lengths and choices
(SQLite does not enforce `max_length`, so every write checks it before touching the database)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.culture.inputs import ResourceInput

__all__ = ["ResourceInput", "choice_error", "refuse_if", "text_errors"]

MAX_LONG_TEXT = 20000  # a description, a dossier section's text in one language


def text_errors(model, values: dict) -> dict[str, list[str]]:
    """Length problems of `values` (field -> text) against `model`'s fields; TextFields get MAX_LONG_TEXT."""
    errors = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        limit = field.max_length or MAX_LONG_TEXT
        if value is not None and not isinstance(value, str):
            errors[name] = [_("Must be text.")]
        elif value and len(value) > limit:
            errors[name] = [
                _("At most %(limit)d characters (this one has %(length)d).") % {"limit": limit, "length": len(value)}
            ]
    return errors


def choice_error(model, name: str, value, errors: dict) -> None:
    field = model._meta.get_field(name)
    allowed = [str(key) for key, _label in field.choices]
    if value not in allowed:
        errors.setdefault(name, []).append(
            _("Unknown value %(value)s; one of: %(allowed)s.")
            % {"value": repr(value)[:40], "allowed": ", ".join(a or "''" for a in allowed)}
        )


def refuse_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
