from decimal import Decimal

from yrd.green.accounting import Activity, Period, SiteData, account

from .factories import factor_set

MONTHS = [Activity("grid_electricity", Decimal(100 + month), "MWh", month=month) for month in range(1, 13)]


def test_a_year_adds_up_its_monthly_figures():
    result = account(SiteData(Period(2024), MONTHS), factor_set(grid="1", residual="1"))
    assert result.scope2_location == Decimal(sum(100 + m for m in range(1, 13)))
    assert len(result.lines[0].entered) == 12


def test_a_month_uses_only_that_month():
    result = account(SiteData(Period(2024, 3), MONTHS), factor_set(grid="1", residual="1"))
    assert result.scope2_location == Decimal(103)
    assert result.period == "2024-03"
