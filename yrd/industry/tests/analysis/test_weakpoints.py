"""Single sources, single-city sourcing and HHI equal a brute-force recount; articulation points
(rustworkx) equal the brute force "removing it leaves more pieces" and networkx."""

import pytest
from hypothesis import given, settings

from yrd.industry.analysis import weakpoints
from yrd.industry.analysis.chain import Chain, Firm, Link

from .chains import chains, connected_components


@given(chains())
@settings(max_examples=150, deadline=None)
def test_single_sources_equal_a_recount(chain):
    expected = set()
    for oem in chain.oems():
        for component in {link.component for link in chain.links if link.customer == oem}:
            suppliers = [link.supplier for link in chain.links if link.customer == oem and link.component == component]
            if len(set(suppliers)) == 1:
                expected.add((oem, component, suppliers[0]))
    found = {(s.customer, s.component, s.supplier) for s in weakpoints.single_sources(chain)}
    assert found == expected


@given(chains())
@settings(max_examples=150, deadline=None)
def test_single_city_sourcing_equals_a_recount(chain):
    expected = set()
    for oem in chain.oems():
        for component in {link.component for link in chain.links if link.customer == oem}:
            suppliers = {link.supplier for link in chain.links if link.customer == oem and link.component == component}
            cities = {chain.firms[s].city for s in suppliers}
            if len(suppliers) >= 2 and len(cities) == 1:
                expected.add((oem, component, next(iter(cities))))
    assert {(s.customer, s.component, s.city) for s in weakpoints.single_cities(chain)} == expected


@given(chains())
@settings(max_examples=150, deadline=None)
def test_hhi_equals_a_recount_and_stays_in_range(chain):
    for component, (hhi, shares) in weakpoints.hhi_by_province(chain).items():
        total = sum(f.capacity.get(component, 0) for f in chain.firms.values())
        recount = 0.0
        for province in {f.province for f in chain.firms.values()}:
            part = sum(f.capacity.get(component, 0) for f in chain.firms.values() if f.province == province)
            recount += (100 * part / total) ** 2
        assert hhi == pytest.approx(recount)
        assert 10000 / 5 - 1e-6 <= hhi <= 10000 + 1e-6  # at most five provinces in the strategy
        assert sum(shares.values()) == pytest.approx(100)


@given(chains())
@settings(max_examples=150, deadline=None)
def test_articulation_points_equal_brute_force_and_networkx(chain):
    nodes = set(chain.firms)
    edges = [(link.supplier, link.customer) for link in chain.links]
    base = connected_components(nodes, edges)
    brute = {
        n
        for n in nodes
        if any(n in e for e in edges) and connected_components(nodes - {n}, [e for e in edges if n not in e]) > base
    }
    assert weakpoints.articulation_points(chain) == brute
    assert weakpoints.articulation_points_networkx(chain) == brute


def test_a_pack_maker_between_an_oem_and_its_cell_maker_is_an_articulation_point():
    firms = {i: Firm(i, "320500", "320000", t) for i, t in enumerate(["oem", "tier1", "tier2"])}
    chain = Chain(firms, [Link(1, 0, "pack", 100, 1), Link(2, 1, "cell", 100, 1)])
    assert weakpoints.articulation_points(chain) == {1}
    assert [(s.customer, s.supplier) for s in weakpoints.single_sources(chain)] == [(0, 1)]
