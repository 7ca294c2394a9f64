"""The same model on Apache Spark (Splink's Spark backend, local mode) gives the same clusters as on DuckDB."""

import shutil

import pytest

from yrd.market.consolidation.engines import SparkEngine
from yrd.market.consolidation.pipeline import consolidate
from yrd.market.consolidation.synthetic import generate

pytest.importorskip("pyspark", reason="the Spark engine is the optional extra yrd[spark]")
pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (default-jre-headless)"),
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]


@pytest.fixture(scope="module")
def reports():
    return generate(800, seed=3)


def test_spark_local_mode_gives_the_same_clusters_and_weights_as_duckdb(reports):
    on_duckdb = consolidate(reports)
    on_spark = consolidate(reports, model=on_duckdb.model, engine=SparkEngine(master="local[1]"))
    assert on_spark.clusters.equals(on_duckdb.clusters)
    assert [(i.report_a, i.report_b, i.match_weight) for i in on_spark.review] == [
        (i.report_a, i.report_b, i.match_weight) for i in on_duckdb.review
    ]
