from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from yrd.innovation.writes.common import check_amount, check_text

anything = st.one_of(st.text(max_size=20), st.decimals(allow_nan=True, allow_infinity=True), st.floats(), st.integers(),
                     st.none())  # fmt: skip


@given(anything)
def test_an_amount_is_accepted_only_when_positive_finite_and_in_fen(value):
    errors: dict = {}
    amount = check_amount(errors, "amount", value)
    if not errors:
        assert amount > 0 and amount == amount.quantize(Decimal("0.01")) and amount < Decimal("1e10")
    else:
        assert list(errors) == ["amount"] and len(errors["amount"]) == 1


@given(st.one_of(st.text(max_size=400), st.integers(), st.none()), st.integers(1, 300))
def test_text_is_refused_when_too_long_or_missing_and_never_written_long(value, limit):
    errors: dict = {}
    text = check_text(errors, "f", value, limit)
    if not errors:
        assert isinstance(value, str) and 0 < len(text) <= limit
