"""A linear program in matrix form, solved with HiGHS (highspy). Kept small so that the disruption
and placement models only say what their rows and columns mean."""

from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy import sparse

INF = highspy.kHighsInf


@dataclass
class LinearProgram:
    """minimise (or maximise) cost·x subject to row_lower <= A x <= row_upper, col_lower <= x <= col_upper."""

    cost: list = field(default_factory=list)
    col_lower: list = field(default_factory=list)
    col_upper: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # (lower, upper)
    entries: list = field(default_factory=list)  # (row, col, value)
    maximise: bool = False

    def column(self, cost=0.0, lower=0.0, upper=INF) -> int:
        self.cost.append(cost)
        self.col_lower.append(lower)
        self.col_upper.append(upper)
        return len(self.cost) - 1

    def row(self, coefficients: dict, lower=-INF, upper=INF) -> int:
        self.rows.append((lower, upper))
        index = len(self.rows) - 1
        self.entries += [(index, col, value) for col, value in coefficients.items() if value]
        return index

    def highs(self) -> highspy.Highs:
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        lp = highspy.HighsLp()
        n, m = len(self.cost), len(self.rows)
        lp.num_col_, lp.num_row_ = n, m
        lp.col_cost_ = np.asarray(self.cost, dtype=float)
        lp.col_lower_ = np.asarray(self.col_lower, dtype=float)
        lp.col_upper_ = np.asarray(self.col_upper, dtype=float)
        lp.row_lower_ = np.asarray([r[0] for r in self.rows], dtype=float)
        lp.row_upper_ = np.asarray([r[1] for r in self.rows], dtype=float)
        if self.entries:
            r, c, v = zip(*self.entries, strict=True)
        else:
            r, c, v = (), (), ()
        matrix = sparse.csc_matrix(
            (np.asarray(v, dtype=float), (np.asarray(r, dtype=int), np.asarray(c, dtype=int))), shape=(m, n)
        )
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr
        lp.a_matrix_.index_ = matrix.indices
        lp.a_matrix_.value_ = matrix.data
        lp.sense_ = highspy.ObjSense.kMaximize if self.maximise else highspy.ObjSense.kMinimize
        h.passModel(lp)
        return h


@dataclass
class Solution:
    optimal: bool
    status: str
    objective: float
    values: np.ndarray
    row_values: np.ndarray
    row_duals: np.ndarray


def solve(h: highspy.Highs) -> Solution:
    h.run()
    status = h.getModelStatus()
    optimal = status == highspy.HighsModelStatus.kOptimal
    solution = h.getSolution()
    return Solution(
        optimal=optimal,
        status=h.modelStatusToString(status),
        objective=h.getInfo().objective_function_value if optimal else float("nan"),
        values=np.asarray(solution.col_value),
        row_values=np.asarray(solution.row_value),
        row_duals=np.asarray(solution.row_dual),
    )
