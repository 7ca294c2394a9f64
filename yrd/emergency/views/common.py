"""What the emergency pages share: a refused write becomes messages on the page, a number typed into
a form is read or named as wrong, and a chart travels to the page as JSON."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from yrd.core.errors import Conflict


def refusal_messages(error) -> list[str]:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return [str(m) for msgs in error.message_dict.values() for m in msgs]
        return [str(m) for m in error.messages]
    if isinstance(error, Conflict):
        return [error.message]
    return [str(error) or _("You may not do this.")]


def attempt(request, call, done: str = ""):
    """Run a write; on refusal flash each reason and return None, on success flash `done`."""
    try:
        result = call()
    except (ValidationError, Conflict, PermissionDenied) as error:
        for text in refusal_messages(error):
            messages.error(request, text)
        return None
    if done:
        messages.success(request, done)
    return result


def flash_form_errors(request, form) -> None:
    """A form posted from another page: its errors as messages there, each naming its field."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def whole_number(raw: str, label: str, *, default: int | None = None) -> int:
    """A whole number typed into a form, or ValidationError naming the field."""
    raw = (raw or "").strip()
    if not raw and default is not None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValidationError(
            _("%(field)s: “%(value)s” is not a whole number.") % {"field": label, "value": raw[:20]}
        ) from None


def optional_date(raw: str, label: str) -> date | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        parsed = parse_date(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError(
            _("%(field)s: “%(value)s” is not a date (YYYY-MM-DD).") % {"field": label, "value": raw[:20]}
        )
    return parsed
