"""The disruption LP against an independent formulation on random chains where suppliers are shared
between customers (where no simple recursion holds): the same model written again, from its
definition, as dense matrices for scipy's linprog (interior point), compared on the total loss."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from yrd.industry.analysis.chain import Chain, Firm, Link
from yrd.industry.analysis.disruption import Analyser

BOM = {"vehicle": {"pack": 1.0, "motor": 1.0}, "pack": {"cell": 50.0}, "motor": {}, "cell": {}}
TIERS = [("oem", "vehicle"), ("tier1", "pack"), ("tier1", "motor"), ("tier2", "cell")]
CUSTOMER_OF = {"pack": "vehicle", "motor": "vehicle", "cell": "pack"}


@st.composite
def shared_chains(draw):
    firms = {}
    for tier, product in TIERS:
        for _ in range(draw(st.integers(1, 3))):
            firm = len(firms)
            firms[firm] = Firm(firm, "320500", "320000", tier, {product: float(draw(st.integers(0, 20000)))})
    links = []
    for supplier in firms.values():
        (product,) = supplier.capacity
        if product == "vehicle":
            continue
        buyers = [f.id for f in firms.values() if CUSTOMER_OF[product] in f.capacity]
        for customer in draw(st.sets(st.sampled_from(buyers), min_size=1)):
            links.append(Link(supplier.id, customer, product, 100.0, float(draw(st.integers(0, 10)))))
    # shares: split each customer's need evenly between its suppliers of a part
    counts = {}
    for link in links:
        counts[(link.customer, link.component)] = counts.get((link.customer, link.component), 0) + 1
    links = [Link(l.supplier, l.customer, l.component, 100.0 / counts[(l.customer, l.component)], l.inventory_days)
             for l in links]  # fmt: skip  # noqa: E741
    return Chain(firms, links, BOM)


def independent_loss(chain: Chain, stopped: set, days: float) -> float:
    firms = list(chain.firms.values())
    made = [(f.id, c) for f in firms for c in f.capacity]
    n_p, n_x = len(made), len(chain.links)
    oems = [(f.id, c) for f in firms if f.tier == "oem" for c in f.capacity]
    n = n_p + n_x + len(oems)
    cost = np.zeros(n)
    cost[n_p + n_x :] = 1.0
    bounds = []
    for firm, component in made:
        rate = chain.firms[firm].capacity[component] / 365
        bounds.append((0, 0 if firm in stopped else rate * days))
    bounds += [(0, None)] * (n_x + len(oems))
    a_ub, b_ub = [], []
    for k, (firm, component) in enumerate(made):  # ship no more than made
        row = np.zeros(n)
        row[k] = -1
        for j, link in enumerate(chain.links):
            if link.supplier == firm and link.component == component:
                row[n_p + j] = 1
        a_ub.append(row)
        b_ub.append(0)
    for k, (firm, product) in enumerate(made):  # parts: use <= deliveries + stock
        rate = chain.firms[firm].capacity[product] / 365
        for part, quantity in BOM[product].items():
            arriving = [j for j, link in enumerate(chain.links) if link.customer == firm and link.component == part]
            if not arriving:
                continue
            row = np.zeros(n)
            row[k] = quantity
            for j in arriving:
                row[n_p + j] = -1
            stock = sum(chain.links[j].share / 100 * chain.links[j].inventory_days * quantity * rate for j in arriving)
            a_ub.append(row)
            b_ub.append(stock)
    for i, (firm, component) in enumerate(oems):  # output + lost >= plan
        row = np.zeros(n)
        row[made.index((firm, component))] = -1
        row[n_p + n_x + i] = -1
        a_ub.append(row)
        b_ub.append(-chain.firms[firm].capacity[component] / 365 * days)
    answer = linprog(cost, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=bounds, method="highs-ipm")
    assert answer.status == 0
    return answer.fun


@given(shared_chains(), st.data(), st.integers(1, 40))
@settings(max_examples=60, deadline=None)
def test_the_loss_equals_an_independent_formulation(chain, data, days):
    stopped = data.draw(st.sets(st.sampled_from(sorted(chain.firms)), max_size=2))
    expected = max(0.0, independent_loss(chain, set(stopped), days) - independent_loss(chain, set(), days))
    assert Analyser(chain, days).outcome(stopped).total_lost == pytest.approx(expected, rel=1e-5, abs=1e-3)
