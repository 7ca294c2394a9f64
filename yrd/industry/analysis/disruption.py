"""Disruption analysis the way Simchi-Levi et al. did it at Ford ("Identifying risks and mitigating
disruptions in the automotive supply chain", Interfaces 45(5), 2015): for a node (an enterprise, or
every enterprise of a city) that stops for its time-to-recover T days, a linear program finds the
least output the OEMs lose when every other enterprise reallocates what it can make, customers draw
on their inventory, and customers turn to the other suppliers they already have (no new supplier is
qualified within T). The time-to-survive is the longest time the OEMs keep their planned output with
the node stopped (a second LP, in t).

Variables over the horizon: p[e,c] units enterprise e makes of component c (at most its capacity ×
T; 0 if stopped; unbounded if no capacity is recorded), x[r] units shipped over relation r, and
lost[e,c] units an OEM falls short of its planned output (its capacity × T). Rows: a supplier ships
no more than it makes; what a customer makes needs its parts (bill of materials) from its suppliers
plus its inventory (inventory days × its share × its daily need); an OEM's output plus its loss is
at least its plan. The objective is the sum of lost OEM units. Lead times are not modelled (an
existing supplier delivers more from day one): an assumption stated on the report page.

Loss is measured against the same model without a disruption, so data that already falls short
(a supplier short of capacity) is not counted as the disruption's loss."""

from collections import defaultdict
from dataclasses import dataclass, field

from .chain import Chain
from .lp import INF, LinearProgram, solve

DAYS_PER_YEAR = 365.0
HORIZON_DAYS = 365.0


class DisruptionError(ValueError):
    pass


@dataclass
class Model:
    program: LinearProgram
    production: dict  # (firm, component) -> column
    lost: dict  # (oem, component) -> column
    upper: dict  # column -> upper bound when not stopped
    time: int | None = None  # the column t of the time-to-survive model
    by_firm: dict = field(default_factory=dict)  # firm -> [production columns]


def _rates(chain: Chain) -> dict:
    return {(f.id, c): units / DAYS_PER_YEAR for f in chain.firms.values() for c, units in f.capacity.items()}


def build(chain: Chain, days: float | None) -> Model:
    """The loss model over `days`, or (days=None) the time-to-survive model in t."""
    if days is not None and days <= 0:
        raise DisruptionError("days must be positive")
    program = LinearProgram(maximise=days is None)
    rates = _rates(chain)
    time = program.column(cost=1.0, lower=0.0, upper=HORIZON_DAYS) if days is None else None
    made = {key for key in rates} | {(link.supplier, link.component) for link in chain.links}
    production, upper = {}, {}
    for key in sorted(made):
        rate = rates.get(key)
        bound = INF if rate is None or days is None else rate * days
        production[key] = program.column(lower=0.0, upper=bound)
        upper[production[key]] = bound
        if rate is not None and days is None:
            program.row({production[key]: 1.0, time: -rate}, upper=0.0)
    shipments = [program.column() for _link in chain.links]
    outgoing, incoming = defaultdict(list), defaultdict(list)
    for column, link in zip(shipments, chain.links, strict=True):
        outgoing[(link.supplier, link.component)].append(column)
        incoming[(link.customer, link.component)].append((column, link))
    for key, columns in outgoing.items():
        program.row({**{c: 1.0 for c in columns}, production[key]: -1.0}, upper=0.0)
    products = defaultdict(list)
    for firm, component in production:
        products[firm].append(component)
    for (customer, part), arriving in incoming.items():
        uses = {product: chain.bom.get(product, {}).get(part, 0.0) for product in products[customer]}
        uses = {product: q for product, q in uses.items() if q > 0}
        if not uses:
            continue
        daily_need = sum(q * rates.get((customer, product), 0.0) for product, q in uses.items())
        stock = sum(link.share / 100 * link.inventory_days * daily_need for _c, link in arriving)
        coefficients = {column: 1.0 for column, _link in arriving}
        for product, q in uses.items():
            coefficients[production[(customer, product)]] = -q
        program.row(coefficients, lower=-stock)
    lost = {}
    for firm in chain.oems():
        for component, units in chain.firms[firm].capacity.items():
            rate = units / DAYS_PER_YEAR
            if days is None:
                program.row({production[(firm, component)]: 1.0, time: -rate}, lower=0.0)
            else:
                lost[(firm, component)] = program.column(cost=1.0)
                program.row({production[(firm, component)]: 1.0, lost[(firm, component)]: 1.0}, lower=rate * days)
    by_firm = defaultdict(list)
    for (firm, _component), column in production.items():
        by_firm[firm].append(column)
    return Model(program, production, lost, upper, time, dict(by_firm))


@dataclass
class Outcome:
    stopped: tuple
    days: float
    total_lost: float  # OEM units lost beyond the undisrupted model
    lost_by_oem: dict  # firm -> units (one optimal allocation; the total is unique)
    time_to_survive: float | None = None  # days; HORIZON_DAYS means "at least the horizon"


class Analyser:
    """One model per horizon, re-solved per scenario by changing bounds (HiGHS keeps its basis)."""

    def __init__(self, chain: Chain, days: float):
        self.chain, self.days = chain, float(days)
        self.model = build(chain, self.days)
        self.highs = self.model.program.highs()
        self.baseline = self._solve(())

    def _solve(self, stopped) -> dict:
        columns = [c for firm in stopped for c in self.model.by_firm.get(firm, [])]
        self._bounds(columns, zero=True)
        solution = solve(self.highs)
        self._bounds(columns, zero=False)
        if not solution.optimal:
            raise DisruptionError(f"the disruption model has no optimum ({solution.status})")
        by_oem = defaultdict(float)
        for (firm, _component), column in self.model.lost.items():
            by_oem[firm] += float(solution.values[column])
        return dict(by_oem)

    def _bounds(self, columns, *, zero: bool) -> None:
        if not columns:
            return
        uppers = [0.0 if zero else self.model.upper[c] for c in columns]
        self.highs.changeColsBounds(len(columns), columns, [0.0] * len(columns), uppers)

    def outcome(self, stopped) -> Outcome:
        stopped = tuple(sorted(set(stopped)))
        unknown = [f for f in stopped if f not in self.chain.firms]
        if unknown:
            raise DisruptionError(f"unknown enterprises: {unknown}")
        lost = self._solve(stopped)
        by_oem = {firm: max(0.0, lost.get(firm, 0.0) - self.baseline.get(firm, 0.0)) for firm in lost}
        total = max(0.0, sum(lost.values()) - sum(self.baseline.values()))
        return Outcome(stopped, self.days, total, {f: v for f, v in by_oem.items() if v > 1e-9})

    def rank_firms(self, firms=None) -> list[tuple[int, float]]:
        """(firm, OEM units lost if it alone stops for the horizon), most costly first."""
        candidates = sorted(firms if firms is not None else self.chain.firms)
        ranked = [(firm, self.outcome((firm,)).total_lost) for firm in candidates]
        return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))

    def rank_cities(self) -> list[tuple[str, float]]:
        by_city = defaultdict(list)
        for firm in self.chain.firms.values():
            by_city[firm.city].append(firm.id)
        ranked = [(city, self.outcome(firms).total_lost) for city, firms in by_city.items()]
        return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))


def time_to_survive(chain: Chain, stopped) -> float:
    """Days the OEMs keep their planned output with `stopped` at zero (HORIZON_DAYS at most)."""
    model = build(chain, None)
    for firm in stopped:
        for column in model.by_firm.get(firm, []):
            model.program.col_upper[column] = 0.0
    solution = solve(model.program.highs())
    if not solution.optimal:
        raise DisruptionError(f"the time-to-survive model has no optimum ({solution.status})")
    return float(solution.values[model.time])


def analyse(chain: Chain, stopped, days: float) -> Outcome:
    outcome = Analyser(chain, days).outcome(stopped)
    outcome.time_to_survive = time_to_survive(chain, outcome.stopped)
    return outcome
