"""The stable batch interface: market_consolidate --input reports.csv --output clusters.csv."""

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from yrd.market.consolidation.batch_io import BATCH_COLUMNS
from yrd.market.consolidation.synthetic import generate


def test_it_writes_one_cluster_per_report_and_can_save_the_model_it_used(tmp_path):
    reports = generate(600, seed=9)
    reports[list(BATCH_COLUMNS)].to_csv(tmp_path / "reports.csv", index=False)
    call_command(
        "market_consolidate", input=str(tmp_path / "reports.csv"), output=str(tmp_path / "clusters.csv"),
        save_model=str(tmp_path / "model.json"),
    )  # fmt: skip
    clusters = pd.read_csv(tmp_path / "clusters.csv", dtype=str)
    assert list(clusters.columns) == ["report_id", "cluster_id"]
    assert clusters["report_id"].tolist() == reports["report_id"].tolist()
    assert clusters["cluster_id"].nunique() < len(clusters)
    assert (tmp_path / "model.json").read_text(encoding="utf-8").startswith("{")


def test_a_bad_file_is_refused_whole_with_its_rows_and_nothing_is_written(tmp_path):
    rows = pd.DataFrame([{"report_id": "A1", "subject_name": ""}, {"report_id": "A1", "subject_name": "美佳"}])
    rows.reindex(columns=BATCH_COLUMNS).astype(object).fillna("").to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(CommandError) as refused:
        call_command("market_consolidate", input=str(tmp_path / "bad.csv"), output=str(tmp_path / "out.csv"))
    assert "row 2, subject_name: must not be empty" in str(refused.value)
    assert "row 3, report_id: repeats the report id of row 2" in str(refused.value)
    assert not (tmp_path / "out.csv").exists()


def run(tmp_path, **options):
    call_command("market_consolidate", input=str(tmp_path / "reports.csv"), output=str(tmp_path / "clusters.csv"),
                 **options)  # fmt: skip
    return pd.read_csv(tmp_path / "clusters.csv", dtype=str).set_index("report_id")["cluster_id"]


def test_reviewers_decisions_given_as_csv_are_kept_by_the_run(tmp_path):
    generate(600, seed=9)[list(BATCH_COLUMNS)].to_csv(tmp_path / "reports.csv", index=False)
    before = run(tmp_path, review=str(tmp_path / "review.csv"), save_model=str(tmp_path / "model.json"))
    review = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    assert list(review.columns)[-1] == "decision" and len(review) > 0
    joined = next((a, b) for a, b in zip(before.index, before.index[1:], strict=False) if before[a] == before[b])
    apart = next((a, b) for a, b in zip(before.index, before.index[1:], strict=False) if before[a] != before[b])
    review["decision"] = ""  # the reviewer decides two pairs and leaves the rest of the sheet empty
    extra = pd.DataFrame([{"report_a": joined[0], "report_b": joined[1], "decision": "split"},
                          {"report_a": apart[0], "report_b": apart[1], "decision": "merge"}])  # fmt: skip
    pd.concat([review, extra]).fillna("").to_csv(tmp_path / "decisions.csv", index=False)
    after = run(tmp_path, model=str(tmp_path / "model.json"), decisions=str(tmp_path / "decisions.csv"))
    assert after[joined[0]] != after[joined[1]] and after[apart[0]] == after[apart[1]]


def test_a_bad_decisions_file_is_refused_whole_and_nothing_is_written(tmp_path):
    generate(50, seed=3)[list(BATCH_COLUMNS)].to_csv(tmp_path / "reports.csv", index=False)
    ids = pd.read_csv(tmp_path / "reports.csv", dtype=str)["report_id"].tolist()
    rows = [(ids[0], "NOPE", "merge"), (ids[0], ids[1], "maybe"), (ids[0], ids[2], "merge"), (ids[2], ids[0], "split")]
    pd.DataFrame(rows, columns=["report_a", "report_b", "decision"]).to_csv(tmp_path / "d.csv", index=False)
    with pytest.raises(CommandError) as refused:
        run(tmp_path, decisions=str(tmp_path / "d.csv"))
    message = str(refused.value)
    assert "row 2, report_b: 'NOPE' is not a report id" in message and "row 3, decision: 'maybe'" in message
    assert "row 5, decision: contradicts row 4" in message and not (tmp_path / "clusters.csv").exists()
