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
at least its plan. The objective is the sum of lost OEM units.

Lead times. An existing supplier keeps delivering its usual share from day one (its share × the
customer's daily need, a flow already in the pipeline), but volume beyond that share only arrives
after the relation's lead time L. So a link with L >= T delivers at most its share over the horizon,
and for every lead time τ < T among a customer's suppliers of a part there is a gap row: what the
customer must have made by τ is at least its output minus what its capacity can still make after τ
(it works as late as it can), and by τ it has only its inventory, the usual share of the links not yet
ramped up (L >= τ), and the volume of the links that have (arrivals a[r,τ] <= x[r]). A customer
therefore bridges the gap until its fastest alternative arrives on inventory and usual shares only.
Upstream the timing is aggregated: a supplier's shipments by τ are bounded by its shipments over the
horizon, not by what it could have made by τ.

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


def build(
    chain: Chain, days: float | None, window: tuple[float, float] = (0.0, HORIZON_DAYS), only: int | None = None
) -> Model:
    """The loss model over `days`, or (days=None) the time-to-survive model in t, for t in `window`
    (no lead time strictly inside it, so the same links have ramped up for every t of it); `only`
    holds the plan of that one OEM in the time model (the others may fall short)."""
    if days is not None and days <= 0:
        raise DisruptionError("days must be positive")
    program = LinearProgram(maximise=days is None)
    rates = _rates(chain)
    time = program.column(cost=1.0, lower=window[0], upper=window[1]) if days is None else None
    window = (days, days) if days is not None else window
    latest = {}  # (customer, product, τ) -> column y: made by τ at the latest schedule
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
        if daily_need > 0:
            gap = Gap(program, production, rates, customer, uses, daily_need, stock, time, window)
            gap.add(arriving, latest)
    lost = {}
    for firm in chain.oems():
        for component, units in chain.firms[firm].capacity.items():
            rate = units / DAYS_PER_YEAR
            if days is None and only is not None and firm != only:
                continue
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
class Gap:
    """The gap rows of one customer's part (see the module's docstring)."""

    program: LinearProgram
    production: dict
    rates: dict
    customer: int
    uses: dict  # product -> quantity of the part per unit
    daily_need: float
    stock: float
    time: int | None
    window: tuple

    def ramped(self, lead: float) -> bool:
        """The link's extra volume arrives within the horizon (for every t of the window)."""
        return lead < self.window[1] if self.time is None else lead <= self.window[0]

    def add(self, arriving, latest: dict) -> None:
        for column, link in arriving:
            if not self.ramped(link.lead_time_days):  # its usual share only, over the horizon
                usual = link.share / 100 * self.daily_need
                if self.time is None:
                    self.program.row({column: 1.0}, upper=usual * self.window[1])
                else:
                    self.program.row({column: 1.0, self.time: -usual}, upper=0.0)
        for tau in sorted({link.lead_time_days for _c, link in arriving if link.lead_time_days > 0}):
            if self.ramped(tau):
                self._checkpoint(float(tau), arriving, latest)

    def _checkpoint(self, tau: float, arriving, latest: dict) -> None:
        row = {}
        for product, q in self.uses.items():
            rate = self.rates.get((self.customer, product))
            if rate is None:
                continue  # no capacity recorded: it can make everything after the gap
            key = (self.customer, product, tau)
            if key not in latest:
                latest[key] = self.program.column()
                made = self.production[(self.customer, product)]
                if self.time is None:  # y >= P - rate (T - τ)
                    self.program.row({latest[key]: 1.0, made: -1.0}, lower=-rate * (self.window[1] - tau))
                else:  # y >= P - rate (t - τ)
                    self.program.row({latest[key]: 1.0, made: -1.0, self.time: rate}, lower=rate * tau)
            row[latest[key]] = row.get(latest[key], 0.0) + q
        if not row:
            return
        for column, link in arriving:
            if link.lead_time_days < tau:  # ramped up by τ: what it ships counts in full
                row[column] = -1.0
                continue
            by_tau = self.program.column(upper=link.share / 100 * self.daily_need * tau)  # the usual share
            self.program.row({by_tau: 1.0, column: -1.0}, upper=0.0)
            row[by_tau] = -1.0
        self.program.row(row, upper=self.stock)


@dataclass
class Outcome:
    stopped: tuple
    days: float
    total_lost: float  # OEM units lost beyond the undisrupted model
    lost_by_oem: dict  # firm -> units (one optimal allocation; the total is unique)
    time_to_survive: float | None = None  # days; HORIZON_DAYS means "at least the horizon"
    survival_by_oem: dict = field(default_factory=dict)  # OEM downstream of a stopped firm -> its days


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


def time_to_survive(chain: Chain, stopped, oem: int | None = None) -> float:
    """Days the OEMs (or the one `oem`) keep their planned output with `stopped` at zero
    (HORIZON_DAYS at most). Between two lead times the same links have ramped up, so the time model
    is one LP per window; being able to last t days means lasting any shorter time, so the answer is
    the window's optimum of the last window that is feasible at its start."""
    leads = sorted({float(link.lead_time_days) for link in chain.links if 0 < link.lead_time_days < HORIZON_DAYS})
    edges = [0.0, *leads, HORIZON_DAYS]
    best = 0.0
    for low, high in zip(edges, edges[1:], strict=False):
        found = _survive_within(chain, stopped, (low, high), oem)
        if found is None:
            break
        best = found
        if found < high - 1e-9:
            break
    return best


def _survive_within(chain: Chain, stopped, window: tuple, oem: int | None) -> float | None:
    model = build(chain, None, window, only=oem)
    for firm in stopped:
        for column in model.by_firm.get(firm, []):
            model.program.col_upper[column] = 0.0
    solution = solve(model.program.highs())
    if solution.status == "Infeasible":
        return None
    if not solution.optimal:
        raise DisruptionError(f"the time-to-survive model has no optimum ({solution.status})")
    return float(solution.values[model.time])


def downstream_oems(chain: Chain, stopped) -> list[int]:
    """The OEMs a stop can reach through the supply relations (the others are not affected by it)."""
    customers = defaultdict(set)
    for link in chain.links:
        customers[link.supplier].add(link.customer)
    seen, todo = set(stopped), list(stopped)
    while todo:
        for customer in customers[todo.pop()] - seen:
            seen.add(customer)
            todo.append(customer)
    return sorted(firm for firm in seen if firm in chain.firms and chain.firms[firm].tier == "oem")


def survival_by_oem(chain: Chain, stopped) -> dict[int, float]:
    """Each affected OEM's own time to survive: the time model holding that OEM's plan only."""
    return {oem: time_to_survive(chain, stopped, oem) for oem in downstream_oems(chain, stopped)}


def analyse(chain: Chain, stopped, days: float) -> Outcome:
    outcome = Analyser(chain, days).outcome(stopped)
    outcome.time_to_survive = time_to_survive(chain, outcome.stopped)
    outcome.survival_by_oem = survival_by_oem(chain, outcome.stopped)
    return outcome
