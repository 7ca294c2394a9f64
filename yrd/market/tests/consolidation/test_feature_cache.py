"""Features are reused while a report's fields are unchanged: the same features as computing them afresh, and only
new or edited reports are parsed."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.market.consolidation.feature_cache import features_with_cache, fingerprint
from yrd.market.consolidation.features import add_features
from yrd.market.consolidation.synthetic import generate


def same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    return bool((a.fillna("∅").astype(str) == b.fillna("∅").astype(str)).all().all())


def test_cached_features_equal_fresh_ones_and_only_edited_reports_are_parsed():
    reports = generate(400, seed=4)
    first, entries = features_with_cache(reports, {})
    assert len(entries) == 400 and same(first, add_features(reports))
    edited = reports.copy()
    edited.loc[7, "subject_name"] = "上海完全不同贸易有限公司"
    again, computed = features_with_cache(edited.iloc[::-1].reset_index(drop=True), entries)
    assert list(computed) == [edited.loc[7, "report_id"]]
    assert same(again, add_features(edited.iloc[::-1].reset_index(drop=True)))
    assert again["unique_id"].tolist() == list(range(400))


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(["subject_name", "subject_uscc", "subject_phone", "subject_address",
                                        "incident_city_adcode", "category", "description"]),
                       st.text(max_size=12)))  # fmt: skip
def test_the_fingerprint_changes_exactly_when_a_field_the_features_read_changes(row):
    changed = {**row, "subject_name": (row.get("subject_name") or "").strip() + "x"}
    assert fingerprint(changed) != fingerprint(row)
    assert fingerprint({**row, "category": "other", "description": "其他"}) == fingerprint(row)
