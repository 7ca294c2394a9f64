from decimal import Decimal

import pytest

from yrd.green.accounting import AccountingError, Activity, Period, SiteData, account

from .factories import factor_set


def errors_of(*activities) -> dict[str, list[str]]:
    with pytest.raises(AccountingError) as raised:
        account(SiteData(Period(2024), list(activities)), factor_set())
    return raised.value.errors


def test_it_refuses_gas_in_tonnes_when_the_factor_is_per_volume():
    errors = errors_of(Activity("natural_gas", Decimal(10), "t"))
    assert errors == {
        "activities[0].unit": [
            "natural_gas is entered in t (mass) but its emission factor applies per 10^4 Nm3 (gas volume); "
            "enter it in 10^4 Nm3 or another unit of gas volume."
        ]
    }


def test_it_refuses_coal_measured_in_cubic_metres():
    assert "activities[0].unit" in errors_of(Activity("raw_coal", Decimal(10), "Nm3"))


def test_it_refuses_electricity_in_gigajoules():
    errors = errors_of(Activity("grid_electricity", Decimal(10), "GJ"))
    assert errors["activities[0].unit"][0].startswith("grid_electricity is electricity; GJ measures heat")


def test_it_refuses_an_unknown_unit():
    assert errors_of(Activity("diesel", Decimal(1), "barrel"))["activities[0].unit"] == ["Unknown unit 'barrel'."]


def test_it_converts_within_one_dimension():
    in_kwh = account(SiteData(Period(2024), [Activity("grid_electricity", Decimal(2_000_000), "kWh")]), factor_set())
    in_mwh = account(SiteData(Period(2024), [Activity("grid_electricity", Decimal(2000), "MWh")]), factor_set())
    assert in_kwh.scope2_location == in_mwh.scope2_location == Decimal(1200)
    assert in_kwh.lines[0].entered == ("2,000,000 kWh (the whole year)",)


def test_it_reports_every_problem_at_once():
    errors = errors_of(Activity("natural_gas", Decimal(1), "t"), Activity("raw_coal", Decimal(-1), "t"))
    assert set(errors) == {"activities[0].unit", "activities[1].quantity"}
