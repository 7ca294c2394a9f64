"""Location quotients, the Krugman specialisation index and the structural similarity, on a table
worked by hand and on random tables (bounds and invariants)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.industry.analysis import specialisation as sp

TABLE = {"A": {"auto": 60.0, "chips": 40.0}, "B": {"auto": 20.0, "chips": 80.0}}


def test_a_table_worked_by_hand():
    # Region: auto 80 / 200 = 0.4, chips 0.6. A: 0.6 and 0.4 -> LQ 1.5 and 0.667.
    lq = sp.location_quotients(TABLE)
    assert lq["A"]["auto"] == pytest.approx(1.5) and lq["A"]["chips"] == pytest.approx(0.4 / 0.6)
    assert sp.specialisation_index(TABLE)["A"] == pytest.approx(0.4)  # |0.6-0.4| + |0.4-0.6|
    assert sp.similarity(TABLE["A"], TABLE["B"]) == pytest.approx((0.6 * 0.2 + 0.4 * 0.8) / ((0.52**0.5) * (0.68**0.5)))


tables = st.dictionaries(
    st.sampled_from(["310000", "320100", "320500", "330100", "340100"]),
    st.dictionaries(st.sampled_from(["auto", "chips", "steel", "textiles"]), st.floats(0.1, 1e6), min_size=1),
    min_size=1,
)


@given(tables)
@settings(max_examples=150, deadline=None)
def test_invariants(table):
    index = sp.specialisation_index(table)
    assert all(-1e-9 <= v <= 2 + 1e-9 for v in index.values())
    cities, matrix = sp.similarity_matrix(table)
    for i in range(len(cities)):
        assert matrix[i][i] == pytest.approx(1.0)
        for j in range(len(cities)):
            assert -1e-9 <= matrix[i][j] <= 1 + 1e-9 and matrix[i][j] == pytest.approx(matrix[j][i])
    # weighted by each city's share of the region, the location quotients of an industry average to 1
    totals = sp.regional_totals(table)
    whole = sum(totals.values())
    lq = sp.location_quotients(table)
    for industry in totals:
        weighted = sum(sum(v.values()) / whole * lq[c][industry] for c, v in table.items())
        assert weighted == pytest.approx(1.0)
