"""Weak points of a supply chain: components a customer gets from one supplier only, or from
suppliers all in one city; how concentrated each component's capacity is by province (the
Herfindahl-Hirschman index, 0-10,000); and the articulation points of the supply graph (an
enterprise whose removal splits the chain), computed with rustworkx (networkx is the reference in
the tests and the bench)."""

from collections import defaultdict
from dataclasses import dataclass

import rustworkx as rx

from .chain import Chain


@dataclass(frozen=True, order=True)
class SingleSource:
    customer: int
    component: str
    supplier: int


@dataclass(frozen=True, order=True)
class SingleCity:
    customer: int
    component: str
    city: str
    suppliers: int


def suppliers_by_need(chain: Chain, customers=None) -> dict[tuple[int, str], set[int]]:
    wanted = set(chain.oems() if customers is None else customers)
    found = defaultdict(set)
    for link in chain.links:
        if link.customer in wanted:
            found[(link.customer, link.component)].add(link.supplier)
    return found


def single_sources(chain: Chain, customers=None) -> list[SingleSource]:
    """(customer, component) pairs with exactly one supplier; OEMs only unless `customers` is given."""
    return sorted(
        SingleSource(customer, component, next(iter(suppliers)))
        for (customer, component), suppliers in suppliers_by_need(chain, customers).items()
        if len(suppliers) == 1
    )


def single_cities(chain: Chain, customers=None) -> list[SingleCity]:
    """(customer, component) pairs with two or more suppliers, all in the same city."""
    found = []
    for (customer, component), suppliers in suppliers_by_need(chain, customers).items():
        cities = {chain.firms[s].city for s in suppliers}
        if len(suppliers) > 1 and len(cities) == 1:
            found.append(SingleCity(customer, component, cities.pop(), len(suppliers)))
    return sorted(found)


def hhi_by_province(chain: Chain) -> dict[str, tuple[float, dict[str, float]]]:
    """component -> (HHI 0-10,000, {province: share of the component's capacity in %})."""
    totals = defaultdict(lambda: defaultdict(float))
    for firm in chain.firms.values():
        for component, units in firm.capacity.items():
            if units > 0:
                totals[component][firm.province] += units
    result = {}
    for component, by_province in totals.items():
        whole = sum(by_province.values())
        shares = {p: 100 * v / whole for p, v in by_province.items()}
        result[component] = (sum(s * s for s in shares.values()), shares)
    return result


def supply_graph(chain: Chain) -> tuple[rx.PyGraph, list[int]]:
    """The undirected graph of supply relations; node index -> firm id in the second value."""
    graph = rx.PyGraph(multigraph=False)
    ids = list(chain.firms)
    index = {firm: graph.add_node(firm) for firm in ids}
    graph.add_edges_from_no_data(
        [(index[link.supplier], index[link.customer]) for link in chain.links if link.supplier != link.customer]
    )
    return graph, ids


def articulation_points(chain: Chain) -> set[int]:
    graph, ids = supply_graph(chain)
    return {ids[node] for node in rx.articulation_points(graph)}


def articulation_points_networkx(chain: Chain) -> set[int]:
    """The same with networkx: the reference the tests and the bench compare against."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(chain.firms)
    graph.add_edges_from((link.supplier, link.customer) for link in chain.links if link.supplier != link.customer)
    return set(nx.articulation_points(graph))
