from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from yrd.market.consolidation.metrics import bcubed, pairwise


def labels(n: int):
    return st.lists(st.integers(0, 6), min_size=n, max_size=n)


labelings = st.integers(min_value=1, max_value=30).flatmap(lambda n: st.tuples(labels(n), labels(n)))


def brute_pairwise(predicted, truth):
    pairs = list(combinations(range(len(predicted)), 2))
    claimed = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    real = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    right = len(claimed & real)
    return (right / len(claimed) if claimed else 1.0), (right / len(real) if real else 1.0)


def brute_bcubed(predicted, truth):
    n = len(predicted)
    precision = recall = 0.0
    for i in range(n):
        same_p = {j for j in range(n) if predicted[j] == predicted[i]}
        same_t = {j for j in range(n) if truth[j] == truth[i]}
        precision += len(same_p & same_t) / len(same_p)
        recall += len(same_p & same_t) / len(same_t)
    return precision / n, recall / n


@given(labelings)
def test_pairwise_scores_agree_with_counting_every_pair(labels):
    predicted, truth = labels
    scores = pairwise(predicted, truth)
    expected = brute_pairwise(predicted, truth)
    assert abs(scores.precision - expected[0]) < 1e-12 and abs(scores.recall - expected[1]) < 1e-12


@given(labelings)
def test_bcubed_scores_agree_with_averaging_over_every_record(labels):
    predicted, truth = labels
    scores = bcubed(predicted, truth)
    expected = brute_bcubed(predicted, truth)
    assert abs(scores.precision - expected[0]) < 1e-12 and abs(scores.recall - expected[1]) < 1e-12


def test_a_perfect_clustering_scores_one_and_lumping_everything_loses_precision():
    truth = ["a", "a", "b", "c", "c", "c"]
    assert pairwise(truth, truth).f1 == bcubed(truth, truth).f1 == 1.0
    lumped = pairwise(["x"] * 6, truth)
    assert lumped.recall == 1.0 and lumped.precision == 4 / 15
