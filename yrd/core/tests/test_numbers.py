"""Large figures read as their readers expect: 268.45万 and 1.2亿 in Chinese, 2,684,500 in English."""

import re
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from yrd.core.numbers import CHINESE_UNITS, format_number, format_quantity, parse_chinese

figures = st.one_of(
    st.integers(min_value=-(10**18), max_value=10**18),
    st.decimals(min_value=-(10**15), max_value=10**15, places=2, allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
)
UNIT_SIZE = {unit: size for size, unit in CHINESE_UNITS}
GROUPED = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d*[1-9])?")


def unit_of(text: str) -> str:
    return next((u for u in ("万亿", "亿", "万") if text.endswith(u)), "")


def test_the_figures_a_chinese_reader_expects():
    assert format_number(2684500, "zh-hans") == "268.45万"
    assert format_number(120_000_000, "zh-hans") == "1.2亿"
    assert format_number(Decimal("1300000000000"), "zh-hans") == "1.3万亿"
    assert format_number(9999, "zh-hans") == "9999"
    assert format_number(99_999_999, "zh-hans") == "1亿"  # not "10000万"
    assert format_number(2684500, "en") == "2,684,500"


@given(figures)
def test_a_chinese_figure_stands_for_its_value_to_half_a_unit_of_its_last_place(value):
    text = format_number(value, "zh-hans")
    tolerance = UNIT_SIZE[unit_of(text)] * Decimal("0.005")
    assert abs(parse_chinese(text) - Decimal(str(value))) <= tolerance


@given(figures)
def test_a_chinese_figure_uses_the_largest_unit_its_value_reaches(value):
    text = format_number(value, "zh-hans")
    unit = unit_of(text)
    mantissa = abs(Decimal(text[: len(text) - len(unit)].replace(",", "")))
    assert mantissa < 10**4 or unit == "万亿"
    assert unit == "" or mantissa >= 1


@given(figures, figures)
def test_chinese_figures_keep_the_order_of_their_values(a, b):
    low, high = sorted((a, b), key=lambda v: Decimal(str(v)))
    assert parse_chinese(format_number(low, "zh-hans")) <= parse_chinese(format_number(high, "zh-hans"))


@given(figures)
def test_an_english_figure_is_its_value_in_grouped_digits(value):
    text = format_number(value, "en")
    assert GROUPED.fullmatch(text), text
    assert Decimal(text.replace(",", "")) == Decimal(str(value)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


@given(st.integers(min_value=-9999, max_value=9999))
def test_small_whole_numbers_stand_as_they_are_in_chinese(value):
    assert format_number(value, "zh-hans") == str(value)


@given(figures, st.sampled_from(["zh-hans", "en"]))
def test_no_figure_ends_in_zeros_after_the_point_or_reads_minus_zero(value, language):
    text = format_number(value, language)
    digits = text.rstrip("万亿")
    assert not ("." in digits and digits.endswith("0")) and not digits.endswith(".")
    assert not re.fullmatch(r"-0(\.0*)?", digits)


def test_what_is_not_a_number_is_shown_as_nothing():
    assert [format_number(v, "zh-hans") for v in (None, "", "abc", float("nan"), float("inf"), True)] == [""] * 6


def test_the_template_filter_writes_the_active_language():
    template = Template("{% load numbers %}{{ value|number }}")
    with translation.override("zh-hans"):
        assert template.render(Context({"value": 2684500})) == "268.45万"
    with translation.override("en"):
        assert template.render(Context({"value": 2684500})) == "2,684,500"


def test_a_figure_with_its_unit_is_written_as_each_reader_writes_it():
    assert format_quantity(2684500, "元", "zh-hans") == "268.45万元"
    assert format_quantity(2684500, "yuan", "en") == "2,684,500 yuan"
    assert format_quantity(45, "%", "en") == format_quantity(45, "%", "zh-hans") == "45%"
    assert format_quantity(None, "元", "zh-hans") == ""


def test_the_quantity_filter_takes_the_unit_as_its_argument():
    template = Template("{% load numbers %}{{ value|quantity:unit }}")
    with translation.override("zh-hans"):
        assert template.render(Context({"value": 120_000_000, "unit": "人次"})) == "1.2亿人次"
