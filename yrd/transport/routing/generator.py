"""A road-network-like graph for benchmarks, deterministic by seed.

`road_like_graph(n_nodes, seed)` lays the nodes on a jittered square grid (planar: edges only join grid
neighbours, so no two edges cross) and joins them in a three-level hierarchy, the way real road networks
are built:

- local streets join each node to its right and lower neighbour at 30 km/h; one in twenty of the vertical
  streets is missing (a grid with gaps, not a chessboard), but every row stays whole and every
  ``ARTERIAL_SPACING``-th column keeps all its streets, so the graph stays connected;
- arterials: every ``ARTERIAL_SPACING``-th row and column runs at 60 km/h;
- highways: every ``HIGHWAY_SPACING``-th row and column is a limited-access road at 110 km/h with exits
  every ``HIGHWAY_EXIT_SPACING`` nodes (edges jump from exit to exit, like real motorway links).

Every road is two-way, stored as two directed edges (about 4 directed edges per node: the issue's
1M nodes / ~4M directed edges). Weights are travel times in seconds; lengths are the Euclidean distance of
the jittered points (metres) stretched by up to 15 % for bends. The result is CSR arrays, so any engine can
be fed without a Python object per edge.
"""

from dataclasses import dataclass

import numpy as np

CELL_METRES = 200.0
ARTERIAL_SPACING = 10
HIGHWAY_SPACING = 100
HIGHWAY_EXIT_SPACING = 5
SPEED_KMH = {"local": 30.0, "arterial": 60.0, "highway": 110.0}
MISSING_STREET_SHARE = 0.05


@dataclass(frozen=True)
class RoadGraph:
    """A directed graph in CSR form: the out-edges of node v are ``indptr[v]:indptr[v+1]``."""

    x: np.ndarray  # metres, float64, one per node
    y: np.ndarray
    indptr: np.ndarray  # int64, n + 1
    heads: np.ndarray  # int32, one per directed edge
    seconds: np.ndarray  # float64, one per directed edge

    @property
    def n_nodes(self) -> int:
        return len(self.x)

    @property
    def n_edges(self) -> int:
        return len(self.heads)

    def tails(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_nodes, dtype=np.int32), np.diff(self.indptr))


def road_like_graph(n_nodes: int = 1_000_000, seed: int = 0) -> RoadGraph:
    side = max(2, int(round(n_nodes**0.5)))
    rng = np.random.default_rng(seed)
    x, y = _jittered_grid(side, rng)
    tails, heads, speeds = _streets(side, rng)
    highway_tails, highway_heads = _highways(side)
    tails = np.concatenate([tails, highway_tails])
    heads = np.concatenate([heads, highway_heads])
    speeds = np.concatenate([speeds, np.full(len(highway_tails), SPEED_KMH["highway"])])
    metres = np.hypot(x[tails] - x[heads], y[tails] - y[heads]) * (1.0 + 0.15 * rng.random(len(tails)))
    seconds = metres / (speeds / 3.6)
    return _two_way_csr(x, y, tails, heads, seconds)


def _jittered_grid(side: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.divmod(np.arange(side * side, dtype=np.int64), side)
    jitter = rng.uniform(-0.3, 0.3, size=(2, side * side))
    return (cols + jitter[0]) * CELL_METRES, (rows + jitter[1]) * CELL_METRES


def _streets(side: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Right and down neighbours (each undirected once), with the speed of the road they lie on."""
    node = np.arange(side * side, dtype=np.int64).reshape(side, side)
    right_tails, right_heads = node[:, :-1].ravel(), node[:, 1:].ravel()
    right_rows = np.repeat(np.arange(side), side - 1)
    down_tails, down_heads = node[:-1, :].ravel(), node[1:, :].ravel()
    down_cols = np.tile(np.arange(side), side - 1)
    kept = (down_cols % ARTERIAL_SPACING == 0) | (rng.random(len(down_tails)) >= MISSING_STREET_SHARE)
    down_tails, down_heads, down_cols = down_tails[kept], down_heads[kept], down_cols[kept]
    speeds = np.concatenate([_speed_of_line(right_rows), _speed_of_line(down_cols)])
    return np.concatenate([right_tails, down_tails]), np.concatenate([right_heads, down_heads]), speeds


def _speed_of_line(line_index: np.ndarray) -> np.ndarray:
    return np.where(line_index % ARTERIAL_SPACING == 0, SPEED_KMH["arterial"], SPEED_KMH["local"])


def _highways(side: int) -> tuple[np.ndarray, np.ndarray]:
    """Exit-to-exit links along every HIGHWAY_SPACING-th row and column (the arterial below stays)."""
    lines = np.arange(HIGHWAY_SPACING // 2, side, HIGHWAY_SPACING)
    exits = np.arange(0, side, HIGHWAY_EXIT_SPACING)
    if len(lines) == 0 or len(exits) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    a, b = exits[:-1], exits[1:]
    row_tails = (lines[:, None] * side + a[None, :]).ravel()
    row_heads = (lines[:, None] * side + b[None, :]).ravel()
    col_tails = (a[None, :] * side + lines[:, None]).ravel()
    col_heads = (b[None, :] * side + lines[:, None]).ravel()
    return np.concatenate([row_tails, col_tails]), np.concatenate([row_heads, col_heads])


def _two_way_csr(x, y, tails, heads, seconds) -> RoadGraph:
    all_tails = np.concatenate([tails, heads])
    all_heads = np.concatenate([heads, tails])
    all_seconds = np.concatenate([seconds, seconds])
    order = np.argsort(all_tails, kind="stable")
    indptr = np.zeros(len(x) + 1, dtype=np.int64)
    np.cumsum(np.bincount(all_tails, minlength=len(x)), out=indptr[1:])
    return RoadGraph(
        x=x,
        y=y,
        indptr=indptr,
        heads=all_heads[order].astype(np.int32),
        seconds=all_seconds[order],
    )
