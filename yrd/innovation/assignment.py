"""Reviewer assignment as conference systems do it (OpenReview's min-cost-flow matcher): each proposal
gets exactly k reviewers, no reviewer more than their load, no pair with a conflict of interest, at
least one reviewer from a province other than the proposal's, and the total topical fit as high as
possible.

The network (flows are reviewer slots):

    source --(load r)--> reviewer r --(1, -fit)--> proposal p: "other province" | "same province"
    p:other --[1, k]--> p      p:same --[0, k-1]--> p      p --(k)--> sink

The lower bound of 1 on p:other -> p is removed the standard way (the edge's capacity drops by 1, its
tail owes one unit and its head receives one), so OR-Tools' SimpleMinCostFlow solves it exactly; the
network is totally unimodular, so the optimum is integral. Fit is scaled to integer costs.
This module is pure Python: no Django, so tests and the bench use it directly."""

from dataclasses import dataclass, field

from ortools.graph.python import min_cost_flow

SCALE = 1_000_000


@dataclass(frozen=True)
class Paper:
    key: object
    province: str
    organisations: frozenset  # lead and co-applicants


@dataclass(frozen=True)
class Referee:
    key: object
    province: str
    institution: object
    load: int
    conflicts: frozenset = field(default_factory=frozenset)  # declared organisations


class Infeasible(Exception):
    """No assignment meets every rule; `reason` says which rule cannot be met."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def conflicted(paper: Paper, referee: Referee) -> bool:
    return referee.institution in paper.organisations or bool(referee.conflicts & paper.organisations)


def assign(papers: list[Paper], referees: list[Referee], fit, k: int) -> dict:
    """{paper key: [referee keys]} maximising the sum of fit(paper, referee) over assigned pairs.
    `fit` returns a float in [0, 1]. Raises Infeasible."""
    if not papers:
        return {}
    _precheck(papers, referees, k)
    network = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    referee_node = {r.key: 2 + i for i, r in enumerate(referees)}
    base = 2 + len(referees)
    supply = {source: len(papers) * k, sink: -len(papers) * k}
    arcs = {}
    for referee in referees:
        network.add_arc_with_capacity_and_unit_cost(source, referee_node[referee.key], referee.load, 0)
    for j, paper in enumerate(papers):
        other, same, hub = base + 3 * j, base + 3 * j + 1, base + 3 * j + 2
        network.add_arc_with_capacity_and_unit_cost(other, hub, k - 1, 0)
        supply[other] = supply.get(other, 0) - 1
        supply[hub] = supply.get(hub, 0) + 1
        if k > 1:
            network.add_arc_with_capacity_and_unit_cost(same, hub, k - 1, 0)
        network.add_arc_with_capacity_and_unit_cost(hub, sink, k, 0)
        for referee in referees:
            if conflicted(paper, referee):
                continue
            head = other if referee.province != paper.province else same
            cost = -round(fit(paper, referee) * SCALE)
            arc = network.add_arc_with_capacity_and_unit_cost(referee_node[referee.key], head, 1, cost)
            arcs[arc] = (paper.key, referee.key)
    for node, amount in supply.items():
        network.set_node_supply(node, amount)
    status = network.solve()
    if status != network.OPTIMAL:
        raise Infeasible("no assignment gives every proposal its reviewers within loads and rules")
    chosen = {paper.key: [] for paper in papers}
    for arc, (paper_key, referee_key) in arcs.items():
        if network.flow(arc):
            chosen[paper_key].append(referee_key)
    return chosen


def _precheck(papers, referees, k):
    """Reasons that can be named before solving."""
    if k < 1:
        raise Infeasible("each proposal needs at least one reviewer")
    if sum(r.load for r in referees) < len(papers) * k:
        raise Infeasible("the reviewers' loads add up to fewer slots than the proposals need")
    for paper in papers:
        eligible = [r for r in referees if not conflicted(paper, r)]
        if len(eligible) < k:
            raise Infeasible(f"proposal {paper.key} has fewer than {k} reviewers without a conflict")
        if not any(r.province != paper.province for r in eligible):
            raise Infeasible(f"proposal {paper.key} has no reviewer without a conflict from another province")


def total_fit(chosen: dict, papers: list[Paper], referees: list[Referee], fit) -> float:
    by_paper = {p.key: p for p in papers}
    by_referee = {r.key: r for r in referees}
    return sum(fit(by_paper[p], by_referee[r]) for p, rs in chosen.items() for r in rs)


def keyword_fit(keywords: set[str], fields: set[str]) -> float:
    """Topical fit: the share of the proposal's keywords the reviewer's fields cover (0..1)."""
    if not keywords:
        return 0.0
    return len(keywords & fields) / len(keywords)


def keywords(text: str) -> set[str]:
    return {w.strip().lower() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()}
