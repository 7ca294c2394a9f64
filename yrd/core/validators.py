"""Validators for the identifiers the platform relies on."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as StdnumError

YRD_PROVINCES = {"31": "310000", "32": "320000", "33": "330000", "34": "340000"}


def validate_adcode(value):
    """A GB/T 2260 province or prefecture code of the Yangtze River Delta (e.g. 320500)."""
    if not isinstance(value, str) or len(value) != 6 or not value.isdigit():
        raise ValidationError(_("An adcode is six digits, got %(value)r."), params={"value": value})
    if value[:2] not in YRD_PROVINCES:
        raise ValidationError(_("%(value)s is not in Shanghai, Jiangsu, Zhejiang or Anhui."), params={"value": value})
    if value[4:] != "00" or value[2:4] == "00" and value != YRD_PROVINCES[value[:2]]:
        raise ValidationError(_("%(value)s is not a province or prefecture-level code."), params={"value": value})


def clean_uscc(value):
    """Return the compact Unified Social Credit Code (GB 32100) or raise a ValidationError."""
    try:
        return uscc.validate(value)
    except StdnumError as error:
        raise ValidationError(
            _("%(value)s is not a valid Unified Social Credit Code: %(reason)s"),
            params={"value": value, "reason": error.message},
        ) from None
