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
