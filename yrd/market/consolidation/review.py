"""The review queue: pairs the model was unsure about, with the reasons, for a person to merge or split.

A pair is uncertain when its match weight lies in the band [review_low, review_high). From those, the queue keeps
- joins made on uncertain evidence (the pair that put two groups together, weight below review_high);
- near misses between two different clusters (the strongest uncertain pair of each two clusters);
- pairs the model would have joined that a rule refused (different valid USCC, registration city or industry).
Each item carries every comparison's contribution in bits (log2 Bayes factor) with the level that applied, and
the prior, so a reviewer sees why: "trade name: same sound (pinyin) +9.7; region: same province −3.8; …".
Most uncertain first (closest to the link threshold).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .clustering import Clustering
from .model import DESCRIPTIONS, TF_COMPARISON


@dataclass(frozen=True, slots=True)
class Reason:
    feature: str  # comparison name, e.g. trade_name
    description: str  # e.g. Trade name (字号)
    level: str  # e.g. same sound (pinyin)
    weight: float  # bits for (+) or against (−) one enterprise


@dataclass(frozen=True, slots=True)
class ReviewItem:
    report_a: str
    report_b: str
    match_weight: float
    match_probability: float
    linked: bool  # what the automatic run did
    refusal: str | None  # the rule that kept them apart although the model said yes
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Band:
    link_weight: float
    review_low: float
    review_high: float


class LevelLabels:
    """Maps a comparison's weight back to the level that produced it (levels have distinct weights)."""

    def __init__(self, model: dict[str, Any]):
        self.prior = _logit2(model["probability_two_random_records_match"])
        self.levels: dict[str, tuple[str, list[tuple[float, str]]]] = {}
        for comparison in model["comparisons"]:
            table = [(0.0, "not known for both")]
            for level in comparison["comparison_levels"]:
                if not level.get("is_null_level"):
                    weight = math.log2(level["m_probability"] / level["u_probability"])
                    table.append((weight, level["label_for_charts"]))
            name = comparison["output_column_name"]
            self.levels[name] = (DESCRIPTIONS.get(name, name), table)

    def reasons(self, pair: pd.Series) -> tuple[Reason, ...]:
        reasons = [Reason("prior", "Prior", "two reports chosen at random", self.prior)]
        for name, (description, table) in self.levels.items():
            weight = float(pair[f"mw_{name}"])
            label = min(table, key=lambda entry: abs(entry[0] - weight))[1]
            if name == TF_COMPARISON and f"mw_tf_adj_{name}" in pair:
                weight += float(pair[f"mw_tf_adj_{name}"] or 0.0)
            reasons.append(Reason(name, description, label, round(weight, 2)))
        return tuple(sorted(reasons, key=lambda r: -abs(r.weight)))


def _logit2(probability: float) -> float:
    return math.log2(probability / (1 - probability))


def _probability(weight: float) -> float:
    return 1 / (1 + 2 ** (-weight))


def review_queue(
    features: pd.DataFrame,
    pairs: pd.DataFrame,
    clustering: Clustering,
    model: dict[str, Any],
    band: Band,
    *,
    limit: int | None = None,
) -> list[ReviewItem]:
    """`pairs` refer to reports by row position in `features` (unique_id_l / unique_id_r)."""
    report_ids = features["report_id"].to_numpy()
    labels = clustering.labels.reindex(report_ids).to_numpy()
    uncertain = pairs[(pairs["match_weight"] >= band.review_low) & (pairs["match_weight"] < band.review_high)]
    # backends return pairs in any order and differ in the last bits of a weight: fix both before choosing
    uncertain = uncertain.assign(match_weight=uncertain["match_weight"].round(6))
    uncertain = uncertain.sort_values(["unique_id_l", "unique_id_r"], ignore_index=True)
    cluster_l = labels[uncertain["unique_id_l"].to_numpy()]
    cluster_r = labels[uncertain["unique_id_r"].to_numpy()]
    joined = {_key(a, b) for a, b, _ in clustering.uncertain_joins}
    refused = {_key(a, b): str(reason) for a, b, reason, _ in clustering.refusals}
    keys = [_key(a, b) for a, b in zip(uncertain["unique_id_l"], uncertain["unique_id_r"], strict=True)]
    is_join = np.array([key in joined for key in keys], dtype=bool)
    is_refused = np.array([key in refused for key in keys], dtype=bool)
    apart = cluster_l != cluster_r
    near_miss = apart & ~is_refused & _strongest_per_cluster_pair(uncertain, cluster_l, cluster_r)
    chosen = uncertain[is_join | is_refused | near_miss].copy()
    chosen["distance"] = (chosen["match_weight"] - band.link_weight).abs().round(6)
    chosen = chosen.sort_values(["distance", "unique_id_l", "unique_id_r"]).head(limit)
    describe = LevelLabels(model)
    return [
        ReviewItem(
            report_a=report_ids[row.unique_id_l],
            report_b=report_ids[row.unique_id_r],
            match_weight=round(float(row.match_weight), 2),
            match_probability=round(_probability(float(row.match_weight)), 4),
            linked=bool(labels[row.unique_id_l] == labels[row.unique_id_r]),
            refusal=refused.get(_key(row.unique_id_l, row.unique_id_r)),
            reasons=describe.reasons(pd.Series(row._asdict())),
        )
        for row in chosen.itertuples(index=False)
    ]


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a <= b else (b, a)


def _strongest_per_cluster_pair(uncertain: pd.DataFrame, cluster_l: np.ndarray, cluster_r: np.ndarray) -> np.ndarray:
    low = np.where(cluster_l <= cluster_r, cluster_l, cluster_r)
    high = np.where(cluster_l <= cluster_r, cluster_r, cluster_l)
    frame = pd.DataFrame({"low": low, "high": high, "w": uncertain["match_weight"].to_numpy()})
    best = frame.groupby(["low", "high"])["w"].transform("max")
    first = ~frame.assign(best=best).duplicated(["low", "high", "w"])
    return ((frame["w"] == best) & first).to_numpy()
