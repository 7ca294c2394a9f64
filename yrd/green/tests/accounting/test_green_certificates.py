from decimal import Decimal

import pytest

from yrd.green.accounting import AccountingError, Activity, Period, SiteData, account

from .factories import factor_set


def site(grid, certificates=None, own=None) -> SiteData:
    activities = [Activity("grid_electricity", Decimal(grid), "MWh")]
    if certificates is not None:
        activities.append(Activity("green_certificates", Decimal(certificates), "MWh"))
    if own is not None:
        activities.append(Activity("own_renewable_electricity", Decimal(own), "MWh"))
    return SiteData(Period(2024), activities)


def test_certificates_lower_market_based_but_not_location_based_scope2():
    result = account(site(1000, 400), factor_set(grid="0.6", residual="0.65"))
    assert result.scope2_location == Decimal(600)
    assert result.scope2_market == Decimal(390)  # 600 MWh not covered × 0.65
    assert result.total == result.scope2_market


def test_market_based_uses_the_grid_average_when_no_residual_factor_is_published():
    result = account(site(1000, 400), factor_set(grid="0.6", residual=None))
    assert result.scope2_market == Decimal(360)
    assert "no residual factor published" in result.lines[1].steps[0].label


def test_certificates_cannot_exceed_grid_purchases():
    with pytest.raises(AccountingError) as raised:
        account(site(100, 150), factor_set())
    assert "exceed the grid electricity purchased" in raised.value.errors["activities"][0]


def test_renewable_share_counts_own_generation_and_certificates():
    result = account(site(800, 200, own=200), factor_set())
    assert result.electricity_consumed == Decimal(1000)
    assert result.renewable_share == Decimal("0.4")


def test_the_market_line_says_how_the_certificates_were_counted():
    line = account(site(1000, 400), factor_set()).lines[1]
    assert line.basis == "market"
    assert line.note == "grid 1,000 MWh − green certificates 400 MWh (certificates count as 0 tCO2)"
