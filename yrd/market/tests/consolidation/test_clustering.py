import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from yrd.market.consolidation.clustering import Decision, DecisionKind, Refusal, cluster, positions_of

USCC_A = "91320500MA1000000A"
USCC_B = "91330100MA2000000B"


def reports(*rows):
    """rows: (id, valid uscc, formal city, formal industry)"""
    return pd.DataFrame(rows, columns=["report_id", "uscc_valid", "formal_city", "formal_industry"])


def scored(frame, *rows):
    """Scored pairs given by report id, as the engine gives them: by row position, the smaller first."""
    left, right = positions_of(frame, [r[0] for r in rows]), positions_of(frame, [r[1] for r in rows])
    return pd.DataFrame(
        {
            "unique_id_l": np.minimum(left, right),
            "unique_id_r": np.maximum(left, right),
            "match_weight": [r[2] for r in rows],
        }
    )


def groups(result):
    return sorted(sorted(members) for members in result.labels.groupby(result.labels).groups.values())


SHOP_BETWEEN_TWO_CITIES = reports(
    ("r1", None, "320500", "食品"),  # 苏州美佳食品有限公司
    ("r2", None, "330100", "食品"),  # 杭州美佳食品有限公司
    ("r3", None, None, None),  # 美佳旗舰店
)


def test_a_shop_report_that_scores_high_with_two_firms_joins_only_the_stronger():
    result = cluster(
        SHOP_BETWEEN_TWO_CITIES,
        scored(SHOP_BETWEEN_TWO_CITIES, ("r1", "r3", 9.0), ("r2", "r3", 8.0)),
        threshold_weight=3,
    )
    assert groups(result) == [["r1", "r3"], ["r2"]]
    assert [(a, b, reason) for a, b, reason, _ in result.refusals] == [(1, 2, Refusal.CITY)]


def test_registered_names_of_different_cities_never_join_however_strong_the_score():
    result = cluster(SHOP_BETWEEN_TWO_CITIES, scored(SHOP_BETWEEN_TWO_CITIES, ("r1", "r2", 30.0)), threshold_weight=3)
    assert groups(result) == [["r1"], ["r2"], ["r3"]]


def test_registered_names_of_unrelated_industries_never_join_but_related_ones_do():
    frame = reports(("a", None, "320500", "食品"), ("b", None, "320500", "科技"), ("c", None, "320500", "食品科技"))
    result = cluster(frame, scored(frame, ("a", "b", 20.0), ("a", "c", 10.0)), threshold_weight=3)
    assert groups(result) == [["a", "c"], ["b"]]


def test_reports_sharing_a_valid_uscc_join_without_any_scored_pair():
    frame = reports(("a", USCC_A, None, None), ("b", USCC_A, None, None), ("c", USCC_B, None, None))
    assert groups(cluster(frame, scored(frame), threshold_weight=3)) == [["a", "b"], ["c"]]


def test_different_valid_usccs_never_join():
    frame = reports(("a", USCC_A, None, None), ("b", USCC_B, None, None))
    assert groups(cluster(frame, scored(frame, ("a", "b", 25.0)), threshold_weight=3)) == [["a"], ["b"]]


def test_pairs_below_the_threshold_do_not_join():
    frame = reports(("a", None, None, None), ("b", None, None, None))
    assert groups(cluster(frame, scored(frame, ("a", "b", 2.9)), threshold_weight=3)) == [["a"], ["b"]]


def test_a_reviewers_split_holds_against_the_uscc_and_the_model():
    frame = reports(("a", USCC_A, None, None), ("b", USCC_A, None, None))
    split = [Decision("a", "b", DecisionKind.SPLIT)]
    assert groups(cluster(frame, scored(frame, ("a", "b", 30.0)), threshold_weight=3, decisions=split)) == [
        ["a"],
        ["b"],
    ]


def test_a_reviewers_split_also_keeps_apart_what_would_chain_through_a_third_report():
    frame = reports(("a", None, None, None), ("b", None, None, None), ("c", None, None, None))
    split = [Decision("a", "c", DecisionKind.SPLIT)]
    result = cluster(frame, scored(frame, ("a", "b", 10.0), ("b", "c", 9.0)), threshold_weight=3, decisions=split)
    assert groups(result) == [["a", "b"], ["c"]]


def test_a_reviewers_merge_joins_what_the_model_and_the_rules_kept_apart():
    merge = [Decision("r1", "r2", DecisionKind.MERGE)]
    result = cluster(SHOP_BETWEEN_TWO_CITIES, scored(SHOP_BETWEEN_TWO_CITIES), threshold_weight=3, decisions=merge)
    assert groups(result) == [["r1", "r2"], ["r3"]]


def test_a_merge_that_contradicts_a_split_is_reported_and_not_applied():
    frame = reports(("a", None, None, None), ("b", None, None, None))
    decisions = [Decision("a", "b", DecisionKind.SPLIT), Decision("a", "b", DecisionKind.MERGE)]
    result = cluster(frame, scored(frame), threshold_weight=3, decisions=decisions)
    assert groups(result) == [["a"], ["b"]]
    assert result.conflicts and "a" in result.conflicts[0]


def test_a_cluster_is_named_after_its_smallest_report_id():
    frame = reports(("r9", None, None, None), ("r2", None, None, None), ("r5", None, None, None))
    result = cluster(frame, scored(frame, ("r2", "r9", 5.0)), threshold_weight=3)
    assert result.labels.to_dict() == {"r9": "r2", "r2": "r2", "r5": "r5"}


def test_earlier_clusters_keep_their_ids_when_a_report_with_a_smaller_id_joins():
    frame = reports(("r5", None, None, None), ("r9", None, None, None), ("r1", None, None, None))
    previous = pd.Series({"r5": "r5", "r9": "r5"})
    result = cluster(frame, scored(frame, ("r1", "r9", 6.0)), threshold_weight=3, previous=previous)
    assert result.labels.to_dict() == {"r5": "r5", "r9": "r5", "r1": "r5"}


ids = [f"r{i}" for i in range(8)]


@given(
    st.lists(
        st.tuples(st.sampled_from(ids), st.sampled_from(ids), st.floats(-5, 20).map(lambda w: round(w, 1))),
        max_size=20,
    ),
    st.randoms(),
)
def test_the_order_pairs_arrive_in_does_not_change_the_clusters(edges, random):
    edges = [(min(a, b), max(a, b), w) for a, b, w in edges if a != b]
    frame = reports(*[(i, None, ["320500", "330100", None][k % 3], None) for k, i in enumerate(ids)])
    shuffled = edges[:]
    random.shuffle(shuffled)
    first = cluster(frame, scored(frame, *edges), threshold_weight=3).labels
    reordered = frame.sample(frac=1, random_state=1).reset_index(drop=True)
    second = cluster(reordered, scored(reordered, *shuffled), threshold_weight=3).labels
    assert first.sort_index().equals(second.sort_index())
