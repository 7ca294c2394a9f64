"""The disruption LP against a brute force on tiny chains: on a tree (every supplier has one
customer) the most an enterprise can make in T days is a recursion (its capacity, or what its parts
allow: inventory plus everything its own suppliers can make, and, at each lead time τ of its
suppliers, what it can have made by τ on inventory, the usual shares of the suppliers not yet ramped
up and the volume of those that have, plus its capacity after τ), so the OEM's loss and its time to
survive follow without any LP. Plus cases worked by hand."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.industry.analysis.chain import Chain, Firm, Link
from yrd.industry.analysis.disruption import (
    HORIZON_DAYS,
    Analyser,
    DisruptionError,
    analyse,
    downstream_oems,
    survival_by_oem,
    time_to_survive,
)

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
        share, stock, lead = draw(st.integers(1, 100)), draw(st.integers(0, 20)), draw(st.integers(0, 40))
        links.append(Link(pack, 0, "pack", float(share), float(stock), lead))
        for _ in range(draw(st.integers(0, 2))):
            cell = len(firms)
            firms[cell] = Firm(cell, "320400", "320000", "tier2", {"cell": float(draw(st.integers(0, 4_000_000)))})
            share, stock, lead = draw(st.integers(1, 100)), draw(st.integers(0, 20)), draw(st.integers(0, 40))
            links.append(Link(cell, pack, "cell", float(share), float(stock), lead))
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
        usual = {id(link): link.share / 100 * quantity * rate for link in arriving}
        supplied = {}
        for link in arriving:
            most = most_made(chain, link.supplier, days, stopped)
            # a supplier whose lead time is not over by the horizon sends only its usual share
            supplied[id(link)] = most if link.lead_time_days < days else min(most, usual[id(link)] * days)
        best = min(best, (stock + sum(supplied.values())) / quantity)
        for tau in {link.lead_time_days for link in arriving if 0 < link.lead_time_days < days}:
            by_tau = sum(
                supplied[id(link)] if link.lead_time_days < tau else min(supplied[id(link)], usual[id(link)] * tau)
                for link in arriving
            )
            if rate > 0:
                best = min(best, rate * (days - tau) + (stock + by_tau) / quantity)
    return best


def brute_loss(chain, stopped, days):
    planned = chain.firms[0].capacity["vehicle"] / 365 * days
    short = planned - most_made(chain, 0, days, set(stopped))
    baseline = planned - most_made(chain, 0, days, set())
    return max(0.0, short - baseline)


def brute_survival(chain, stopped, oem=0):
    """The first time the OEM falls short. Between two lead times the same suppliers have ramped up
    and lasting t means lasting any shorter t (the model is the same); across a lead time it need
    not (upstream timing is aggregated), so the windows are scanned in order."""
    rate = chain.firms[oem].capacity["vehicle"] / 365

    def lasts(t):
        return most_made(chain, oem, t, set(stopped)) >= rate * t - 1e-9

    leads = sorted({link.lead_time_days for link in chain.links if 0 < link.lead_time_days < HORIZON_DAYS})
    edges = [0.0, *leads, HORIZON_DAYS]
    for low, high in zip(edges, edges[1:], strict=False):
        if lasts(high):
            continue
        for _ in range(60):
            middle = (low + high) / 2
            low, high = (middle, high) if lasts(middle) else (low, middle)
        return low
    return HORIZON_DAYS


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


def test_a_customer_bridges_the_lead_time_of_its_other_supplier_on_inventory_only():
    # Two days of packs in stock (20). Pack maker 2 stops for 10 days; pack maker 3 could make the
    # 8 a day but its extra volume takes 7 days: until then it sends its usual 40% (4 a day). By day
    # 7 the OEM has 20 + 28 packs, so it made at most 48 then and 30 more in the last 3 days: 78 of
    # 100. It survives while 10 t <= 20 + 4 t: 3.33 days (10 days if pack maker 3 could ramp up at once).
    chain = hand_chain()
    chain.links[0] = Link(2, 1, "pack", 60, 2)
    chain.links[1] = Link(3, 1, "pack", 40, 2, lead_time_days=7)
    outcome = analyse(chain, [2], 10)
    assert outcome.total_lost == pytest.approx(22.0)
    assert outcome.time_to_survive == pytest.approx(10 / 3)
    chain.links[1] = Link(3, 1, "pack", 40, 2, lead_time_days=0)
    assert analyse(chain, [2], 10).total_lost == pytest.approx(0.0)
    # a lead time beyond the horizon: only the usual 40% arrives, 20 + 40 packs
    chain.links[1] = Link(3, 1, "pack", 40, 2, lead_time_days=30)
    assert analyse(chain, [2], 10).total_lost == pytest.approx(40.0)


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


@st.composite
def forests(draw):
    """Two or three trees side by side, each with its own OEM, sharing nothing."""
    firms, links, oems = {}, [], []
    for _ in range(draw(st.integers(2, 3))):
        tree, offset = draw(trees()), len(firms)
        firms.update(
            {i + offset: Firm(i + offset, f.city, f.province, f.tier, f.capacity) for i, f in tree.firms.items()}
        )
        links += [
            Link(l.supplier + offset, l.customer + offset, l.component, l.share, l.inventory_days, l.lead_time_days)
            for l in tree.links  # noqa: E741
        ]
        oems.append(offset)
    return Chain(firms, links, BOM), oems


@given(forests(), st.data())
@settings(max_examples=40, deadline=None)
def test_each_oems_time_to_survive_equals_the_brute_force_and_the_network_is_the_least(forest, data):
    chain, oems = forest
    stopped = data.draw(st.sets(st.sampled_from(sorted(chain.firms)), min_size=1, max_size=2))
    by_oem = survival_by_oem(chain, stopped)
    reached = set(downstream_oems(chain, stopped))
    assert set(by_oem) == reached
    for oem in oems:
        expected = brute_survival(chain, stopped, oem)
        if oem in reached:
            assert by_oem[oem] == pytest.approx(expected, rel=1e-5, abs=1e-4)
        else:  # a tree the stop does not reach keeps what it would without it
            assert expected == pytest.approx(brute_survival(chain, set(), oem), rel=1e-5, abs=1e-4)
    assert time_to_survive(chain, stopped) == pytest.approx(
        min(brute_survival(chain, stopped, oem) for oem in oems), rel=1e-5, abs=1e-4
    )


def test_each_oem_has_its_own_time_to_survive():
    # A second OEM (5) buys all its packs from pack maker 3 with 1 day of stock; pack maker 2 stops.
    # The first OEM lasts 10 t <= 20 + 4 t (3.33 days, pack maker 3 ramps up after 7 days); the
    # second buys 2 a day from pack maker 3, which is not hit: it lasts the year.
    chain = hand_chain()
    chain.links[0] = Link(2, 1, "pack", 60, 2)
    chain.links[1] = Link(3, 1, "pack", 40, 2, lead_time_days=7)
    chain.firms[5] = Firm(5, "310000", "310000", "oem", {"vehicle": 730})
    chain.links.append(Link(3, 5, "pack", 100, 1))
    outcome = analyse(chain, [2], 10)
    assert outcome.survival_by_oem == {1: pytest.approx(10 / 3)}  # OEM 5 is not reached by the stop
    both = analyse(chain, [3], 10).survival_by_oem
    assert set(both) == {1, 5} and both[5] == pytest.approx(1.0) and both[1] > both[5]
