"""End to end on synthetic reports: DuckDB, trained without labels, with the reviewers' decisions."""

import pandas as pd
import pytest

from yrd.market.consolidation.clustering import Decision, DecisionKind
from yrd.market.consolidation.metrics import bcubed, pairwise
from yrd.market.consolidation.pipeline import consolidate
from yrd.market.consolidation.synthetic import generate


@pytest.fixture(scope="module")
def reports():
    return generate(2500, seed=5)


@pytest.fixture(scope="module")
def batch(reports):
    return consolidate(reports)


def labels_of(result):
    return result.clusters.set_index("report_id")["cluster_id"]


def test_it_finds_the_enterprises_behind_the_reports(reports, batch):
    predicted = batch.clusters["cluster_id"]
    assert pairwise(predicted, reports["enterprise_id"]).f1 >= 0.9
    assert bcubed(predicted, reports["enterprise_id"]).f1 >= 0.9
    assert batch.clusters["report_id"].tolist() == reports["report_id"].tolist()


def test_it_does_far_better_than_matching_names_exactly(reports, batch):
    exact = reports["subject_name"].str.strip()
    assert (
        pairwise(batch.clusters["cluster_id"], reports["enterprise_id"]).recall
        > 2 * pairwise(exact, reports["enterprise_id"]).recall
    )


def test_reports_sharing_a_valid_uscc_are_one_enterprise(batch):
    features = batch.state.features.set_index("report_id")
    labels = labels_of(batch)
    with_code = features["uscc_valid"].dropna()
    assert labels.reindex(with_code.index).groupby(with_code.to_numpy()).nunique().max() == 1


def test_a_reused_model_gives_the_same_clusters(reports, batch):
    again = consolidate(reports, model=batch.model)
    assert again.clusters.equals(batch.clusters)


def test_every_review_item_explains_its_weight_feature_by_feature(batch):
    assert batch.review
    for item in batch.review[:50]:
        assert -2 <= item.match_weight < 8
        assert {r.feature for r in item.reasons} >= {"prior", "trade_name", "place", "uscc", "phone", "address"}
        assert abs(sum(r.weight for r in item.reasons) - item.match_weight) < 0.05
        assert all(r.level for r in item.reasons)


def test_the_review_queue_puts_the_most_uncertain_first(batch):
    distances = [abs(item.match_weight - 3.0) for item in batch.review]  # weights are shown to 0.01 bit
    assert all(later >= earlier - 0.01 for earlier, later in zip(distances, distances[1:], strict=False))


def model_linked_pair(batch):
    features = batch.state.features.set_index("report_id")
    for item in batch.review:
        if item.linked and pd.isna(features.at[item.report_a, "uscc_valid"]):
            return item.report_a, item.report_b
    raise AssertionError("no pair linked by the model alone")


def test_a_reviewers_split_holds_when_the_model_is_trained_again(reports, batch):
    a, b = model_linked_pair(batch)
    retrained = consolidate(reports, decisions=[Decision(a, b, DecisionKind.SPLIT)])
    labels = labels_of(retrained)
    assert labels[a] != labels[b]


def test_a_reviewers_merge_holds_when_the_model_is_trained_again(reports, batch):
    labels = labels_of(batch)
    a, b = labels.index[0], labels[labels != labels.iloc[0]].index[0]
    retrained = consolidate(reports, decisions=[Decision(a, b, DecisionKind.MERGE)])
    assert labels_of(retrained)[a] == labels_of(retrained)[b]
