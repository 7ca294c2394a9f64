import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn.ric import calc_check_digit

from yrd.services.resident_id import clean_resident_id


def body(place, born, seq):
    return f"{place}{born:%Y%m%d}{seq:03d}"


ids = st.builds(
    body,
    st.text("0123456789", min_size=6, max_size=6),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2020, 12, 31)),
    st.integers(0, 999),
)


@given(ids)
def test_any_number_with_a_valid_date_and_check_character_is_accepted(first17):
    number = first17 + calc_check_digit(first17 + "0")
    assert clean_resident_id(number) == number


@given(ids, st.sampled_from("0123456789X"))
def test_a_wrong_check_character_is_refused(first17, check):
    if check == calc_check_digit(first17 + "0"):
        return
    with pytest.raises(ValidationError):
        clean_resident_id(first17 + check)


@pytest.mark.parametrize(
    "number", ["310115199001011232", "310151201001011238", "320505198505051234", "340104197501011236"]
)
def test_real_numbers_of_districts_missing_from_stdnum_are_accepted(number):
    assert clean_resident_id(number) == number


@pytest.mark.parametrize(
    "number", ["31011519900101123", "31011519900101123A", "310115199002301232", "310115209901011234"]
)
def test_wrong_length_letters_impossible_or_future_dates_are_refused(number):
    with pytest.raises(ValidationError):
        clean_resident_id(number)


def test_an_empty_number_asks_for_one():
    with pytest.raises(ValidationError) as caught:
        clean_resident_id("  ")
    assert caught.value.messages == ["Enter the resident ID number."]


def test_the_whole_message_goes_through_translation(monkeypatch):
    # The catalogue is compiled by the lead; here every msgid is marked to show that no
    # untranslated reason is appended to a translated sentence.
    monkeypatch.setattr("yrd.services.resident_id._", lambda text: f"«{text}»")
    with pytest.raises(ValidationError) as caught:
        clean_resident_id("310115199001011233")
    message = caught.value.messages[0]
    assert message.startswith("«") and message.endswith("»") and "check character" in message
