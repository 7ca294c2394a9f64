"""Readiness per city: what can arrive within T hours, per 10,000 residents, and the share of cities
covered with core supplies."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.emergency.allocation import Lot, Warehouse
from yrd.emergency.allocation.readiness import City, read_cities, readiness

from .strategies import EXPIRY, HOURS, ITEMS


def city(key, population):
    return City(key, key, key, 31.0, 121.0, population)


def test_every_city_of_the_region_is_listed_and_unsourced_populations_stay_unknown():
    cities = read_cities()
    assert len(cities) == 41
    assert {c.name_en for c in cities if c.population is None} == {
        "Shaoxing",
        "Quzhou",
        "Zhoushan",
        "Lishui",
        "Huangshan",
        "Chizhou",
        "Xuancheng",
    }
    shanghai = next(c for c in cities if c.key == "310000")
    assert (shanghai.population, shanghai.population_year, shanghai.population_source) == (
        24_874_500,
        2023,
        "W_SHANGHAI",
    )


def test_stock_counts_for_a_city_only_within_the_horizon_and_while_still_good():
    warehouses = [
        Warehouse("near", {"water": [Lot("a", 100, None), Lot("b", 50, 2.0)]}),
        Warehouse("far", {"water": [Lot("c", 1000, None)], "tent": [Lot("d", 20, None)]}),
    ]
    result = readiness(warehouses, [city("A", 200_000)], np.array([[3.0], [13.0]]), horizon_hours=12)
    row = result.cities[0]
    assert row.quantity == {"tent": 0, "water": 100}  # lot b expires on the way, far is beyond 12 h
    assert row.per_10k["water"] == pytest.approx(5.0)


def test_a_city_without_a_population_has_quantities_but_no_rate():
    result = readiness([Warehouse("W", {"tent": [Lot("t", 40)]})], [city("Z", None)], np.array([[1.0]]), 12)
    assert result.cities[0].quantity == {"tent": 40}
    assert result.cities[0].per_10k == {"tent": None}


def test_coverage_counts_cities_reached_with_every_core_item_and_sets_unknowns_apart():
    warehouses = [Warehouse("W", {"tent": [Lot("t", 40)], "water": [Lot("w", 10)]})]
    cities = [city("both", 100_000), city("too-far", 100_000), city("no-population", None)]
    result = readiness(warehouses, cities, np.array([[1.0, 20.0, 2.0]]), 12)
    any_stock = result.coverage(["tent", "water"])
    assert (any_stock.covered, any_stock.not_covered, any_stock.unknown) == (
        ("both", "no-population"),
        ("too-far",),
        (),
    )
    assert any_stock.share == pytest.approx(2 / 3)
    per_head = result.coverage(["tent", "water"], minimum_per_10k=1.0)
    assert (per_head.covered, per_head.not_covered, per_head.unknown) == (("both",), ("too-far",), ("no-population",))
    assert per_head.share == pytest.approx(1 / 2)


def test_a_nan_travel_time_is_refused():
    with pytest.raises(ValueError, match="NaN"):
        readiness([Warehouse("W", {})], [city("A", 1)], np.array([[math.nan]]), 12)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_quantities_equal_a_lot_by_lot_count(data):
    n_w, n_c = data.draw(st.integers(0, 4)), data.draw(st.integers(1, 4))
    warehouses = [
        Warehouse(
            f"W{w}",
            {
                item: [Lot(f"{w}{item}{n}", data.draw(st.integers(0, 9)), data.draw(EXPIRY)) for n in range(2)]
                for item in ITEMS
                if data.draw(st.booleans())
            },
        )
        for w in range(n_w)
    ]
    travel = np.array(data.draw(st.lists(HOURS, min_size=n_w * n_c, max_size=n_w * n_c))).reshape(n_w, n_c)
    horizon = data.draw(st.sampled_from([0.0, 2.0, 12.0]))
    result = readiness(warehouses, [city(f"C{c}", 10_000) for c in range(n_c)], travel, horizon)
    for c, row in enumerate(result.cities):
        for item in result.items:
            expected = sum(
                lot.quantity
                for w, warehouse in enumerate(warehouses)
                for lot in warehouse.lots.get(item, [])
                if travel[w, c] <= horizon and (lot.expires_in_hours is None or lot.expires_in_hours > travel[w, c])
            )
            assert row.quantity[item] == expected
            assert row.per_10k[item] == expected
