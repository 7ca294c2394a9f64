"""Units of activity data and of emission factors, and conversion between units of one dimension.

A quantity may be converted only into a unit of the same dimension (kWh -> MWh, Nm3 -> 10^4 Nm3);
anything else (t of gas against a factor per 10^4 Nm3) is a unit mismatch, refused with a message
naming both units and both dimensions. Unit codes are ASCII so that CSV/XLSX imports can type them;
`label` is how a person reads them."""

from dataclasses import dataclass
from decimal import Decimal

from .errors import AccountingError


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    to_base: Decimal  # how many of the dimension's base unit one of this unit is
    label: str


_UNITS = [
    # electricity, base MWh
    Unit("kWh", "electricity", Decimal("0.001"), "kWh"),
    Unit("MWh", "electricity", Decimal(1), "MWh"),
    Unit("10^4 kWh", "electricity", Decimal(10), "万kWh"),
    Unit("GWh", "electricity", Decimal(1000), "GWh"),
    # heat, base GJ
    Unit("MJ", "heat", Decimal("0.001"), "MJ"),
    Unit("GJ", "heat", Decimal(1), "GJ"),
    Unit("TJ", "heat", Decimal(1000), "TJ"),
    # mass of fuel, base t
    Unit("kg", "mass", Decimal("0.001"), "kg"),
    Unit("t", "mass", Decimal(1), "t"),
    Unit("10^4 t", "mass", Decimal(10000), "万t"),
    # gas volume at standard conditions, base Nm3
    Unit("Nm3", "gas volume", Decimal(1), "Nm³"),
    Unit("10^4 Nm3", "gas volume", Decimal(10000), "万Nm³"),
    # emitted CO2 and carbon, base t
    Unit("tCO2", "CO2", Decimal(1), "tCO₂"),
    Unit("tC", "carbon", Decimal(1), "tC"),
    # money, base CNY
    Unit("CNY", "money", Decimal(1), "元"),
    Unit("10^4 CNY", "money", Decimal(10000), "万元"),
]
UNITS: dict[str, Unit] = {unit.code: unit for unit in _UNITS}


def unit(code: str) -> Unit:
    try:
        return UNITS[code]
    except KeyError:
        known = ", ".join(UNITS)
        raise AccountingError({"unit": [f"Unknown unit '{code}'. Known units: {known}."]}) from None


def convert(quantity: Decimal, from_code: str, to_code: str, *, field: str = "unit") -> Decimal:
    """`quantity` in `from_code` expressed in `to_code`; refuses units of different dimensions."""
    source, target = unit(from_code), unit(to_code)
    if source.dimension != target.dimension:
        raise AccountingError(
            {
                field: [
                    f"The quantity is in {source.code} ({source.dimension}) but the emission factor applies "
                    f"per {target.code} ({target.dimension}); enter it in {target.code} or another unit of "
                    f"{target.dimension}."
                ]
            }
        )
    if source.code == target.code:
        return quantity
    return quantity * source.to_base / target.to_base
