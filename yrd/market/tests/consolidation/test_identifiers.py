from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from yrd.market.consolidation.identifiers import (
    UsccStatus,
    address_building,
    clean_uscc,
    normalise_address,
    normalise_phone,
)

VALID = "91320594MA1MXXXX1" + stdnum_uscc.calc_check_digit("91320594MA1MXXXX1")

usccs = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17).map(
    lambda body: body + stdnum_uscc.calc_check_digit(body)
)


def test_a_uscc_with_a_good_check_digit_is_valid_however_it_is_written():
    spaced = f"{VALID[:8]} {VALID[8:]}".lower()
    assert clean_uscc(spaced) == (VALID, UsccStatus.VALID)
    assert clean_uscc("".join(chr(ord(c) + 0xFEE0) for c in VALID)) == (VALID, UsccStatus.VALID)


def test_a_mistyped_uscc_is_kept_and_flagged_invalid():
    typo = VALID[:-1] + ("0" if VALID[-1] != "0" else "1")
    assert clean_uscc(typo) == (typo, UsccStatus.INVALID)


def test_a_missing_uscc_is_missing():
    assert clean_uscc("") == (None, UsccStatus.MISSING)
    assert clean_uscc(None) == (None, UsccStatus.MISSING)


@given(usccs, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY"))
def test_changing_one_character_of_a_uscc_breaks_its_check_digit(code, position, replacement):
    typed = code[:position] + replacement + code[position + 1 :]
    if typed != code:
        assert clean_uscc(typed)[1] is UsccStatus.INVALID


def test_the_ways_of_writing_one_landline_give_one_number():
    forms = ["0512-65123456", "(0512)65123456", "+86 512 6512 3456", "0086 512 65123456", "０５１２－６５１２３４５６"]
    assert {normalise_phone(form) for form in forms} == {"051265123456"}


def test_the_ways_of_writing_one_mobile_give_one_number():
    assert {normalise_phone(f) for f in ["13800138000", "138 0013 8000", "+86 138 0013 8000"]} == {"13800138000"}


def test_a_phone_too_short_to_be_a_number_is_nothing():
    assert normalise_phone("12-34") is None


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["{}", "+86 {}", "+86-{}", "0086{}"]))
def test_a_mobile_number_survives_any_international_prefix(number, form):
    assert normalise_phone(form.format(number)) == number


def test_an_address_loses_its_region_words_and_a_building_its_room():
    address = normalise_address("江苏省苏州市姑苏区人民路100号美佳大廈1203室")
    assert address == "人民路100号美佳大厦1203室"
    assert address_building(address) == "人民路100号美佳大厦"
    assert address_building(normalise_address("苏州人民路100号美佳大厦")) == "人民路100号美佳大厦"
