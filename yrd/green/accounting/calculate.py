"""The account of one site for one period: scope 1 and scope 2 emissions, line by line.

Structure (GHG Protocol Corporate Standard and Scope 2 Guidance; China's enterprise accounting
guidelines for the fuel formula):

- scope 1, each fuel: quantity × net calorific value × carbon content per unit heat × oxidation
  rate × 44/12 (the mass ratio of CO2 to C);
- scope 2, purchased grid electricity, reported both ways the Scope 2 Guidance asks for:
  location-based = grid MWh × the province's published average grid factor; market-based = MWh
  covered by green certificates × 0 + the remaining MWh × the national average factor excluding
  market-traded non-fossil electricity (MEE/NBS publish it for exactly this use), or the grid
  average where that factor is not published for the year;
- scope 2, purchased heat and steam: GJ × the published default heat factor.

The headline total is scope 1 + market-based scope 2 (certificates bought count, as the national
green-certificate policy makes them the proof of renewable electricity consumption); the
location-based total is always reported beside it. Every number in a line carries its unit and the
factor it came from, so a verifier can redo the arithmetic from the page."""

from dataclasses import dataclass, field
from decimal import Decimal

from .activity import FUELS, HIGHER_IS_BETTER, Kind, SiteData, Target, month_label, validate
from .errors import ErrorCollector
from .factors import Factor, FactorSet
from .i18n import _
from .units import UNITS, convert

CO2_PER_C = Decimal(44) / Decimal(12)  # molar mass ratio of CO2 to C: chemistry, not a published factor


@dataclass(frozen=True)
class Step:
    """One multiplication in a line: × value unit (from factor_id, cited in source)."""

    label: str
    value: Decimal
    unit: str
    factor_id: str | None = None
    source: str | None = None
    shown_as: str = ""  # how the value is written when its decimal form would hide an exact ratio

    def __str__(self) -> str:
        return f"{self.shown_as or fmt(self.value)} {self.unit}".rstrip()


@dataclass(frozen=True)
class Line:
    scope: int
    kind: str
    basis: str  # "direct" (scope 1), "location" or "market" (electricity), "heat"
    quantity: Decimal
    unit: str
    steps: tuple[Step, ...]
    emissions: Decimal  # tCO2
    entered: tuple[str, ...] = ()  # the figures as entered (unit, month), added up into `quantity`
    note: str = ""

    def formula(self) -> str:
        parts = [f"{fmt(self.quantity)} {self.unit}"] + [str(step) for step in self.steps]
        return " × ".join(parts) + f" = {fmt(self.emissions)} tCO2"


@dataclass(frozen=True)
class Progress:
    metric: str
    base_year: int
    base_value: Decimal
    target_year: int
    target_value: Decimal
    current: Decimal | None
    achieved: Decimal | None  # share of the way from base to target covered (1 = target met)
    expected_now: Decimal  # where a straight path from base to target would be in this year
    on_track: bool | None


@dataclass(frozen=True)
class Account:
    period: str
    province: str
    lines: tuple[Line, ...]
    scope1: Decimal
    scope2_location: Decimal
    scope2_market: Decimal
    electricity_consumed: Decimal  # MWh: grid + own renewables
    renewable_electricity: Decimal  # MWh: own renewables + green certificates
    renewable_share: Decimal | None
    intensity_per_output: Decimal | None
    output_unit: str
    intensity_per_value_added: Decimal | None  # tCO2 per 10^4 CNY
    factors: FactorSet
    progress: tuple[Progress, ...] = field(default=())

    @property
    def total_location(self) -> Decimal:
        return self.scope1 + self.scope2_location

    @property
    def total_market(self) -> Decimal:
        return self.scope1 + self.scope2_market

    @property
    def total(self) -> Decimal:
        return self.total_market

    def metric(self, name: str) -> Decimal | None:
        return {
            "total_emissions": self.total,
            "intensity_per_output": self.intensity_per_output,
            "intensity_per_value_added": self.intensity_per_value_added,
            "renewable_share": self.renewable_share,
        }[name]


def account(data: SiteData, factors: FactorSet, targets: list[Target] = ()) -> Account:
    """The account of `data` computed with exactly `factors`; raises AccountingError on bad input."""
    totals = totals_by_kind(data, factors)
    lines = [*fuel_lines(totals, factors), *electricity_lines(totals, factors), *heat_lines(totals, factors)]
    partial = summarise(data, factors, lines, totals)
    progress = tuple(progress_towards(target, partial.metric(target.metric), data.period.year) for target in targets)
    return Account(**{**partial.__dict__, "progress": progress})


def canonical_unit(kind: str, factors: FactorSet) -> str:
    """The unit a kind is added up in: the unit its factor applies per (MWh for electricity)."""
    if kind in FUELS:
        return factors.fuels[kind].net_calorific_value.denominator
    if kind == Kind.PURCHASED_HEAT:
        return factors.heat.denominator
    return "MWh"


Totals = dict[str, tuple[Decimal, tuple[str, ...]]]


def totals_by_kind(data: SiteData, factors: FactorSet) -> Totals:
    """Sum of the period's entries per kind, in the kind's canonical unit, with the entries as typed.
    Validation and unit mismatches are reported together, before anything is computed."""
    errors = validate(data, ErrorCollector())
    totals: Totals = {}
    for index, activity in enumerate(data.activities):
        if data.period.month is not None and activity.month != data.period.month:
            continue
        if any(key.startswith(f"activities[{index}]") for key in errors.errors) or activity.unit not in UNITS:
            continue
        if activity.kind in FUELS and activity.kind not in factors.fuels:
            errors.add(
                f"activities[{index}].kind",
                _("No published factors for %(kind)s in the factor set.") % {"kind": activity.kind},
            )
            continue
        target = canonical_unit(activity.kind, factors)
        if UNITS[activity.unit].dimension != UNITS[target].dimension:
            errors.add(f"activities[{index}].unit", mismatch_message(activity.kind, activity.unit, target))
            continue
        quantity, entered = totals.get(activity.kind, (Decimal(0), ()))
        typed = f"{fmt(activity.quantity)} {activity.unit} ({month_label(activity.month)})"
        totals[activity.kind] = (quantity + convert(activity.quantity, activity.unit, target), (*entered, typed))
    grid = total_of(totals, Kind.GRID_ELECTRICITY)
    certificates = total_of(totals, Kind.GREEN_CERTIFICATES)
    if certificates > grid:
        errors.add(
            "activities",
            _(
                "Green certificates (%(certificates)s MWh) exceed the grid electricity purchased (%(grid)s MWh): "
                "certificates can only cover electricity the site bought from the grid."
            )
            % {"certificates": fmt(certificates), "grid": fmt(grid)},
        )
    errors.raise_if_any()
    return totals


def total_of(totals: Totals, kind: str) -> Decimal:
    return totals.get(kind, (Decimal(0), ()))[0]


def mismatch_message(kind: str, entered: str, expected: str) -> str:
    entered_unit, expected_unit = UNITS[entered], UNITS[expected]
    return _(
        "%(kind)s is entered in %(unit)s (%(dimension)s) but its emission factor applies per %(expected)s "
        "(%(expected_dimension)s); enter it in %(expected)s or another unit of %(expected_dimension)s."
    ) % {
        "kind": kind,
        "unit": entered,
        "dimension": _(entered_unit.dimension),
        "expected": expected,
        "expected_dimension": _(expected_unit.dimension),
    }


def factor_step(label: str, factor: Factor) -> Step:
    if factor.denominator is None:
        return Step(label, factor.fraction, "", factor.id, factor.cite())
    return Step(label, factor.value, factor.unit_label, factor.id, factor.cite())


def conversion_step(from_code: str, to_code: str) -> Step | None:
    if from_code == to_code:
        return None
    ratio = UNITS[from_code].to_base / UNITS[to_code].to_base
    return Step("unit conversion", ratio, f"{to_code}/{from_code}")


def fuel_lines(totals: Totals, factors: FactorSet) -> list[Line]:
    lines = []
    for kind in sorted(k for k in totals if k in FUELS):
        quantity, entered = totals[kind]
        params = factors.fuels[kind]
        ncv, carbon, oxidation = params.net_calorific_value, params.carbon_content, params.oxidation_rate
        steps = [
            factor_step("net calorific value", ncv),
            conversion_step(ncv.numerator, carbon.denominator),
            factor_step("carbon content per unit heat", carbon),
            factor_step("oxidation rate", oxidation),
            Step("CO2 per C", CO2_PER_C, "tCO2/tC", shown_as="44/12"),
        ]
        steps = tuple(step for step in steps if step is not None)
        lines.append(Line(1, kind, "direct", quantity, ncv.denominator, steps, product(quantity, steps), entered))
    return lines


def electricity_lines(totals: Totals, factors: FactorSet) -> list[Line]:
    if Kind.GRID_ELECTRICITY not in totals:
        return []
    grid, entered = totals[Kind.GRID_ELECTRICITY]
    certificates = total_of(totals, Kind.GREEN_CERTIFICATES)
    location_steps = (factor_step("provincial average grid factor", factors.grid_location),)
    residual = factors.grid_residual or factors.grid_location
    residual_label = (
        "national average factor excluding market-traded non-fossil electricity"
        if factors.grid_residual
        else "provincial average grid factor (no residual factor published for this year)"
    )
    uncovered = grid - certificates
    market_steps = (factor_step(residual_label, residual),)
    return [
        Line(2, Kind.GRID_ELECTRICITY, "location", grid, "MWh", location_steps, product(grid, location_steps), entered),
        Line(
            2,
            Kind.GRID_ELECTRICITY,
            "market",
            uncovered,
            "MWh",
            market_steps,
            product(uncovered, market_steps),
            entered,
            note=f"grid {fmt(grid)} MWh − green certificates {fmt(certificates)} MWh (certificates count as 0 tCO2)",
        ),
    ]


def heat_lines(totals: Totals, factors: FactorSet) -> list[Line]:
    if Kind.PURCHASED_HEAT not in totals:
        return []
    quantity, entered = totals[Kind.PURCHASED_HEAT]
    steps = (factor_step("purchased heat factor", factors.heat),)
    emissions = product(quantity, steps)
    return [Line(2, Kind.PURCHASED_HEAT, "heat", quantity, factors.heat.denominator, steps, emissions, entered)]


def product(quantity: Decimal, steps: tuple[Step, ...]) -> Decimal:
    result = quantity
    for step in steps:
        result *= step.value
    return result


def summarise(data: SiteData, factors: FactorSet, lines: list[Line], totals: Totals) -> Account:
    def of(kind: str) -> Decimal:
        return total_of(totals, kind)

    scope1 = sum((line.emissions for line in lines if line.scope == 1), Decimal(0))
    heat = sum((line.emissions for line in lines if line.basis == "heat"), Decimal(0))
    location = heat + sum((line.emissions for line in lines if line.basis == "location"), Decimal(0))
    market = heat + sum((line.emissions for line in lines if line.basis == "market"), Decimal(0))
    consumed = of(Kind.GRID_ELECTRICITY) + of(Kind.OWN_RENEWABLE_ELECTRICITY)
    renewable = of(Kind.OWN_RENEWABLE_ELECTRICITY) + of(Kind.GREEN_CERTIFICATES)
    output = data.output
    total = scope1 + market
    value_added = convert(output.value_added, output.value_added_unit, "10^4 CNY") if output.value_added else None
    return Account(
        period=str(data.period),
        province=factors.province,
        lines=tuple(lines),
        scope1=scope1,
        scope2_location=location,
        scope2_market=market,
        electricity_consumed=consumed,
        renewable_electricity=renewable,
        renewable_share=renewable / consumed if consumed else None,
        intensity_per_output=total / output.quantity if output.quantity else None,
        output_unit=output.unit,
        intensity_per_value_added=total / value_added if value_added else None,
        factors=factors,
    )


def progress_towards(target: Target, current: Decimal | None, year: int) -> Progress:
    span = target.target_year - target.base_year
    elapsed = min(max(year - target.base_year, 0), span) if span > 0 else span
    expected = target.base_value + (target.target_value - target.base_value) * (Decimal(elapsed) / span if span else 1)
    distance = target.target_value - target.base_value
    achieved = (current - target.base_value) / distance if current is not None and distance else None
    if current is None:
        on_track = None
    elif target.metric in HIGHER_IS_BETTER:
        on_track = current >= expected
    else:
        on_track = current <= expected
    return Progress(
        target.metric,
        target.base_year,
        target.base_value,
        target.target_year,
        target.target_value,
        current,
        achieved,
        expected,
        on_track,
    )


def fmt(value: Decimal) -> str:
    """A number as a verifier reads it: grouped thousands, at most 4 decimals, no exponent."""
    rounded = value.quantize(Decimal("0.0001")) if value == value.to_integral_value() or abs(value) < 10**20 else value
    text = f"{rounded:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
