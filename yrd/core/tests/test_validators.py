import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from yrd.core.reference import read_cities
from yrd.core.validators import clean_uscc, validate_adcode

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
uscc_bodies = st.builds(
    lambda region, org: "91" + region + org,
    st.sampled_from([row["city_adcode"] for row in read_cities()]),
    st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9),
)


@given(uscc_bodies)
def test_a_code_with_the_right_check_character_is_accepted(body):
    code = body + uscc.calc_check_digit(body)
    assert clean_uscc(code.lower()) == code


@given(uscc_bodies, st.sampled_from(USCC_ALPHABET))
def test_a_wrong_check_character_is_refused(body, wrong):
    if wrong == uscc.calc_check_digit(body):
        wrong = "0" if wrong != "0" else "1"
    with pytest.raises(ValidationError, match="Unified Social Credit Code"):
        clean_uscc(body + wrong)


@given(st.text(max_size=25))
def test_arbitrary_text_is_either_a_valid_code_or_a_validation_error(text):
    try:
        assert uscc.is_valid(clean_uscc(text))
    except ValidationError:
        pass


def test_every_city_in_the_reference_data_has_a_valid_adcode():
    for row in read_cities():
        validate_adcode(row["city_adcode"])
        validate_adcode(row["province_code"])


@given(st.text(max_size=8))
def test_adcode_validation_never_crashes(text):
    try:
        validate_adcode(text)
        assert text[:2] in ("31", "32", "33", "34") and text.endswith("00") and len(text) == 6
    except ValidationError:
        pass


@pytest.mark.parametrize("code", ["110000", "320501", "3205", "32050A", "320000 ", "330099", "340000x"])
def test_codes_outside_the_region_or_below_city_level_are_refused(code):
    with pytest.raises(ValidationError):
        validate_adcode(code)
