"""What the innovation writes share: text checks before the database (SQLite does not enforce
lengths), readable numbers, and the audit call."""

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.audit import audit_record

Errors = dict[str, list[str]]


def check_text(errors: Errors, field: str, value, limit: int, *, required: bool = True) -> str:
    """The stripped text; records a message under `field` when it is missing or too long."""
    if not isinstance(value, str):
        errors.setdefault(field, []).append(_("Enter text."))
        return ""
    text = value.strip()
    if required and not text:
        errors.setdefault(field, []).append(_("This field is required."))
    elif len(text) > limit:
        errors.setdefault(field, []).append(
            _("At most %(limit)d characters (this has %(n)d).") % {"limit": limit, "n": len(text)}
        )
    return text


def check_amount(errors: Errors, field: str, value, *, maximum: Decimal = Decimal("1e10")) -> Decimal:
    """A positive amount of CNY with at most two decimals."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        errors.setdefault(field, []).append(_("Enter an amount in CNY."))
        return Decimal(0)
    if not amount.is_finite() or amount <= 0:
        errors.setdefault(field, []).append(_("The amount must be more than 0."))
    elif amount >= maximum:
        errors.setdefault(field, []).append(_("The amount must be less than %s CNY.") % f"{maximum:,.0f}")
    elif amount != amount.quantize(Decimal("0.01")):
        errors.setdefault(field, []).append(_("At most two decimals (fen)."))
    return amount


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def set_number(obj, prefix: str) -> None:
    obj.number = f"{prefix}-{obj.pk:06d}"
    obj.save(update_fields=["number"])


def audit(acting_user, event: str, obj, jurisdiction: str = "", **data) -> None:
    audit_record(actor=acting_user, action=event, obj=obj, jurisdiction=jurisdiction, data=data)


def aware(moment):
    """A time without a zone (from a form or a client that sent none) is read in the platform's zone."""
    if isinstance(moment, datetime) and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment
