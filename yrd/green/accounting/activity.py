"""What a site reports for a period: activity data (energy bought and used) and the figures that
intensities are measured against (output, value added), and the checks every entry must pass.

Kinds of activity follow the GHG Protocol's split: fuels burnt on site are scope 1; purchased grid
electricity and purchased heat/steam are scope 2; own renewable electricity used on site and green
certificates (GECs) bought and cancelled for the period carry no emissions but count towards the
renewable share and, for certificates, the market-based scope 2 figure."""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .errors import ErrorCollector
from .i18n import _
from .units import UNITS


class Kind(StrEnum):
    NATURAL_GAS = "natural_gas"
    RAW_COAL = "raw_coal"
    COKE = "coke"
    FUEL_OIL = "fuel_oil"
    GASOLINE = "gasoline"
    KEROSENE = "kerosene"
    DIESEL = "diesel"
    LPG = "lpg"
    GRID_ELECTRICITY = "grid_electricity"
    OWN_RENEWABLE_ELECTRICITY = "own_renewable_electricity"
    GREEN_CERTIFICATES = "green_certificates"
    PURCHASED_HEAT = "purchased_heat"


FUELS = frozenset(
    {Kind.NATURAL_GAS, Kind.RAW_COAL, Kind.COKE, Kind.FUEL_OIL, Kind.GASOLINE, Kind.KEROSENE, Kind.DIESEL, Kind.LPG}
)
ELECTRICITY = frozenset({Kind.GRID_ELECTRICITY, Kind.OWN_RENEWABLE_ELECTRICITY, Kind.GREEN_CERTIFICATES})

# The most a single site (a factory or a whole park) can plausibly report for a year, in each
# dimension's base unit. Anything above is a typing error (a unit slip of 10^3 or 10^4), not data:
# 100 TWh is about half of Shanghai's yearly consumption; 20 billion Nm3 of gas and 100 Mt of coal
# are several times what the largest steel works in the region burn.
ABSURD_ABOVE: dict[str, Decimal] = {
    "electricity": Decimal("1e8"),  # MWh
    "heat": Decimal("1e9"),  # GJ
    "mass": Decimal("1e8"),  # t
    "gas volume": Decimal("2e10"),  # Nm3
    "money": Decimal("1e13"),  # CNY
}


@dataclass(frozen=True)
class Period:
    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Activity:
    kind: str
    quantity: Decimal
    unit: str
    month: int | None = None  # None: a figure for the whole year


@dataclass(frozen=True)
class Output:
    """Industrial output in the site's own unit (t of steel, pieces, ...) and value added."""

    quantity: Decimal | None = None
    unit: str = ""
    value_added: Decimal | None = None  # in 10^4 CNY
    value_added_unit: str = "10^4 CNY"


@dataclass(frozen=True)
class Target:
    """A site's target: `metric` goes from `base_value` in `base_year` to `target_value` in `target_year`."""

    metric: str  # one of METRICS
    base_year: int
    base_value: Decimal
    target_year: int
    target_value: Decimal


METRICS = ("total_emissions", "intensity_per_output", "intensity_per_value_added", "renewable_share")
HIGHER_IS_BETTER = frozenset({"renewable_share"})


@dataclass
class SiteData:
    period: Period
    activities: list[Activity] = field(default_factory=list)
    output: Output = field(default_factory=Output)


def check_number(errors: ErrorCollector, name: str, value: Decimal | None, dimension: str | None, unit_code: str):
    """Refuses NaN, infinities, negative values and values beyond the absurd limit of the dimension."""
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        errors.add(name, _("Enter a finite number."))
        return
    if value < 0:
        errors.add(name, _("A quantity cannot be negative (got %(value)s).") % {"value": value})
        return
    limit = ABSURD_ABOVE.get(dimension or "")
    if limit is not None and value * UNITS[unit_code].to_base > limit:
        errors.add(
            name,
            _("%(value)s %(unit)s is implausibly large for one site; check the unit (limit %(limit)s).")
            % {"value": value, "unit": unit_code, "limit": f"{limit:.0e}"},
        )


def validate(data: SiteData, errors: ErrorCollector | None = None) -> ErrorCollector:
    """Every problem of the entries, gathered in `errors`; raises them all at once unless the caller
    passed its own collector to add further checks before raising."""
    own = errors is None
    errors = errors or ErrorCollector()
    if not 1990 <= data.period.year <= 2100:
        errors.add("period", _("Year %(year)s is outside 1990-2100.") % {"year": data.period.year})
    if data.period.month is not None and not 1 <= data.period.month <= 12:
        errors.add("period", _("Month %(month)s is not 1-12.") % {"month": data.period.month})
    seen: dict[tuple[str, int | None], int] = {}
    for index, activity in enumerate(data.activities):
        check_activity(errors, f"activities[{index}]", activity)
        key = (activity.kind, activity.month)
        if key in seen:
            errors.add(
                f"activities[{index}]",
                _("%(kind)s for %(when)s is entered twice (also at row %(row)s); enter each kind once per period.")
                % {"kind": activity.kind, "when": month_label(activity.month), "row": seen[key] + 1},
            )
        seen.setdefault(key, index)
    for kind in {a.kind for a in data.activities}:
        months = {a.month for a in data.activities if a.kind == kind}
        if None in months and len(months) > 1:
            errors.add(
                "activities",
                _("%(kind)s has both a whole-year figure and monthly figures; keep one or the other.") % {"kind": kind},
            )
    check_output(errors, data.output)
    if own:
        errors.raise_if_any()
    return errors


def check_activity(errors: ErrorCollector, name: str, activity: Activity) -> None:
    if activity.kind not in Kind.__members__.values():
        errors.add(f"{name}.kind", _("Unknown kind of activity '%(kind)s'.") % {"kind": activity.kind})
    if activity.unit not in UNITS:
        errors.add(f"{name}.unit", _("Unknown unit '%(unit)s'.") % {"unit": activity.unit})
        return
    dimension = UNITS[activity.unit].dimension
    if activity.kind in ELECTRICITY and dimension != "electricity":
        errors.add(
            f"{name}.unit",
            _("%(kind)s is electricity; %(unit)s measures %(dimension)s.")
            % {"kind": activity.kind, "unit": activity.unit, "dimension": _(dimension)},
        )
    if activity.month is not None and not 1 <= activity.month <= 12:
        errors.add(f"{name}.month", _("Month %(month)s is not 1-12.") % {"month": activity.month})
    check_number(errors, f"{name}.quantity", activity.quantity, dimension, activity.unit)


def check_output(errors: ErrorCollector, output: Output) -> None:
    check_number(errors, "output.quantity", output.quantity, None, "t")
    if output.quantity is not None and not output.unit.strip():
        errors.add("output.unit", _("Say what the output is measured in (for example 't of steel')."))
    if output.value_added_unit not in UNITS or UNITS[output.value_added_unit].dimension != "money":
        errors.add(
            "output.value_added_unit",
            _("Value added is money (CNY or 10^4 CNY), not %(unit)s.") % {"unit": output.value_added_unit},
        )
        return
    check_number(errors, "output.value_added", output.value_added, "money", output.value_added_unit)


def month_label(month: int | None) -> str:
    return _("the whole year") if month is None else _("month %(month)s") % {"month": month}
