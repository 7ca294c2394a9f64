"""From scored pairs to enterprises: greedy clustering under constraints, in a fixed order.

Order of evidence, strongest first:
1. a reviewer's split (cannot-link) is never overridden;
2. a reviewer's merge (must-link) joins two clusters unless a split forbids it (then it is reported as a conflict);
3. a valid USCC links exactly: reports sharing one join;
4. model pairs at or above the threshold join, strongest first (ties broken by report ids), unless the join would
   put into one cluster two different valid USCCs, two registered names (with a legal form, not an outlet) of
   different cities (苏州美佳食品有限公司 / 杭州美佳食品有限公司) or of unrelated industries (美佳食品有限公司 /
   美佳科技有限公司; 食品 and 食品科技 are related), or two reports a reviewer split.

Connected components would chain two firms through one ambiguous report (美佳旗舰店 scoring high with both);
refusing joins that contradict a cluster's identity stops the chain at the first contradiction.

Contract: the same inputs give the same clusters and ids (edges are taken in a total order: weight, then ids); a
cluster's id is the smallest report id in it, or, when `previous` labels are given and the cluster holds earlier
members, the smallest of their earlier cluster ids — so clusters keep their ids as reports arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd


class DecisionKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on two reports: the same enterprise (merge) or not (split)."""

    report_a: str
    report_b: str
    kind: DecisionKind


class JoinReason(StrEnum):
    DECISION = "decision"
    USCC = "uscc"
    MODEL = "model"


class Refusal(StrEnum):
    SPLIT = "a reviewer split these reports"
    USCC = "different valid USCCs"
    CITY = "registered in different cities"
    INDUSTRY = "registered in unrelated industries"


@dataclass(slots=True)
class Clustering:
    labels: pd.Series  # report id → cluster id
    joins: list[tuple[str, str, JoinReason, float]] = field(default_factory=list)  # edges that merged two clusters
    refusals: list[tuple[str, str, Refusal, float]] = field(default_factory=list)  # model edges refused
    conflicts: list[str] = field(default_factory=list)  # reviewer merges that contradict a reviewer split


class _Forest:
    """Union–find over report positions, each root carrying its cluster's identity (USCCs, cities, splits)."""

    def __init__(self, usccs: Sequence, cities: Sequence, industries: Sequence):
        n = len(usccs)
        self.parent = list(range(n))  # plain lists: element access is several times faster than on numpy arrays
        self.size = [1] * n
        self.usccs = _singletons(usccs)
        self.cities = _singletons(cities)
        self.industries = _singletons(industries)
        self.cannot: dict[int, set[int]] = {}

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


def _singletons(values: Sequence) -> dict[int, set]:
    return {i: {value} for i, value in enumerate(values) if isinstance(value, str)}


def _disjoint(a: set | None, b: set | None) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def _unrelated(a: set | None, b: set | None) -> bool:
    """Industry words are related when equal or one contains the other (食品 / 食品科技)."""
    return bool(a) and bool(b) and not any(x in y or y in x for x in a for y in b)


def cluster(
    features: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    threshold_weight: float,
    decisions: Iterable[Decision] = (),
    previous: pd.Series | None = None,
) -> Clustering:
    """Cluster reports. `features` has unique_id, uscc_valid, formal_city, formal_industry; `edges` has
    unique_id_l, unique_id_r, match_weight; `previous` (report id → cluster id) keeps earlier clusters whole and
    keeps their ids."""
    ids = features["unique_id"].to_numpy()
    position = pd.Series(np.arange(len(ids)), index=ids)
    forest = _Forest(
        features["uscc_valid"].to_numpy(), features["formal_city"].to_numpy(), features["formal_industry"].to_numpy()
    )
    result = Clustering(labels=pd.Series(dtype=object))
    _apply_decisions(forest, position, decisions, result)
    if previous is not None:
        _keep_previous(forest, position, previous)
    _join_shared_usccs(forest, features, result)
    _join_model_edges(forest, position, edges, threshold_weight, result)
    result.labels = _labels(forest, ids, previous)
    return result


def _apply_decisions(forest: _Forest, position: pd.Series, decisions: Iterable[Decision], result: Clustering) -> None:
    decisions = [d for d in decisions if d.report_a in position.index and d.report_b in position.index]
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
        result.joins.append((decision.report_a, decision.report_b, JoinReason.DECISION, float("inf")))


def _keep_previous(forest: _Forest, position: pd.Series, previous: pd.Series) -> None:
    """Earlier clusters stay whole (their members were joined by earlier evidence), unless a split now parts them."""
    known = previous[previous.index.isin(position.index)]
    for _, members in known.groupby(known.to_numpy()).groups.items():
        first = forest.find(int(position[members[0]]))
        for member in members[1:]:
            other = forest.find(int(position[member]))
            if other != first and forest.refusal(first, other) is None:
                first = forest.union(first, other)


def _join_shared_usccs(forest: _Forest, features: pd.DataFrame, result: Clustering) -> None:
    valid = features["uscc_valid"].to_numpy()
    ids = features["unique_id"].to_numpy()
    order = np.flatnonzero(pd.notna(valid))
    groups = pd.Series(order).groupby(valid[order]).agg(list)
    for members in groups:
        for a, b in zip(members, members[1:], strict=False):
            a, b = int(a), int(b)
            ra, rb = forest.find(a), forest.find(b)
            if ra != rb and not forest.split_between(ra, rb):
                forest.union(ra, rb)
                result.joins.append((ids[a], ids[b], JoinReason.USCC, float("inf")))


def _join_model_edges(
    forest: _Forest, position: pd.Series, edges: pd.DataFrame, threshold_weight: float, result: Clustering
) -> None:
    strong = edges[edges["match_weight"] >= threshold_weight]
    weights = strong["match_weight"].to_numpy().round(6)
    left, right = strong["unique_id_l"].to_numpy(), strong["unique_id_r"].to_numpy()
    order = np.lexsort((right, left, -weights)).tolist()
    left_pos = position.reindex(left).to_numpy().tolist()
    right_pos = position.reindex(right).to_numpy().tolist()
    for k in order:
        ra, rb = forest.find(left_pos[k]), forest.find(right_pos[k])
        if ra == rb:
            continue
        refusal = forest.refusal(ra, rb)
        if refusal is None:
            forest.union(ra, rb)
            result.joins.append((left[k], right[k], JoinReason.MODEL, float(weights[k])))
        else:
            result.refusals.append((left[k], right[k], refusal, float(weights[k])))


def _labels(forest: _Forest, ids: np.ndarray, previous: pd.Series | None) -> pd.Series:
    roots = np.fromiter((forest.find(i) for i in range(len(ids))), dtype=np.int64, count=len(ids))
    label = pd.Series(ids, dtype=object).groupby(roots).transform("min")
    if previous is not None:  # a cluster that existed before keeps its id, even if a newer report sorts first
        earlier = pd.Series(ids, dtype=object).map(previous).groupby(roots).transform("min")
        label = earlier.where(earlier.notna(), label)
    return pd.Series(label.to_numpy(), index=ids, name="cluster_id")
