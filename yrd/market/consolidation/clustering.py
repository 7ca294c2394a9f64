"""From scored pairs to enterprises: greedy clustering under constraints, in a fixed order.

Order of evidence, strongest first:
1. a reviewer's split (cannot-link) is never overridden;
2. a reviewer's merge (must-link) joins two clusters unless a split forbids it (then it is reported as a conflict);
3. a valid USCC links exactly: reports sharing one join;
4. model pairs at or above the threshold join, strongest first (ties broken by report id), unless the join would
   put into one cluster two different valid USCCs, two registered names (with a legal form, not an outlet) of
   different cities (苏州美佳食品有限公司 / 杭州美佳食品有限公司) or of unrelated industries (美佳食品有限公司 /
   美佳科技有限公司; 食品 and 食品科技 are related), or two reports a reviewer split.

Connected components would chain two firms through one ambiguous report (美佳旗舰店 scoring high with both);
refusing joins that contradict a cluster's identity stops the chain at the first contradiction.

Most groups have no contradiction at all: when the connected component of a group (over strong pairs and shared
USCCs) holds at most one USCC, one registration city and related industries, and no decision or earlier cluster
touches it, every join in it would be accepted, so it is taken whole (scipy) and only its uncertain pairs are
walked one by one, to know which of them made a join. The walk over every pair is kept for the other components.
The result is the same as walking every pair.

Contract: the same inputs give the same clusters and ids; a cluster's id is the smallest report id in it, or, when
`previous` labels are given and the cluster holds earlier members, the smallest of their earlier cluster ids — so
clusters keep their ids as reports arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


class DecisionKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on two reports: the same enterprise (merge) or not (split)."""

    report_a: str
    report_b: str
    kind: DecisionKind


class Refusal(StrEnum):
    SPLIT = "a reviewer split these reports"
    USCC = "different valid USCCs"
    CITY = "registered in different cities"
    INDUSTRY = "registered in unrelated industries"


@dataclass(slots=True)
class Clustering:
    labels: pd.Series  # report id → cluster id
    uncertain_joins: list[tuple[int, int, float]] = field(default_factory=list)  # model joins below review_high
    refusals: list[tuple[int, int, Refusal, float]] = field(default_factory=list)  # model pairs a rule refused
    conflicts: list[str] = field(default_factory=list)  # reviewer merges that contradict a reviewer split


@dataclass(frozen=True, slots=True)
class _Edges:
    left: np.ndarray
    right: np.ndarray
    weight: np.ndarray

    @classmethod
    def strong(cls, pairs: pd.DataFrame, threshold_weight: float, rank: np.ndarray) -> _Edges:
        """Pairs at or above the threshold, strongest first; ties in the order of the report ids (`rank` is each
        row's place in that order), so neither the backend's nor the input's row order matters."""
        chosen = pairs[pairs["match_weight"] >= threshold_weight]
        weight = chosen["match_weight"].to_numpy().round(6)  # backends differ in the last bits
        left, right = chosen["unique_id_l"].to_numpy(np.int64), chosen["unique_id_r"].to_numpy(np.int64)
        low, high = np.minimum(rank[left], rank[right]), np.maximum(rank[left], rank[right])
        order = np.lexsort((high, low, -weight))
        return cls(left[order], right[order], weight[order])

    def where(self, mask: np.ndarray) -> _Edges:
        return _Edges(self.left[mask], self.right[mask], self.weight[mask])


class _Forest:
    """Union–find over report positions; roots of watched clusters carry their identity (USCCs, cities,
    industries, splits) so a join that contradicts it can be refused."""

    def __init__(self, parent: list[int]):
        self.parent = parent  # plain lists: element access is several times faster than on numpy arrays
        self.size = [1] * len(parent)
        self.usccs: dict[int, set] = {}
        self.cities: dict[int, set] = {}
        self.industries: dict[int, set] = {}
        self.cannot: dict[int, set[int]] = {}

    def watch(self, positions: np.ndarray, usccs: np.ndarray, cities: np.ndarray, industries: np.ndarray) -> None:
        for table, values in ((self.usccs, usccs), (self.cities, cities), (self.industries, industries)):
            for i in positions[pd.notna(values[positions])].tolist():
                table[i] = {values[i]}

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def forbid(self, a: int, b: int) -> None:
        self.cannot.setdefault(a, set()).add(b)
        self.cannot.setdefault(b, set()).add(a)

    def split_between(self, ra: int, rb: int) -> bool:
        small, large = (ra, rb) if len(self.cannot.get(ra, ())) <= len(self.cannot.get(rb, ())) else (rb, ra)
        return any(self.find(other) == large for other in self.cannot.get(small, ()))

    def refusal(self, ra: int, rb: int) -> Refusal | None:
        if self.split_between(ra, rb):
            return Refusal.SPLIT
        if _disjoint(self.usccs.get(ra), self.usccs.get(rb)):
            return Refusal.USCC
        if _disjoint(self.cities.get(ra), self.cities.get(rb)):
            return Refusal.CITY
        if _unrelated(self.industries.get(ra), self.industries.get(rb)):
            return Refusal.INDUSTRY
        return None

    def union(self, ra: int, rb: int) -> int:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        for table in (self.usccs, self.cities, self.industries, self.cannot):
            moved = table.pop(rb, None)
            if moved:
                table.setdefault(ra, set()).update(moved)
        return ra


def _disjoint(a: set | None, b: set | None) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def _unrelated(a: set | None, b: set | None) -> bool:
    """Industry words are related when equal or one contains the other (食品 / 食品科技)."""
    return bool(a) and bool(b) and not any(x in y or y in x for x in a for y in b)


def cluster(
    features: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    threshold_weight: float,
    review_high: float = float("inf"),
    decisions: Iterable[Decision] = (),
    previous: pd.Series | None = None,
) -> Clustering:
    """Cluster reports. `features` has report_id, uscc_valid, formal_city, formal_industry, one row per report;
    `pairs` has unique_id_l, unique_id_r (row positions in `features`) and match_weight; `previous` (report id →
    cluster id) keeps earlier clusters whole and keeps their ids. Joins made by pairs below `review_high` are
    listed in `uncertain_joins`."""
    ids = features["report_id"].to_numpy()
    position = pd.Series(np.arange(len(ids)), index=ids)
    decisions = [d for d in decisions if d.report_a in position.index and d.report_b in position.index]
    attributes = _attributes(features)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
    edges = _Edges.strong(pairs, threshold_weight, rank)
    uscc_links = _uscc_links(attributes[0])
    previous_links = _previous_links(position, previous)
    component = _components(len(ids), edges, uscc_links, previous_links, decisions, position)
    careful = _careful_components(component, attributes, decisions, position, previous_links)
    forest = _Forest(_certain_parents(component, careful, edges, uscc_links, review_high))
    watched = np.flatnonzero(careful[component])
    forest.watch(watched, *attributes)
    result = Clustering(labels=pd.Series(dtype=object))
    _apply_decisions(forest, position, decisions, result)
    _join(forest, previous_links, result, check=True)
    _join(forest, uscc_links.where(careful[component[uscc_links.left]]), result, check=False)
    in_careful = careful[component[edges.left]]
    _walk(forest, edges.where(in_careful), review_high, result)
    easy = edges.where(~in_careful & (edges.weight < review_high))
    _walk(forest, easy, review_high, result)
    result.labels = _labels(forest, ids, previous)
    return result


def _attributes(features: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return tuple(features[c].to_numpy(dtype=object) for c in ("uscc_valid", "formal_city", "formal_industry"))


def _uscc_links(usccs: np.ndarray) -> _Edges:
    """Each report with a valid USCC linked to the next report with the same code."""
    having = np.flatnonzero(pd.notna(usccs))
    codes = pd.Series(usccs[having])
    order = np.lexsort((having, codes.to_numpy()))
    having, sorted_codes = having[order], codes.to_numpy()[order]
    same = sorted_codes[1:] == sorted_codes[:-1]
    left, right = having[:-1][same], having[1:][same]
    return _Edges(left, right, np.full(len(left), np.inf))


def _previous_links(position: pd.Series, previous: pd.Series | None) -> _Edges:
    if previous is None:
        return _Edges(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))
    known = previous[previous.index.isin(position.index)]
    members = position.reindex(known.index).to_numpy()
    order = np.lexsort((members, known.to_numpy().astype(str)))
    members, labels = members[order], known.to_numpy().astype(str)[order]
    same = labels[1:] == labels[:-1]
    left, right = members[:-1][same], members[1:][same]
    return _Edges(left, right, np.full(len(left), np.inf))


def _components(n, edges: _Edges, uscc: _Edges, previous: _Edges, decisions, position: pd.Series) -> np.ndarray:
    merges = [d for d in decisions if d.kind is DecisionKind.MERGE]
    left = np.concatenate([edges.left, uscc.left, previous.left, position.reindex([d.report_a for d in merges])])
    right = np.concatenate([edges.right, uscc.right, previous.right, position.reindex([d.report_b for d in merges])])
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left.astype(np.int64), right.astype(np.int64))), (n, n))
    return connected_components(graph, directed=False)[1]


def _careful_components(component, attributes, decisions, position, previous: _Edges) -> np.ndarray:
    """Components where a join could be refused, or that a decision or an earlier cluster touches."""
    frame = pd.DataFrame({"c": component, "u": attributes[0], "city": attributes[1], "i": attributes[2]})
    grouped = frame.groupby("c")
    careful = (grouped["u"].nunique() > 1) | (grouped["city"].nunique() > 1)
    several = grouped["i"].nunique()
    for c in several[several > 1].index:
        words = set(frame.loc[frame["c"] == c, "i"].dropna())
        careful[c] = careful[c] or any(_unrelated({a}, {b}) for a in words for b in words)
    flags = np.zeros(int(component.max()) + 1 if len(component) else 0, dtype=bool)
    flags[careful[careful].index.to_numpy()] = True
    touched = position.reindex([r for d in decisions for r in (d.report_a, d.report_b)]).to_numpy(np.int64)
    flags[component[touched]] = True
    flags[component[previous.left]] = True
    return flags


def _certain_parents(component, careful, edges: _Edges, uscc: _Edges, review_high: float) -> list[int]:
    """Start the forest with the easy components' certain parts (shared USCCs and pairs at or above review_high)
    already joined: taken whole, as walking them would join every one of them."""
    n = len(component)
    easy_edges = edges.where(~careful[component[edges.left]] & (edges.weight >= review_high))
    easy_uscc = uscc.where(~careful[component[uscc.left]])
    left = np.concatenate([easy_edges.left, easy_uscc.left])
    right = np.concatenate([easy_edges.right, easy_uscc.right])
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), (n, n))
    part = connected_components(graph, directed=False)[1]
    representative = pd.Series(np.arange(n)).groupby(part).transform("min").to_numpy()
    return representative.tolist()


def _apply_decisions(forest: _Forest, position: pd.Series, decisions: list[Decision], result: Clustering) -> None:
    for decision in decisions:
        if decision.kind is DecisionKind.SPLIT:
            forest.forbid(int(position[decision.report_a]), int(position[decision.report_b]))
    merges = sorted((d for d in decisions if d.kind is DecisionKind.MERGE), key=lambda d: (d.report_a, d.report_b))
    for decision in merges:
        ra, rb = forest.find(int(position[decision.report_a])), forest.find(int(position[decision.report_b]))
        if ra == rb:
            continue
        if forest.split_between(ra, rb):
            result.conflicts.append(
                f"merge of {decision.report_a} and {decision.report_b} contradicts a split and was not applied"
            )
            continue
        forest.union(ra, rb)


def _join(forest: _Forest, links: _Edges, result: Clustering, *, check: bool) -> None:
    """Certain links (earlier clusters, shared USCCs): joined unless a reviewer's split (or, for earlier
    clusters, the identity rules after a split) forbids it."""
    for a, b in zip(links.left.tolist(), links.right.tolist(), strict=True):
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            continue
        blocked = forest.refusal(ra, rb) if check else (Refusal.SPLIT if forest.split_between(ra, rb) else None)
        if blocked is None:
            forest.union(ra, rb)


def _walk(forest: _Forest, edges: _Edges, review_high: float, result: Clustering) -> None:
    for a, b, weight in zip(edges.left.tolist(), edges.right.tolist(), edges.weight.tolist(), strict=True):
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            continue
        refusal = forest.refusal(ra, rb)
        if refusal is None:
            forest.union(ra, rb)
            if weight < review_high:
                result.uncertain_joins.append((a, b, weight))
        else:
            result.refusals.append((a, b, refusal, weight))


def _labels(forest: _Forest, ids: np.ndarray, previous: pd.Series | None) -> pd.Series:
    roots = np.fromiter((forest.find(i) for i in range(len(ids))), dtype=np.int64, count=len(ids))
    label = pd.Series(ids, dtype=object).groupby(roots).transform("min")
    if previous is not None:  # a cluster that existed before keeps its id, even if a newer report sorts first
        earlier = pd.Series(ids, dtype=object).map(previous).groupby(roots).transform("min")
        label = earlier.where(earlier.notna(), label)
    return pd.Series(label.to_numpy(), index=ids, name="cluster_id")


def positions_of(features: pd.DataFrame, report_ids: Sequence[str]) -> np.ndarray:
    """Row positions of reports in `features` (what the pairs' unique_id columns hold)."""
    return pd.Series(np.arange(len(features)), index=features["report_id"]).reindex(report_ids).to_numpy()
