"""Property: on random activity data and random factor sets, the engine's emissions equal a hand
calculation written here from the guideline's formula, with its own unit table."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.green.accounting import Activity, Output, Period, SiteData, account

from .factories import SOLID_AND_LIQUID_FUELS, factor_set

# The test's own conversion table (to t, 10^4 Nm3, MWh, GJ), not the engine's.
TO_T = {"kg": Decimal("0.001"), "t": Decimal(1), "10^4 t": Decimal(10000)}
TO_10K_NM3 = {"Nm3": Decimal("0.0001"), "10^4 Nm3": Decimal(1)}
TO_MWH = {"kWh": Decimal("0.001"), "MWh": Decimal(1), "10^4 kWh": Decimal(10), "GWh": Decimal(1000)}
TO_GJ = {"MJ": Decimal("0.001"), "GJ": Decimal(1), "TJ": Decimal(1000)}

quantities = st.decimals(min_value=0, max_value=10**4, places=3, allow_nan=False, allow_infinity=False)
factor_values = st.decimals(min_value=Decimal("0.001"), max_value=1000, places=4)
percentages = st.decimals(min_value=50, max_value=100, places=2)


@st.composite
def site_and_factors(draw):
    fuel_names = draw(st.lists(st.sampled_from(("natural_gas", *SOLID_AND_LIQUID_FUELS)), unique=True, max_size=5))
    fuels = {name: (draw(factor_values), draw(factor_values), draw(percentages)) for name in fuel_names}
    factors = factor_set(
        grid=draw(factor_values), residual=draw(factor_values), heat=draw(factor_values), fuels=fuels or None
    )
    activities = []
    for name in factors.fuels:
        table = TO_10K_NM3 if name == "natural_gas" else TO_T
        activities.append(Activity(name, draw(quantities), draw(st.sampled_from(sorted(table)))))
    grid = draw(quantities)
    grid_unit = draw(st.sampled_from(sorted(TO_MWH)))
    activities.append(Activity("grid_electricity", grid, grid_unit))
    grid_mwh = grid * TO_MWH[grid_unit]
    certificates = draw(st.decimals(min_value=0, max_value=grid_mwh, places=3)) if grid_mwh else Decimal(0)
    activities.append(Activity("green_certificates", certificates, "MWh"))
    activities.append(Activity("purchased_heat", draw(quantities), draw(st.sampled_from(sorted(TO_GJ)))))
    activities.append(Activity("own_renewable_electricity", draw(quantities), "MWh"))
    return SiteData(Period(2024), activities, Output(draw(quantities), "t")), factors


def by_hand(data: SiteData, factors) -> dict[str, Decimal]:
    scope1 = Decimal(0)
    grid = certificates = heat = Decimal(0)
    for a in data.activities:
        if a.kind in factors.fuels:
            p = factors.fuels[a.kind]
            amount = a.quantity * (TO_10K_NM3 if a.kind == "natural_gas" else TO_T)[a.unit]
            gigajoules = amount * p.net_calorific_value.value
            carbon = gigajoules / 1000 * p.carbon_content.value
            scope1 += carbon * p.oxidation_rate.value / 100 * 44 / 12
        elif a.kind == "grid_electricity":
            grid = a.quantity * TO_MWH[a.unit]
        elif a.kind == "green_certificates":
            certificates = a.quantity
        elif a.kind == "purchased_heat":
            heat = a.quantity * TO_GJ[a.unit] * factors.heat.value
    return {
        "scope1": scope1,
        "location": grid * factors.grid_location.value + heat,
        "market": (grid - certificates) * factors.grid_residual.value + heat,
    }


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("1e-12") * max(abs(a), abs(b), Decimal(1))


@settings(max_examples=300, deadline=None)
@given(site_and_factors())
def test_emissions_equal_a_hand_calculation(case):
    data, factors = case
    result = account(data, factors)
    expected = by_hand(data, factors)
    assert close(result.scope1, expected["scope1"])
    assert close(result.scope2_location, expected["location"])
    assert close(result.scope2_market, expected["market"])
    assert close(result.total, expected["scope1"] + expected["market"])


@settings(max_examples=100, deadline=None)
@given(site_and_factors())
def test_each_line_is_the_product_of_its_own_numbers(case):
    """What the page shows is what was computed: quantity × every step = the line's emissions."""
    data, factors = case
    for line in account(data, factors).lines:
        product = line.quantity
        for step in line.steps:
            product *= step.value
        assert product == line.emissions
        assert all(step.unit or step.label == "oxidation rate" for step in line.steps)
