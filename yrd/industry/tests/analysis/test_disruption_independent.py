"""The disruption LP against an independent formulation on random chains where suppliers are shared
between customers (where no simple recursion holds): the same model written again, from its
definition, as dense matrices for scipy's linprog (interior point), compared on the total loss. The
lead times are written as the definition says: a link whose lead time is not over by the horizon
sends its usual share only; at each lead time τ of a customer's suppliers of a part, what the customer
has made by τ (at least its output less its capacity after τ) needs no more than its inventory, the
usual share by τ of the links not yet ramped up, and what the others send."""

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
            firms[firm] = Firm(firm, "320500", "320000", tier, {product: float(draw(st.integers(1000, 20000)))})
    links = []
    for supplier in firms.values():
        (product,) = supplier.capacity
        if product == "vehicle":
            continue
        buyers = [f.id for f in firms.values() if CUSTOMER_OF[product] in f.capacity]
        for customer in draw(st.sets(st.sampled_from(buyers), min_size=1)):
            stock, lead = float(draw(st.integers(0, 4))), draw(st.sampled_from([0, 2, 5, 9, 30]))
            links.append(Link(supplier.id, customer, product, 100.0, stock, lead))
    # shares: split each customer's need evenly between its suppliers of a part
    counts = {}
    for link in links:
        counts[(link.customer, link.component)] = counts.get((link.customer, link.component), 0) + 1
    links = [Link(l.supplier, l.customer, l.component, 100.0 / counts[(l.customer, l.component)], l.inventory_days,
                  l.lead_time_days) for l in links]  # fmt: skip  # noqa: E741
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
    gaps = []  # (production column, quantity, rate, stock, arriving links, τ)
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
            for j in arriving:  # not ramped up within the horizon: the usual share only
                if chain.links[j].lead_time_days >= days:
                    bounds[n_p + j] = (0, chain.links[j].share / 100 * quantity * rate * days)
            for tau in sorted({chain.links[j].lead_time_days for j in arriving}):
                if 0 < tau < days and rate > 0:
                    gaps.append((k, quantity, rate, stock, arriving, tau))
    # each gap: y (made by τ) and one arrival-by-τ column per link, appended after the loss columns
    extra = sum(1 + len(arriving) for *_x, arriving, _t in gaps)
    a_ub = [np.concatenate([row, np.zeros(extra)]) for row in a_ub]
    cost = np.concatenate([cost, np.zeros(extra)])
    column = n
    n += extra
    for k, quantity, rate, stock, arriving, tau in gaps:
        y = column
        bounds.append((0, None))
        row = np.zeros(n)  # y >= P - rate (T - τ)
        row[y], row[k] = -1, 1
        a_ub.append(row)
        b_ub.append(rate * (days - tau))
        need = np.zeros(n)  # q y - Σ a <= stock
        need[y] = quantity
        for offset, j in enumerate(arriving, start=1):
            link = chain.links[j]
            bounds.append((0, None if link.lead_time_days < tau else link.share / 100 * quantity * rate * tau))
            tie = np.zeros(n)  # a <= x
            tie[y + offset], tie[n_p + j] = 1, -1
            a_ub.append(tie)
            b_ub.append(0)
            need[y + offset] = -1
        a_ub.append(need)
        b_ub.append(stock)
        column += 1 + len(arriving)
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
@settings(max_examples=150, deadline=None)
def test_the_loss_equals_an_independent_formulation(chain, data, days):
    stopped = data.draw(st.sets(st.sampled_from(sorted(chain.firms)), min_size=1, max_size=2))
    expected = max(0.0, independent_loss(chain, set(stopped), days) - independent_loss(chain, set(), days))
    assert Analyser(chain, days).outcome(stopped).total_lost == pytest.approx(expected, rel=1e-5, abs=1e-3)
