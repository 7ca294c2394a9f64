"""The shipped catalogue and how factors are chosen and kept."""

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from yrd.green.accounting import AccountingError, Activity, FactorCatalogue, FactorSet, Period, SiteData, account

PROVINCES = ("310000", "320000", "330000", "340000")


@pytest.fixture(scope="module")
def catalogue() -> FactorCatalogue:
    return FactorCatalogue.published()


def test_every_shipped_factor_names_its_publication_table_and_unit(catalogue):
    for factor in catalogue.factors:
        assert factor.publication.title_zh and factor.publication.published and factor.table
        assert factor.numerator


def test_the_four_provinces_have_grid_factors_for_2021_and_2022(catalogue):
    for province in PROVINCES:
        for year in (2021, 2022):
            assert catalogue.latest("grid_average", province, year).data_year == year


def test_it_picks_the_latest_factor_published_for_a_year_not_after_the_accounting_year(catalogue):
    assert catalogue.select(year=2024, province="320000").grid_location.data_year == 2022
    assert catalogue.select(year=2021, province="320000").grid_location.data_year == 2021


def test_it_refuses_a_year_before_any_published_grid_factor(catalogue):
    with pytest.raises(AccountingError) as raised:
        catalogue.select(year=2019, province="310000")
    assert raised.value.errors["factors"] == [
        "No published factor in the catalogue: grid_average for 310000 with a data year of 2019 or earlier."
    ]


def test_a_stored_factor_set_recomputes_the_same_account_after_the_catalogue_changes(catalogue):
    data = SiteData(Period(2024), [Activity("grid_electricity", Decimal(1000), "MWh")])
    kept = json.loads(json.dumps(catalogue.select(year=2024, province="320000").to_dict()))
    before = account(data, FactorSet.from_dict(kept))
    newer = replace(catalogue.latest("grid_average", "320000", 2024), id="new", data_year=2024, value=Decimal("0.3"))
    updated = FactorCatalogue([*catalogue.factors, newer])
    assert account(data, updated.select(year=2024, province="320000")).scope2_location == Decimal(300)
    assert account(data, FactorSet.from_dict(kept)).scope2_location == before.scope2_location == Decimal("597.8")


def test_natural_gas_from_the_guideline_defaults(catalogue):
    factors = catalogue.select(year=2024, province="320000")
    result = account(SiteData(Period(2024), [Activity("natural_gas", Decimal(100), "10^4 Nm3")]), factors)
    # 100 × 389.31 GJ × 15.3 tC/TJ / 1000 × 0.99 × 44/12
    assert round(result.scope1, 4) == Decimal("2162.1888")
