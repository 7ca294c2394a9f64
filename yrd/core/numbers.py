"""Figures as their readers expect them, written once for pages, charts and PDFs.

Chinese readers count large figures in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²): 2684500 reads 268.45万,
120000000 reads 1.2亿; below 一万 the digits stand as they are (9999). English readers get grouped
digits: 2,684,500. Fractions keep at most `places` decimals and no trailing zeros.

    format_number(2684500, "zh-hans")  -> "268.45万"
    format_number(2684500, "en")       -> "2,684,500"

Templates: `{% load numbers %}{{ value|number }}`, `{{ value|quantity:unit }}` (in the active
language).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from django.utils.translation import get_language

# (size, unit), smallest first: the units Chinese statistics write.
CHINESE_UNITS = ((Decimal(1), ""), (Decimal(10) ** 4, "万"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 12, "万亿"))


def _decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _rounded(number: Decimal, places: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(number: Decimal, *, grouped: bool) -> str:
    """Digits with no exponent and no trailing zeros after the point; no minus sign on zero."""
    text = f"{number:,f}" if grouped else f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def is_chinese(language: str | None) -> bool:
    return (language or "").lower().startswith("zh")


def format_number(value, language: str | None = None, *, places: int = 2) -> str:
    """`value` (int, float, Decimal or numeric text) for a reader of `language` (the active
    language when None); an empty string for None or anything that is not a finite number."""
    number = _decimal(value)
    if number is None:
        return ""
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + places + 8)  # every digit of any figure survives
        if not is_chinese(language if language is not None else get_language()):
            return _plain(_rounded(number, places), grouped=True)
        return _chinese(number, places)


def _chinese(number: Decimal, places: int) -> str:
    index = max(i for i, (size, _unit) in enumerate(CHINESE_UNITS) if i == 0 or abs(number) >= size)
    while True:
        size, unit = CHINESE_UNITS[index]
        scaled = _rounded(number / size, places)
        if abs(scaled) >= 10**4 and index + 1 < len(CHINESE_UNITS):
            index += 1  # 9999.999万 rounds to 10000万: one unit up it is 1亿
            continue
        return _plain(scaled, grouped=index == len(CHINESE_UNITS) - 1) + unit


def format_quantity(value, unit: str = "", language: str | None = None, *, places: int = 2) -> str:
    """A figure with its unit as the reader writes it: 268.45万元 and 45% in Chinese, 2,684,500 yuan
    and 45% in English (a space before a word, none before a sign)."""
    figure = format_number(value, language, places=places)
    if not figure or not unit:
        return figure
    chinese = is_chinese(language if language is not None else get_language())
    joined = chinese or not unit[:1].isalpha()
    return f"{figure}{unit}" if joined else f"{figure} {unit}"


def parse_chinese(text: str) -> Decimal:
    """The number a Chinese figure written by format_number stands for (for tests and imports)."""
    for size, unit in reversed(CHINESE_UNITS[1:]):
        if text.endswith(unit):
            return Decimal(text[: -len(unit)].replace(",", "")) * size
    return Decimal(text.replace(",", ""))
