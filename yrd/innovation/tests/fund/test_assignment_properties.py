"""The min-cost-flow assignment against a brute force over every assignment of small instances: the
same feasibility, the same best total fit, and every rule held."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.innovation.assignment import Infeasible, Paper, Referee, assign, conflicted, total_fit

PROVINCES = ["310000", "320000", "330000", "340000"]


@st.composite
def instances(draw):
    k = draw(st.integers(1, 2))
    n_papers, n_referees = draw(st.integers(1, 3)), draw(st.integers(1, 5))
    orgs = list(range(6))
    papers = [
        Paper(
            f"p{i}",
            draw(st.sampled_from(PROVINCES)),
            frozenset(draw(st.lists(st.sampled_from(orgs), min_size=1, max_size=2))),
        )
        for i in range(n_papers)
    ]
    referees = [
        Referee(
            f"r{j}",
            draw(st.sampled_from(PROVINCES)),
            draw(st.sampled_from(orgs)),
            draw(st.integers(1, 3)),
            frozenset(draw(st.lists(st.sampled_from(orgs), max_size=1))),
        )
        for j in range(n_referees)
    ]
    fits = {(p.key, r.key): draw(st.integers(0, 10)) / 10 for p in papers for r in referees}
    return papers, referees, fits, k


def brute_force(papers, referees, fit, k):
    """The best total fit over every assignment meeting the rules, or None when none does."""
    options = []
    for paper in papers:
        eligible = [r for r in referees if not conflicted(paper, r)]
        options.append([c for c in itertools.combinations(eligible, k) if any(r.province != paper.province for r in c)])
    best = None
    for choice in itertools.product(*options):
        load = {}
        for combo in choice:
            for referee in combo:
                load[referee.key] = load.get(referee.key, 0) + 1
        if any(load.get(r.key, 0) > r.load for r in referees):
            continue
        value = sum(fit(p, r) for p, combo in zip(papers, choice, strict=True) for r in combo)
        best = value if best is None else max(best, value)
    return best


@settings(max_examples=300, deadline=None)
@given(instances())
def test_the_flow_finds_the_best_assignment_the_brute_force_finds(instance):
    papers, referees, fits, k = instance

    def fit(paper, referee):
        return fits[(paper.key, referee.key)]

    expected = brute_force(papers, referees, fit, k)
    try:
        chosen = assign(papers, referees, fit, k)
    except Infeasible:
        assert expected is None
        return
    assert expected is not None
    assert abs(total_fit(chosen, papers, referees, fit) - expected) < 1e-6
    by_referee = {r.key: r for r in referees}
    load = {}
    for paper in papers:
        picked = [by_referee[key] for key in chosen[paper.key]]
        assert len(set(chosen[paper.key])) == k
        assert not any(conflicted(paper, r) for r in picked)
        assert any(r.province != paper.province for r in picked)
        for r in picked:
            load[r.key] = load.get(r.key, 0) + 1
    assert all(load[key] <= by_referee[key].load for key in load)


def test_a_named_reason_when_nobody_from_another_province_is_free_of_conflict():
    papers = [Paper("p", "310000", frozenset({1}))]
    referees = [Referee("a", "310000", 2, 3), Referee("b", "320000", 1, 3)]  # b works at the lead
    try:
        assign(papers, referees, lambda p, r: 1.0, 1)
    except Infeasible as error:
        assert "another province" in error.reason
    else:
        raise AssertionError("an assignment without a reviewer from another province was accepted")
