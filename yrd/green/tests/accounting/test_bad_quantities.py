from decimal import Decimal

import pytest

from yrd.green.accounting import AccountingError, Activity, Output, Period, SiteData, account

from .factories import factor_set


def errors_of(data: SiteData) -> dict[str, list[str]]:
    with pytest.raises(AccountingError) as raised:
        account(data, factor_set())
    return raised.value.errors


def test_it_refuses_a_negative_quantity():
    errors = errors_of(SiteData(Period(2024), [Activity("raw_coal", Decimal(-3), "t")]))
    assert errors == {"activities[0].quantity": ["A quantity cannot be negative (got -3)."]}


def test_it_refuses_not_a_number():
    errors = errors_of(SiteData(Period(2024), [Activity("raw_coal", Decimal("NaN"), "t")]))
    assert errors == {"activities[0].quantity": ["Enter a finite number."]}


def test_it_refuses_an_absurd_amount_of_electricity_for_one_site():
    errors = errors_of(SiteData(Period(2024), [Activity("grid_electricity", Decimal("2e11"), "kWh")]))
    assert "implausibly large" in errors["activities[0].quantity"][0]


def test_it_refuses_the_same_kind_twice_in_a_period():
    data = SiteData(Period(2024), [Activity("diesel", Decimal(1), "t"), Activity("diesel", Decimal(2), "t")])
    assert "entered twice" in errors_of(data)["activities[1]"][0]


def test_it_refuses_whole_year_and_monthly_figures_for_one_kind():
    data = SiteData(Period(2024), [Activity("diesel", Decimal(1), "t"), Activity("diesel", Decimal(2), "t", month=3)])
    assert "both a whole-year figure and monthly figures" in errors_of(data)["activities"][0]


def test_it_refuses_output_without_a_unit_and_negative_value_added():
    errors = errors_of(SiteData(Period(2024), [], Output(Decimal(5), "", Decimal(-1))))
    assert set(errors) == {"output.unit", "output.value_added"}


def test_it_refuses_a_month_outside_the_year():
    assert "period" in errors_of(SiteData(Period(2024, 13), []))
