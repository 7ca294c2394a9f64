"""Identifiers and contact fields of a reported enterprise, cleaned for comparison.

- USCC (统一社会信用代码, GB 32100): cleaned and checked with python-stdnum `cn.uscc`; a code that fails the check
  digit is kept (status `invalid`) because a typo still says something, but only a valid code links exactly.
- Phone: digits only, country code dropped, area code kept (051265123456); the last 8 digits compare a local
  number written without its area code.
- Address: normalised like names, leading province / city / district words dropped; the building is the address
  without its room (…大厦1203室 → …大厦), which firms in one building share.

Contract: every function is total and returns None for "nothing usable".
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from stdnum.cn import uscc as stdnum_uscc

from .names import normalise_text, strip_region_words


class UsccStatus(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    MISSING = "missing"


_NOT_CODE = re.compile(r"[\s\-_/.·]+")
_NOT_DIGIT = re.compile(r"\D+")
_ROOM = re.compile(r"(?:\d+[层楼F])?(?:[A-Z]?\d+(?:室|房|号房)|-\d+)$")


def clean_uscc(raw: str | None) -> tuple[str | None, UsccStatus]:
    text = _NOT_CODE.sub("", unicodedata.normalize("NFKC", raw or "")).upper()
    if not text:
        return None, UsccStatus.MISSING
    return text, UsccStatus.VALID if stdnum_uscc.is_valid(text) else UsccStatus.INVALID


def normalise_phone(raw: str | None) -> str | None:
    digits = _NOT_DIGIT.sub("", unicodedata.normalize("NFKC", raw or ""))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (10, 11, 12):
            digits = digits[len(prefix) :]
            if not digits.startswith("1"):
                digits = "0" + digits if not digits.startswith("0") else digits
            break
    if len(digits) < 7:
        return None
    return digits


def phone_tail(phone: str | None) -> str | None:
    return phone[-8:] if phone else None


def normalise_address(raw: str | None) -> str | None:
    text = strip_region_words(normalise_text(raw or ""))
    return text or None


def address_building(address: str | None) -> str | None:
    if not address:
        return None
    building = _ROOM.sub("", address)
    return building or None
