"""Units of activity data and of emission factors, and conversion between units of one dimension.

A quantity may be converted only into a unit of the same dimension (kWh -> MWh, Nm3 -> 10^4 Nm3);
anything else (t of gas against a factor per 10^4 Nm3) is a unit mismatch, refused with a message
naming both units and both dimensions. Unit codes are ASCII so that CSV/XLSX imports can type them;
`label` is how a person reads them."""

from dataclasses import dataclass
from decimal import Decimal

from .errors import AccountingError
from .i18n import _, gettext_noop


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    to_base: Decimal  # how many of the dimension's base unit one of this unit is
    label: str


_UNITS = [
    # electricity, base MWh
    Unit("kWh", gettext_noop("electricity"), Decimal("0.001"), "kWh"),
    Unit("MWh", gettext_noop("electricity"), Decimal(1), "MWh"),
    Unit("10^4 kWh", gettext_noop("electricity"), Decimal(10), "万kWh"),
    Unit("GWh", gettext_noop("electricity"), Decimal(1000), "GWh"),
    # heat, base GJ
    Unit("MJ", gettext_noop("heat"), Decimal("0.001"), "MJ"),
    Unit("GJ", gettext_noop("heat"), Decimal(1), "GJ"),
    Unit("TJ", gettext_noop("heat"), Decimal(1000), "TJ"),
    # mass of fuel, base t
    Unit("kg", gettext_noop("mass"), Decimal("0.001"), "kg"),
    Unit("t", gettext_noop("mass"), Decimal(1), "t"),
    Unit("10^4 t", gettext_noop("mass"), Decimal(10000), "万t"),
    # gas volume at standard conditions, base Nm3
    Unit("Nm3", gettext_noop("gas volume"), Decimal(1), "Nm³"),
    Unit("10^4 Nm3", gettext_noop("gas volume"), Decimal(10000), "万Nm³"),
    # emitted CO2 and carbon, base t
    Unit("tCO2", gettext_noop("CO2"), Decimal(1), "tCO₂"),
    Unit("tC", gettext_noop("carbon"), Decimal(1), "tC"),
    # money, base CNY
    Unit("CNY", gettext_noop("money"), Decimal(1), "元"),
    Unit("10^4 CNY", gettext_noop("money"), Decimal(10000), "万元"),
]
UNITS: dict[str, Unit] = {unit.code: unit for unit in _UNITS}


def unit(code: str) -> Unit:
    try:
        return UNITS[code]
    except KeyError:
        known = ", ".join(UNITS)
        raise AccountingError(
            {"unit": [_("Unknown unit '%(unit)s'. Known units: %(known)s.") % {"unit": code, "known": known}]}
        ) from None


def convert(quantity: Decimal, from_code: str, to_code: str, *, field: str = "unit") -> Decimal:
    """`quantity` in `from_code` expressed in `to_code`; refuses units of different dimensions."""
    source, target = unit(from_code), unit(to_code)
    if source.dimension != target.dimension:
        raise AccountingError(
            {
                field: [
                    _(
                        "The quantity is in %(unit)s (%(dimension)s) but the emission factor applies per "
                        "%(expected)s (%(expected_dimension)s); enter it in %(expected)s or another unit of "
                        "%(expected_dimension)s."
                    )
                    % {
                        "unit": source.code,
                        "dimension": _(source.dimension),
                        "expected": target.code,
                        "expected_dimension": _(target.dimension),
                    }
                ]
            }
        )
    if source.code == target.code:
        return quantity
    return quantity * source.to_base / target.to_base
