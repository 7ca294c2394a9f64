"""Emission factors with the publication each comes from, and the choice of factors for an account.

Nothing here knows a factor's value: values live in `yrd/green/data/emission_factors.csv` (and,
in the app, in the database), each with its publication, the table it was read from, its data year
and its unit. `FactorCatalogue.select(year=, province=)` picks, for every quantity an account needs,
the factor with the latest data year not after the accounting year, and returns a `FactorSet`: the
exact factors an account is computed with. A FactorSet serialises to a plain dict, so a reviewed
year can keep what it was computed with however the catalogue changes later."""

import csv
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path

from .errors import AccountingError
from .i18n import _
from .units import unit

DATA = Path(__file__).resolve().parent.parent / "data"

GRID_AVERAGE = "grid_average"
GRID_RESIDUAL = "grid_excluding_market_non_fossil"
HEAT = "purchased_heat"
NET_CALORIFIC_VALUE = "net_calorific_value"
CARBON_CONTENT = "carbon_content"
OXIDATION_RATE = "oxidation_rate"
FUEL_PARAMETERS = (NET_CALORIFIC_VALUE, CARBON_CONTENT, OXIDATION_RATE)
NATIONAL = "national"


@dataclass(frozen=True)
class Publication:
    id: str
    issuer: str
    number: str
    title_zh: str
    title_en: str
    published: str  # ISO date
    url: str
    read_via: str

    def cite(self) -> str:
        number = f" ({self.number})" if self.number else ""
        return f"{self.issuer}, {self.title_zh}{number}, {self.published}"


@dataclass(frozen=True)
class Factor:
    """One published value. `denominator` None means a fraction (a percentage or a plain ratio)."""

    id: str
    quantity: str  # GRID_AVERAGE, HEAT, "net_calorific_value:natural_gas", ...
    region: str  # a province adcode, "east_china" or NATIONAL
    data_year: int
    value: Decimal
    numerator: str
    denominator: str | None
    publication: Publication
    table: str

    @property
    def unit_label(self) -> str:
        return self.numerator if self.denominator is None else f"{self.numerator}/{self.denominator}"

    @property
    def fraction(self) -> Decimal:
        """The value as a plain fraction (94 % -> 0.94); only for dimensionless factors."""
        return self.value / 100 if self.numerator == "%" else self.value

    def cite(self) -> str:
        return f"{self.publication.cite()}, {self.table}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["value"] = str(self.value)
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> "Factor":
        fields = dict(data)
        fields["value"] = Decimal(fields["value"])
        fields["publication"] = Publication(**fields["publication"])
        return cls(**fields)


@dataclass(frozen=True)
class FuelParameters:
    net_calorific_value: Factor  # GJ per unit of fuel
    carbon_content: Factor  # tC per unit of heat
    oxidation_rate: Factor  # % or fraction


@dataclass(frozen=True)
class FactorSet:
    """The factors one account is computed with."""

    year: int
    province: str
    grid_location: Factor
    grid_residual: Factor | None  # None: not published for this year; market-based then uses grid_location
    heat: Factor
    fuels: Mapping[str, FuelParameters]

    def all_factors(self) -> list[Factor]:
        fuel_factors = [factor for params in self.fuels.values() for factor in asdict_shallow(params).values()]
        grid = [self.grid_location] + ([self.grid_residual] if self.grid_residual else [])
        return [*grid, self.heat, *fuel_factors]

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "province": self.province,
            "grid_location": self.grid_location.to_dict(),
            "grid_residual": self.grid_residual.to_dict() if self.grid_residual else None,
            "heat": self.heat.to_dict(),
            "fuels": {
                fuel: {name: factor.to_dict() for name, factor in asdict_shallow(params).items()}
                for fuel, params in self.fuels.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> "FactorSet":
        return cls(
            year=data["year"],
            province=data["province"],
            grid_location=Factor.from_dict(data["grid_location"]),
            grid_residual=Factor.from_dict(data["grid_residual"]) if data["grid_residual"] else None,
            heat=Factor.from_dict(data["heat"]),
            fuels={
                fuel: FuelParameters(**{name: Factor.from_dict(f) for name, f in params.items()})
                for fuel, params in data["fuels"].items()
            },
        )


def asdict_shallow(params: FuelParameters) -> dict[str, Factor]:
    return {name: getattr(params, name) for name in FUEL_PARAMETERS}


def parse_unit(label: str) -> tuple[str, str | None]:
    """'tCO2/MWh' -> ('tCO2', 'MWh'); '%' -> ('%', None). Both parts must be known units."""
    numerator, _, denominator = label.partition("/")
    for code in (numerator, denominator):
        if code and code not in ("%", "1"):
            unit(code)
    return numerator, denominator or None


class FactorCatalogue:
    def __init__(self, factors: Iterable[Factor]):
        self.factors = list(factors)

    @classmethod
    def from_csv(cls, publications_path: Path, factors_path: Path) -> "FactorCatalogue":
        publications = {row["id"]: Publication(**row) for row in read_csv(publications_path)}
        return cls(factor_from_row(row, publications) for row in read_csv(factors_path))

    @classmethod
    def published(cls) -> "FactorCatalogue":
        """The factors shipped with the platform (see data/SOURCES.md)."""
        return cls.from_csv(DATA / "publications.csv", DATA / "emission_factors.csv")

    def fuels(self) -> list[str]:
        return sorted({f.quantity.split(":", 1)[1] for f in self.factors if f.quantity.startswith(NET_CALORIFIC_VALUE)})

    def latest(self, quantity: str, region: str, year: int) -> Factor | None:
        candidates = [f for f in self.factors if f.quantity == quantity and f.region == region and f.data_year <= year]
        return max(candidates, key=lambda f: f.data_year, default=None)

    def select(self, *, year: int, province: str) -> FactorSet:
        missing: list[str] = []

        def need(quantity: str, region: str) -> Factor | None:
            found = self.latest(quantity, region, year)
            if found is None:
                missing.append(
                    _("%(quantity)s for %(region)s with a data year of %(year)s or earlier")
                    % {"quantity": quantity, "region": region, "year": year}
                )
            return found

        grid_location = need(GRID_AVERAGE, province)
        grid_residual = self.latest(GRID_RESIDUAL, NATIONAL, year)  # optional: see FactorSet
        heat = need(HEAT, NATIONAL)
        fuels = {fuel: [need(f"{name}:{fuel}", NATIONAL) for name in FUEL_PARAMETERS] for fuel in self.fuels()}
        if missing:
            message = _("No published factor in the catalogue: %(item)s.")
            raise AccountingError({"factors": [message % {"item": item} for item in missing]})
        return FactorSet(
            year=year,
            province=province,
            grid_location=grid_location,
            grid_residual=grid_residual,
            heat=heat,
            fuels={fuel: FuelParameters(*params) for fuel, params in fuels.items()},
        )


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def factor_from_row(row: Mapping[str, str], publications: Mapping[str, Publication]) -> Factor:
    numerator, denominator = parse_unit(row["unit"])
    return Factor(
        id=row["id"],
        quantity=row["quantity"],
        region=row["region"],
        data_year=int(row["data_year"]),
        value=Decimal(row["value"]),
        numerator=numerator,
        denominator=denominator,
        publication=publications[row["publication_id"]],
        table=row["table"],
    )
