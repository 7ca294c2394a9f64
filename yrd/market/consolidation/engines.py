"""Where the linkage model runs: DuckDB in this process (default), or Apache Spark (local mode or a cluster).

An engine turns a feature frame and a model into a Splink `Linker`, and a linker's predictions into a pandas frame
of scored pairs (unique_id_l, unique_id_r, match_weight and one `mw_<comparison>` column per comparison). Both
engines run the same SQL, so the same trained model gives the same pairs and weights on either.

Spark: `SparkEngine(master="local[2]")` starts a local session with Splink's similarity UDF jar; pass a session of
your own (`SparkEngine(session=spark)`) to run on a cluster (`spark://host:7077`, YARN, Kubernetes). Java 17 must
be installed (Debian: default-jre-headless). Scored pairs come back to the driver for the constrained clustering;
they are a small fraction of the reports' size times the average number of candidates per report.
"""

from __future__ import annotations

import logging
import os
import tempfile
from typing import Any

import duckdb
import pandas as pd
from splink import DuckDBAPI, Linker, SettingsCreator

from .model import TF_COMPARISON, comparison_names

SPLINK_LOG_LEVEL = logging.WARNING


class DuckDBEngine:
    """An in-process DuckDB database, bounded in threads and memory, spilling to a temporary folder."""

    name = "duckdb"

    def __init__(self, *, threads: int = 2, memory_limit: str = "6GB", temp_directory: str | None = None):
        self.threads = threads
        self.memory_limit = memory_limit
        self.temp_directory = temp_directory
        self._connection: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> DuckDBEngine:
        self._connection = duckdb.connect()
        self._connection.execute(f"SET threads = {int(self.threads)}")
        self._connection.execute(f"SET memory_limit = '{self.memory_limit}'")
        self._connection.execute("SET preserve_insertion_order = false")
        spill = self.temp_directory or os.path.join(tempfile.gettempdir(), "yrd-market-duckdb")
        self._connection.execute(f"SET temp_directory = '{spill}'")
        return self

    def __exit__(self, *exc) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def linker(
        self,
        features: pd.DataFrame,
        model: SettingsCreator | dict[str, Any],
        *,
        term_frequencies: pd.DataFrame | None = None,
    ) -> Linker:
        api = DuckDBAPI(self._connection)
        linker = Linker(api.register(_model_input(features)), model, log_level=SPLINK_LOG_LEVEL)
        if term_frequencies is not None:
            linker.table_management.register_term_frequency_lookup(api.register(term_frequencies), "trade")
        return linker

    def scored_pairs(self, linker: Linker, *, floor_weight: float) -> pd.DataFrame:
        predictions = linker.inference.predict(threshold_match_weight=floor_weight, warning_mode="never")
        pairs = linker.misc.query_sql(_pairs_sql(predictions.physical_name), output_type="pandas")
        predictions.drop_table_from_database_and_remove_from_cache()
        return pairs


class SparkEngine:
    """Splink's Spark backend. Without a session of its own it starts a local one (`master`, e.g. local[2])."""

    name = "spark"

    def __init__(self, *, session=None, master: str = "local[2]", driver_memory: str = "2g"):
        self._own_session = session is None
        self.session = session
        self.master = master
        self.driver_memory = driver_memory
        self._checkpoints: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> SparkEngine:
        if self.session is None:
            self.session = _local_spark_session(self.master, self.driver_memory)
        self._checkpoints = tempfile.TemporaryDirectory(prefix="yrd-market-spark-")
        if not self.session.sparkContext.getCheckpointDir():
            self.session.sparkContext.setCheckpointDir(self._checkpoints.name)
        return self

    def __exit__(self, *exc) -> None:
        if self._own_session and self.session is not None:
            self.session.stop()
            self.session = None
        if self._checkpoints is not None:
            self._checkpoints.cleanup()

    def linker(
        self,
        features: pd.DataFrame,
        model: SettingsCreator | dict[str, Any],
        *,
        term_frequencies: pd.DataFrame | None = None,
    ) -> Linker:
        from splink import SparkAPI  # pyspark is the optional extra yrd[spark]: imported only when Spark is used

        api = SparkAPI(spark_session=self.session, break_lineage_method="persist")
        frame = self._spark_frame(_model_input(features))
        linker = Linker(api.register(frame), model, log_level=SPLINK_LOG_LEVEL)
        if term_frequencies is not None:
            tf = api.register(self._spark_frame(term_frequencies))
            linker.table_management.register_term_frequency_lookup(tf, "trade")
        return linker

    def _spark_frame(self, frame: pd.DataFrame):
        return self.session.createDataFrame(frame.astype(object).where(frame.notna(), None))

    def scored_pairs(self, linker: Linker, *, floor_weight: float) -> pd.DataFrame:
        predictions = linker.inference.predict(threshold_match_weight=floor_weight, warning_mode="never")
        return linker.misc.query_sql(_pairs_sql(predictions.physical_name), output_type="pandas")


def _model_input(features: pd.DataFrame) -> pd.DataFrame:
    return features.drop(columns=["report_id"])  # pairs refer to reports by position (unique_id)


def _pairs_sql(table: str) -> str:
    weights = ", ".join([f"mw_{name}" for name in comparison_names()] + [f"mw_tf_adj_{TF_COMPARISON}"])
    return f"select unique_id_l, unique_id_r, match_weight, {weights} from {table}"


def _local_spark_session(master: str, driver_memory: str):
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    return (
        SparkSession.builder.master(master)
        .appName("yrd-market-consolidation")
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", driver_memory)
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.default.parallelism", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
