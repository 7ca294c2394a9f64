"""Consolidation runs: a whole batch, or new reports against what is already known.

`consolidate(reports)` parses and normalises every report, trains the model without labels (or reuses a given
one), scores candidate pairs on the engine (DuckDB by default, Spark on request), clusters under the reviewers'
decisions and the identity rules, and lists the uncertain pairs for review. It returns the clusters, the review
queue, the trained model (to reuse: a later run with `model=` gives the same weights) and a `State` for
incremental runs.

`consolidate_new(state, new_reports)` scores the new reports against the known reports that share a blocking key
with them (and their whole clusters) under the same model and term frequencies of all reports, keeps every known
cluster and its id, and only adds: new reports join known clusters, form new ones, or join two known clusters
the new evidence ties together. Clusters that a reviewer's decision now contradicts are released and rebuilt.

Contract: reviewers' decisions hold in every run, whichever model scored it; invalid rows never get here (see
`batch_io`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd
from splink import Linker

from .clustering import Decision, DecisionKind, cluster
from .engines import DuckDBEngine
from .features import add_features, numbered
from .model import PREDICTION_BLOCKS, settings, train
from .review import Band, ReviewItem, review_queue


@dataclass(frozen=True, slots=True)
class Policy:
    """Where the run draws its lines, in match weight (bits; 0 = even odds, +3.3 ≈ 90 %, −3.3 ≈ 10 %)."""

    link_weight: float = 3.0
    review_low: float = -2.0
    review_high: float = 8.0
    review_limit: int | None = 5000
    u_pairs: float = 1e7

    @property
    def band(self) -> Band:
        return Band(self.link_weight, self.review_low, self.review_high)

    @property
    def cluster_lines(self) -> dict[str, float]:
        return {"threshold_weight": self.link_weight, "review_high": self.review_high}


class Engine(Protocol):
    name: str

    def __enter__(self) -> Engine: ...
    def __exit__(self, *exc) -> None: ...
    def linker(self, features: pd.DataFrame, model: Any, *, term_frequencies: pd.DataFrame | None = None) -> Linker: ...
    def scored_pairs(self, linker: Linker, *, floor_weight: float) -> pd.DataFrame: ...


@dataclass(slots=True)
class State:
    """What an incremental run needs from the runs before: every report's features, its cluster, the model."""

    features: pd.DataFrame
    labels: pd.Series  # report id → cluster id
    model: dict[str, Any]


@dataclass(slots=True)
class Result:
    clusters: pd.DataFrame  # report_id, cluster_id (in the order of the input)
    review: list[ReviewItem]
    model: dict[str, Any]
    state: State
    conflicts: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, wall clock
    cpu: dict[str, float] = field(default_factory=dict)  # seconds per step, CPU of this process (all threads)


Progress = Callable[[str], None]


def consolidate(
    reports: pd.DataFrame,
    *,
    decisions: Iterable[Decision] = (),
    model: dict[str, Any] | None = None,
    engine: Engine | None = None,
    policy: Policy = Policy(),
    progress: Progress | None = None,
) -> Result:
    steps = _Steps(progress)
    decisions = list(decisions)
    with steps("features"):
        features = add_features(reports)
    with engine or DuckDBEngine() as backend:
        if model is None:
            with steps("training"):
                model = _train(backend, features, policy)
        with steps("scoring"):
            linker = backend.linker(features, model, term_frequencies=_trade_frequencies(features))
            pairs = backend.scored_pairs(linker, floor_weight=policy.review_low)
    with steps("clustering"):
        clustering = cluster(features, pairs, decisions=decisions, **policy.cluster_lines)
    with steps("review"):
        review = review_queue(features, pairs, clustering, model, policy.band, limit=policy.review_limit)
    labels = clustering.labels
    return Result(
        clusters=_cluster_frame(labels, features["report_id"]),
        review=review,
        model=model,
        state=State(features=features, labels=labels, model=model),
        conflicts=clustering.conflicts,
        timings=steps.timings,
        cpu=steps.cpu,
    )


def consolidate_new(
    state: State,
    new_reports: pd.DataFrame,
    *,
    decisions: Iterable[Decision] = (),
    engine: Engine | None = None,
    policy: Policy = Policy(),
    progress: Progress | None = None,
) -> Result:
    steps = _Steps(progress)
    decisions = list(decisions)
    with steps("features"):
        new = add_features(new_reports)
        known = state.features[~state.features["report_id"].isin(new["report_id"])]
        released = _released_by(decisions, state.labels)
        previous = state.labels[~state.labels.isin(released)]
        fresh = pd.concat([new, known[~known["report_id"].isin(previous.index)]], ignore_index=True)
        frame = numbered(pd.concat([fresh, _neighbours(known, fresh, previous)], ignore_index=True))
        everything = numbered(pd.concat([known, new], ignore_index=True))
    with engine or DuckDBEngine() as backend:
        with steps("scoring"):
            linker = backend.linker(frame, state.model, term_frequencies=_trade_frequencies(everything))
            pairs = backend.scored_pairs(linker, floor_weight=policy.review_low)
    pairs = pairs[(pairs["unique_id_l"] < len(fresh)) | (pairs["unique_id_r"] < len(fresh))]  # fresh rows first
    with steps("clustering"):
        clustering = cluster(frame, pairs, decisions=decisions, previous=previous, **policy.cluster_lines)
    with steps("review"):
        review = review_queue(frame, pairs, clustering, state.model, policy.band, limit=policy.review_limit)
    labels = pd.concat([previous[~previous.index.isin(clustering.labels.index)], clustering.labels])
    labels = labels.reindex(everything["report_id"])
    return Result(
        clusters=_cluster_frame(labels, new["report_id"]),
        review=review,
        model=state.model,
        state=State(features=everything, labels=labels, model=state.model),
        conflicts=clustering.conflicts,
        timings=steps.timings,
        cpu=steps.cpu,
    )


def _train(backend: Engine, features: pd.DataFrame, policy: Policy) -> dict[str, Any]:
    n = len(features)
    share = float(features["uscc_valid"].notna().mean()) if n else 0.0
    u_pairs = min(policy.u_pairs, max(1.0, n * (n - 1) / 2))
    linker = backend.linker(features, settings())
    return train(linker, valid_uscc_share=share, u_pairs=u_pairs)


def _released_by(decisions: list[Decision], labels: pd.Series) -> set[str]:
    """Clusters a decision contradicts: a split inside one cluster, a merge across two."""
    released: set[str] = set()
    for decision in decisions:
        a, b = labels.get(decision.report_a), labels.get(decision.report_b)
        if a is None or b is None:
            continue
        if (decision.kind is DecisionKind.SPLIT and a == b) or (decision.kind is DecisionKind.MERGE and a != b):
            released.update((a, b))
    return released


def _neighbours(known: pd.DataFrame, fresh: pd.DataFrame, previous: pd.Series) -> pd.DataFrame:
    """Known reports that share any blocking key with a fresh one, with every member of their clusters (the
    clustering needs a whole cluster to see its USCCs, cities and industries)."""
    hit = pd.Series(False, index=known.index)
    for keys in PREDICTION_BLOCKS:
        fresh_keys = fresh[list(keys)].dropna()
        if fresh_keys.empty:
            continue
        wanted = pd.MultiIndex.from_frame(fresh_keys)
        hit |= pd.MultiIndex.from_frame(known[list(keys)]).isin(wanted)
    hit &= known["report_id"].isin(previous.index)
    clusters = set(previous.reindex(known.loc[hit, "report_id"]))
    return known[known["report_id"].map(previous).isin(clusters)]


TF_FLOOR = 10_000


def _trade_frequencies(features: pd.DataFrame) -> pd.DataFrame:
    """Each trade name's share of the reports that have one — of at least TF_FLOOR reports, so that in a small
    installation a name seen twice among three reports is not read as a common name (which would take away the
    evidence of an exact match). From TF_FLOOR reports on this is exactly Splink's own term frequency."""
    counts = features["trade"].value_counts()
    return pd.DataFrame({"trade": counts.index, "tf_trade": (counts / max(counts.sum(), TF_FLOOR)).to_numpy()})


def _cluster_frame(labels: pd.Series, report_ids: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"report_id": report_ids.to_numpy(), "cluster_id": labels.reindex(report_ids).to_numpy()})


class _Steps:
    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.timings: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str):
        if self.progress:
            self.progress(name)
        started, cpu_started = time.perf_counter(), time.process_time()
        yield
        self.timings[name] = time.perf_counter() - started
        self.cpu[name] = time.process_time() - cpu_started
