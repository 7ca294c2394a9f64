"""New reports against what is known: known clusters keep their members and ids; decisions still hold."""

import pytest

from yrd.market.consolidation.clustering import Decision, DecisionKind
from yrd.market.consolidation.metrics import pairwise
from yrd.market.consolidation.pipeline import consolidate, consolidate_new
from yrd.market.consolidation.synthetic import generate


@pytest.fixture(scope="module")
def reports():
    return generate(2500, seed=21)


@pytest.fixture(scope="module")
def earlier(reports):
    return consolidate(reports.iloc[:2000])


@pytest.fixture(scope="module")
def later(reports, earlier):
    return consolidate_new(earlier.state, reports.iloc[2000:])


def test_known_reports_keep_their_clusters_and_ids(earlier, later):
    before = earlier.state.labels
    after = later.state.labels.reindex(before.index)
    # a known cluster stays whole: it may gain new reports or be joined to another known cluster, under the
    # earlier id of one of them, but never loses a member or takes a new report's id
    assert (before.groupby(before.to_numpy()).apply(lambda group: after[group.index].nunique()) == 1).all()
    assert after.isin(set(before)).all()


def test_it_returns_a_cluster_for_each_new_report_only(reports, later):
    assert later.clusters["report_id"].tolist() == reports.iloc[2000:]["report_id"].tolist()
    assert later.clusters["cluster_id"].notna().all()


def test_new_reports_of_known_firms_join_their_firms_clusters(reports, later):
    labels = later.state.labels
    truth = reports.set_index("report_id")["enterprise_id"]
    assert pairwise(labels.reindex(truth.index), truth).f1 >= 0.88


def test_a_new_report_with_a_known_valid_uscc_joins_that_firms_cluster(earlier, later):
    known = earlier.state.features.dropna(subset=["uscc_valid"]).set_index("uscc_valid")["report_id"]
    new = later.state.features.iloc[2000:].dropna(subset=["uscc_valid"])
    new = new[new["uscc_valid"].isin(known.index)]
    assert len(new) > 10
    labels = later.state.labels
    for code, report in zip(new["uscc_valid"], new["report_id"], strict=True):
        first = known[code] if isinstance(known[code], str) else known[code].iloc[0]
        assert labels[report] == labels[first]


def test_a_split_of_a_known_cluster_parts_the_two_reports_in_the_next_incremental_run(reports, earlier):
    labels = earlier.state.labels
    features = earlier.state.features.set_index("report_id")
    no_code = labels[features["uscc_valid"].isna().reindex(labels.index).to_numpy()]
    sizes = no_code.groupby(no_code.to_numpy()).size()
    members = no_code[no_code == sizes[sizes >= 2].index[0]].index
    a, b = members[0], members[1]
    result = consolidate_new(earlier.state, reports.iloc[2000:2010], decisions=[Decision(a, b, DecisionKind.SPLIT)])
    assert result.state.labels[a] != result.state.labels[b]
