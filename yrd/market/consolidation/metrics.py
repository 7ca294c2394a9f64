"""Quality of a clustering against the truth: pairwise and B-cubed precision, recall and F1.

Pairwise counts pairs of records: a predicted pair is right when both records belong to one true entity.
B-cubed averages over records: precision of a record is the share of its predicted cluster that is truly its
entity, recall the share of its entity that its predicted cluster holds. Both are computed from the contingency
table of (predicted, true) labels, in O(n) with pandas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _pairs(sizes: np.ndarray) -> float:
    sizes = sizes.astype(np.float64)
    return float((sizes * (sizes - 1) / 2).sum())


def _contingency(predicted, truth) -> tuple[pd.Series, pd.Series, pd.Series]:
    frame = pd.DataFrame({"p": pd.factorize(pd.Series(predicted))[0], "t": pd.factorize(pd.Series(truth))[0]})
    cells = frame.groupby(["p", "t"], sort=False).size()
    return cells, frame.groupby("p").size(), frame.groupby("t").size()


def pairwise(predicted, truth) -> Scores:
    cells, predicted_sizes, true_sizes = _contingency(predicted, truth)
    right = _pairs(cells.to_numpy())
    claimed, real = _pairs(predicted_sizes.to_numpy()), _pairs(true_sizes.to_numpy())
    return Scores(precision=right / claimed if claimed else 1.0, recall=right / real if real else 1.0)


def bcubed(predicted, truth) -> Scores:
    cells, predicted_sizes, true_sizes = _contingency(predicted, truth)
    n = float(predicted_sizes.sum())
    overlap = cells.to_numpy().astype(np.float64)
    p_of_cell = predicted_sizes.loc[cells.index.get_level_values(0)].to_numpy()
    t_of_cell = true_sizes.loc[cells.index.get_level_values(1)].to_numpy()
    # each of the `overlap` records in a cell has precision overlap/|P| and recall overlap/|T|
    precision = float((overlap * overlap / p_of_cell).sum() / n)
    recall = float((overlap * overlap / t_of_cell).sum() / n)
    return Scores(precision=precision, recall=recall)
