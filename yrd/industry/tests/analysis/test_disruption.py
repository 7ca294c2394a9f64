"""The disruption LP against a brute force on tiny chains: on a tree (every supplier has one
customer) the most an enterprise can make in T days is a recursion (its capacity, or what its parts
allow: inventory plus everything its own suppliers can make), so the OEM's loss and its time to
survive follow without any LP. Plus a case worked by hand."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.industry.analysis.chain import Chain, Firm, Link
from yrd.industry.analysis.disruption import HORIZON_DAYS, Analyser, DisruptionError, analyse, time_to_survive

BOM = {"vehicle": {"pack": 1.0}, "pack": {"cell": 100.0}}
PRODUCT = {"oem": "vehicle", "tier1": "pack", "tier2": "cell"}


@st.composite
def trees(draw):
    """One OEM, 1-3 pack makers, each with 0-2 cell makers of its own; random figures."""
    firms = {0: Firm(0, "340100", "340000", "oem", {"vehicle": float(draw(st.integers(365, 36500)))})}
    links = []
    for _ in range(draw(st.integers(1, 3))):
        pack = len(firms)
        firms[pack] = Firm(pack, "320500", "320000", "tier1", {"pack": float(draw(st.integers(0, 40000)))})
        links.append(Link(pack, 0, "pack", float(draw(st.integers(1, 100))), float(draw(st.integers(0, 20)))))
        for _ in range(draw(st.integers(0, 2))):
            cell = len(firms)
            firms[cell] = Firm(cell, "320400", "320000", "tier2", {"cell": float(draw(st.integers(0, 4_000_000)))})
            links.append(Link(cell, pack, "cell", float(draw(st.integers(1, 100))), float(draw(st.integers(0, 20)))))
    return Chain(firms, links, BOM)


def most_made(chain: Chain, firm: int, days: float, stopped: set) -> float:
    """The brute force: what `firm` can make in `days` with `stopped` at zero."""
    if firm in stopped:
        return 0.0
    me = chain.firms[firm]
    product = PRODUCT[me.tier]
    rate = me.capacity[product] / 365
    best = rate * days
    for part, quantity in BOM.get(product, {}).items():
        arriving = [link for link in chain.links if link.customer == firm and link.component == part]
        if not arriving:
            continue
        stock = sum(link.share / 100 * link.inventory_days * quantity * rate for link in arriving)
        supplied = sum(most_made(chain, link.supplier, days, stopped) for link in arriving)
        best = min(best, (stock + supplied) / quantity)
    return best


def brute_loss(chain, stopped, days):
    planned = chain.firms[0].capacity["vehicle"] / 365 * days
    short = planned - most_made(chain, 0, days, set(stopped))
    baseline = planned - most_made(chain, 0, days, set())
    return max(0.0, short - baseline)


def brute_survival(chain, stopped):
    rate = chain.firms[0].capacity["vehicle"] / 365
    if most_made(chain, 0, HORIZON_DAYS, set(stopped)) >= rate * HORIZON_DAYS - 1e-9:
        return HORIZON_DAYS
    low, high = 0.0, HORIZON_DAYS
    for _ in range(60):
        middle = (low + high) / 2
        if most_made(chain, 0, middle, set(stopped)) >= rate * middle - 1e-9:
            low = middle
        else:
            high = middle
    return low


@given(trees(), st.data(), st.integers(1, 60))
@settings(max_examples=80, deadline=None)
def test_the_loss_equals_the_brute_force_on_trees(chain, data, days):
    stopped = data.draw(st.sets(st.sampled_from(sorted(chain.firms)), max_size=2))
    outcome = Analyser(chain, days).outcome(stopped)
    assert outcome.total_lost == pytest.approx(brute_loss(chain, stopped, days), rel=1e-6, abs=1e-5)


@given(trees(), st.data())
@settings(max_examples=60, deadline=None)
def test_the_time_to_survive_equals_the_brute_force_on_trees(chain, data):
    stopped = data.draw(st.sets(st.sampled_from(sorted(chain.firms)), min_size=1, max_size=2))
    assert time_to_survive(chain, stopped) == pytest.approx(brute_survival(chain, stopped), rel=1e-5, abs=1e-4)


def hand_chain():
    firms = {
        1: Firm(1, "340100", "340000", "oem", {"vehicle": 3650}),
        2: Firm(2, "320500", "320000", "tier1", {"pack": 2920}),
        3: Firm(3, "320500", "320000", "tier1", {"pack": 2920}),
        4: Firm(4, "320400", "320000", "tier2", {"cell": 365000}),
    }
    links = [
        Link(2, 1, "pack", 60, 5),
        Link(3, 1, "pack", 40, 5),
        Link(4, 2, "cell", 100, 3),
        Link(4, 3, "cell", 100, 3),
    ]
    return Chain(firms, links, BOM)


def test_a_case_worked_by_hand():
    # The cell maker stops for 10 days. The OEM needs 100 packs; it holds 5 days × 10 = 50 packs; each
    # pack maker holds 3 days of cells (3 × 8 packs × 100 cells) = 24 packs' worth: 98 packs, 2 lost.
    # It survives while 10 t <= 50 + 48: 9.8 days.
    outcome = analyse(hand_chain(), [4], 10)
    assert outcome.total_lost == pytest.approx(2.0)
    assert outcome.lost_by_oem == {1: pytest.approx(2.0)}
    assert outcome.time_to_survive == pytest.approx(9.8)
    # One pack maker stops: the other makes 8 a day, so 80 + 50 in stock covers 100; 10 t <= 8 t + 50.
    other = analyse(hand_chain(), [2], 10)
    assert other.total_lost == pytest.approx(0.0) and other.time_to_survive == pytest.approx(25.0)


def test_rankings_put_the_costliest_first():
    analyser = Analyser(hand_chain(), 10)
    assert analyser.rank_firms() == [(1, pytest.approx(100.0)), (4, pytest.approx(2.0)), (2, 0.0), (3, 0.0)]
    assert [city for city, _loss in analyser.rank_cities()] == ["340100", "320500", "320400"]


def test_unknown_enterprises_and_bad_horizons_are_refused():
    with pytest.raises(DisruptionError):
        Analyser(hand_chain(), 10).outcome([99])
    with pytest.raises(DisruptionError):
        Analyser(hand_chain(), 0)
    assert not math.isnan(time_to_survive(hand_chain(), []))
