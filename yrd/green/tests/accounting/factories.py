"""Factor sets made up for tests: every value random or chosen, every factor with a publication."""

from decimal import Decimal

from yrd.green.accounting import Factor, FactorSet, FuelParameters, Publication

TEST_PUBLICATION = Publication("TEST", "test issuer", "", "测试", "test", "2024-01-01", "", "")
SOLID_AND_LIQUID_FUELS = ("raw_coal", "coke", "fuel_oil", "gasoline", "kerosene", "diesel", "lpg")


def factor(quantity: str, value, unit: str, *, region: str = "national", year: int = 2022) -> Factor:
    numerator, _, denominator = unit.partition("/")
    return Factor(
        id=f"{quantity}/{region}/{year}",
        quantity=quantity,
        region=region,
        data_year=year,
        value=Decimal(value),
        numerator=numerator,
        denominator=denominator or None,
        publication=TEST_PUBLICATION,
        table="test table",
    )


def fuel(name: str, ncv, carbon, oxidation_percent) -> FuelParameters:
    per = "10^4 Nm3" if name == "natural_gas" else "t"
    return FuelParameters(
        factor(f"net_calorific_value:{name}", ncv, f"GJ/{per}"),
        factor(f"carbon_content:{name}", carbon, "tC/TJ"),
        factor(f"oxidation_rate:{name}", oxidation_percent, "%"),
    )


def factor_set(*, grid="0.6", residual="0.65", heat="0.11", fuels=None, province="320000") -> FactorSet:
    fuels = fuels or {"natural_gas": ("389.31", "15.3", "99"), "raw_coal": ("20.908", "26.37", "94")}
    return FactorSet(
        year=2022,
        province=province,
        grid_location=factor("grid_average", grid, "tCO2/MWh", region=province),
        grid_residual=factor("grid_excluding_market_non_fossil", residual, "tCO2/MWh") if residual else None,
        heat=factor("purchased_heat", heat, "tCO2/GJ"),
        fuels={name: fuel(name, *values) for name, values in fuels.items()},
    )
