"""Resident ID numbers (GB 11643): format, birth date and check character only.

The birth-place district code is not checked: python-stdnum's table of district codes is
incomplete and rejects real people (e.g. Pudong 310115, Wuzhong 320505)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn.ric import calc_check_digit


def _refuse(message, value):
    raise ValidationError(message, params={"value": value}, code="invalid_resident_id")


def _birth_date(number):
    try:
        return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def clean_resident_id(value):
    """Return the 18-character resident ID number (upper-case X) or raise a ValidationError."""
    number = (value or "").strip().replace(" ", "").upper()
    if not number:
        raise ValidationError(_("Enter the resident ID number."), code="required")
    if len(number) != 18:
        _refuse(_("%(value)s is not a valid resident ID number: it must have 18 characters."), value)
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        _refuse(
            _("%(value)s is not a valid resident ID number: it must be 17 digits followed by a digit or X."),
            value,
        )
    born = _birth_date(number)
    if born is None or born > timezone.localdate():
        _refuse(_("%(value)s is not a valid resident ID number: the birth date is wrong."), value)
    if calc_check_digit(number) != number[17]:
        _refuse(_("%(value)s is not a valid resident ID number: the check character is wrong."), value)
    return number
