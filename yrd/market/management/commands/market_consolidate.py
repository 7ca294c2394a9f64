"""Consolidate violation reports into enterprises.

    python manage.py market_consolidate --input reports.csv --output clusters.csv [--engine duckdb|spark]
        [--spark-master local[2] | spark://host:7077] [--model model.json] [--save-model model.json]
        [--decisions decisions.csv] [--review review.csv]
    python manage.py market_consolidate --stored [--incremental]

With --input/--output it reads the batch CSV (report_id, subject_name, subject_uscc, subject_address,
subject_phone, incident_city_adcode, category, reported_at, description; all but the first two may be empty),
refuses the whole file with every row's problem when any row is bad, and writes report_id, cluster_id.
--decisions gives reviewers' verdicts (report_a, report_b, decision = merge | split), kept by the run whatever the
model says; --review writes the pairs the run was unsure about as a sheet to fill in and pass back as
--decisions. The CSV mode thus keeps reviewers' decisions like the stored mode does.
With --stored it consolidates the reports in the database (cases, routing and review queue included), as the
background job does after each new report.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from yrd.core.actors import SYSTEM
from yrd.market.consolidation.batch_io import BatchError, consolidate_csv, write_review
from yrd.market.consolidation.engines import DuckDBEngine, SparkEngine
from yrd.market.writes import consolidation_run

STEPS = ("read", "features", "training", "scoring", "clustering", "review")


class Command(BaseCommand):
    help = "Consolidate violation reports into enterprises (a CSV file, or the stored reports)."

    def add_arguments(self, parser):
        parser.add_argument("--input", help="reports CSV (UTF-8)")
        parser.add_argument("--output", help="where to write report_id, cluster_id")
        parser.add_argument("--encoding", default="utf-8-sig", help="of the input, e.g. gb18030")
        parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
        parser.add_argument("--spark-master", default="local[2]", help="local[N] or a cluster URL (spark://…)")
        parser.add_argument("--model", help="a trained model (JSON) to use instead of training")
        parser.add_argument("--save-model", help="write the model used to this JSON file")
        parser.add_argument("--decisions", help="reviewers' verdicts: report_a, report_b, decision (merge|split)")
        parser.add_argument("--review", help="write the pairs to review (a sheet for --decisions) to this CSV")
        parser.add_argument("--stored", action="store_true", help="consolidate the reports in the database")
        parser.add_argument("--incremental", action="store_true", help="with --stored: only the new reports")

    def handle(self, *args, **options):
        engine = SparkEngine(master=options["spark_master"]) if options["engine"] == "spark" else DuckDBEngine()
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task("starting", total=len(STEPS))

            def step(name):
                bar.update(task, description=name, advance=1)

            if options["stored"]:
                self._stored(engine, options, step)
            else:
                self._file(engine, options, step)

    def _file(self, engine, options, step):
        if not options["input"] or not options["output"]:
            raise CommandError("Give --input and --output (or --stored).")
        model = json.loads(open(options["model"], encoding="utf-8").read()) if options["model"] else None
        try:
            result = consolidate_csv(
                options["input"], options["output"], engine=engine, model=model, encoding=options["encoding"],
                decisions_source=options["decisions"], progress=step,
            )  # fmt: skip
        except BatchError as error:
            raise CommandError(str(error)) from None
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {error.filename}") from None
        if options["review"]:
            write_review(options["review"], result.review)
        if options["save_model"]:
            with open(options["save_model"], "w", encoding="utf-8") as handle:
                json.dump(result.model, handle, ensure_ascii=False, indent=1)
        enterprises = result.clusters["cluster_id"].nunique()
        self.stdout.write(
            f"{len(result.clusters)} reports, {enterprises} enterprises, {len(result.review)} pairs to review; "
            f"written to {options['output']}."
        )

    def _stored(self, engine, options, step):
        mode = "incremental" if options["incremental"] else "batch"
        run = consolidation_run(acting_user=SYSTEM, mode=mode, engine=engine, progress=step)
        if run is None:
            self.stdout.write("Nothing new to consolidate.")
            return
        self.stdout.write(f"{run.reports} reports, {run.enterprises} enterprises, {run.review_pairs} pairs to review.")
