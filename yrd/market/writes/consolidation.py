"""Consolidation runs on the stored reports: which enterprise each report is about (the engine in
`yrd.market.consolidation`), which case it belongs to, which regulator leads the case and who else is concerned,
and which pairs need a person's eye. Reviewers' merge / split decisions are passed to every run."""

import json
from datetime import timedelta
from pathlib import Path

import pandas as pd
from django.db import connection
from django.utils import timezone

from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.market.apps import CONSOLIDATE
from yrd.market.consolidation.clustering import Decision, DecisionKind
from yrd.market.consolidation.feature_cache import VALUES, features_with_cache, fingerprint, plain
from yrd.market.consolidation.lexicon import divisions
from yrd.market.consolidation.pipeline import Engine, State, consolidate, consolidate_new
from yrd.market.models import (
    Case,
    CaseEvent,
    CaseState,
    ConsolidationRun,
    MatchDecision,
    Report,
    ReportFeatures,
    ReviewPair,
)
from yrd.market.writes.notices import tell_routed

STARTER_MODEL = Path(__file__).resolve().parent.parent / "data" / "starter_model.json"
MIN_TRAINING_REPORTS = 2000  # fewer: Fellegi–Sunter estimates are noise; use the last model, or the starter one
CASE_WINDOW = timedelta(days=180)  # reports about one enterprise and category this close together form one case
COLUMNS = {
    "subject_name": "subject_name",
    "subject_uscc": "subject_uscc",
    "subject_address": "subject_address",
    "subject_phone": "subject_phone",
    "incident_city__code": "incident_city_adcode",
    "category": "category",
    "received_at": "reported_at",
}


def report_id(pk: int) -> str:
    return f"{pk:010d}"  # numeric order = text order, so a cluster is named after its oldest report


def _frame(queryset) -> pd.DataFrame:
    rows = list(queryset.values("pk", *COLUMNS))
    frame = pd.DataFrame(rows, columns=["pk", *COLUMNS]).rename(columns=COLUMNS)
    frame.insert(0, "report_id", [report_id(pk) for pk in frame.pop("pk")])
    frame["reported_at"] = frame["reported_at"].astype(str)
    frame["description"] = ""
    return frame


def _decisions() -> list[Decision]:
    return [
        Decision(report_id(a), report_id(b), DecisionKind(kind))
        for a, b, kind in MatchDecision.objects.values_list("report_a_id", "report_b_id", "kind")
    ]


@write
def consolidation_run(*, acting_user, mode: str = "incremental", engine: Engine | None = None, progress=None):
    """`batch`: every report, the model trained again; `incremental`: the reports not yet placed, against the
    known ones, with the last run's model (a batch run when there is none yet). Returns the run, or None when
    an incremental run finds nothing to do."""
    require(acting_user, CONSOLIDATE)
    _one_run_at_a_time()
    started = timezone.now()
    last = ConsolidationRun.objects.first()
    decisions = _decisions()
    if mode == "incremental" and last is not None:
        new = Report.objects.filter(enterprise_key="")
        if not new.exists() and not decisions:
            return None
        known = Report.objects.exclude(enterprise_key="")
        features, computed = features_with_cache(_frame(known), _cached_features())
        labels = pd.Series(dict(known.values_list("pk", "enterprise_key"))).rename(index=report_id)
        state = State(features=features, labels=labels, model=last.model)
        result = consolidate_new(state, _frame(new), decisions=decisions, engine=engine, progress=progress)
        _store_features(computed)
    else:
        mode = "batch"
        reports = _frame(Report.objects.all())
        model = None if len(reports) >= MIN_TRAINING_REPORTS else (last.model if last else starter_model())
        result = consolidate(reports, decisions=decisions, model=model, engine=engine, progress=progress)
    labels = result.state.labels
    _store_keys(labels)
    _store_features(_entries_missing(result.state.features))
    run = ConsolidationRun.objects.create(
        mode=mode,
        started_at=started,
        finished_at=timezone.now(),
        reports=len(labels),
        enterprises=labels.nunique(),
        review_pairs=len(result.review),
        model=result.model,
        timings={name: round(seconds, 2) for name, seconds in result.timings.items()},
    )
    _store_review(run, result.review)
    opened = _assign_cases(acting_user)
    audit_record(
        actor=acting_user,
        action="market.consolidation.run",
        obj=run,
        data={"mode": mode, "reports": run.reports, "enterprises": run.enterprises, "cases_opened": opened,
              "review_pairs": run.review_pairs, "conflicts": result.conflicts},
    )  # fmt: skip
    return run


RUN_LOCK = 0x6D61726B6574  # "market": the advisory lock key every consolidation run takes


def _one_run_at_a_time() -> None:
    """Consolidation runs one at a time (a run placed by the after-commit job of each report may start while
    another is going): on PostgreSQL a transaction-scoped advisory lock, so a second run waits and then sees what
    the first placed; SQLite lets one writer at a time anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RUN_LOCK])


def starter_model() -> dict:
    """The model a fresh installation starts with (trained without labels on synthetic reports, see
    tools/build_market_starter_model.py) until it has MIN_TRAINING_REPORTS reports of its own."""
    return json.loads(STARTER_MODEL.read_text(encoding="utf-8"))


def _store_keys(labels: pd.Series) -> None:
    current = dict(Report.objects.values_list("pk", "enterprise_key"))
    changed = []
    for rid, key in labels.items():
        pk = int(rid)
        if current.get(pk) != key:
            changed.append(Report(pk=pk, enterprise_key=key))
    Report.objects.bulk_update(changed, ["enterprise_key"], batch_size=1000)


def _cached_features() -> dict:
    return {report_id(pk): (fp, values) for pk, fp, values in ReportFeatures.objects.values_list("report_id",
            "fingerprint", "values")}  # fmt: skip


def _store_features(entries: dict) -> None:
    """Store computed features (replacing those of reports whose fields changed)."""
    if not entries:
        return
    pks = [int(rid) for rid in entries]
    ReportFeatures.objects.filter(report_id__in=pks).delete()
    ReportFeatures.objects.bulk_create(
        [ReportFeatures(report_id=int(rid), fingerprint=fp, values=values) for rid, (fp, values) in entries.items()],
        batch_size=1000,
    )


def _entries_missing(features: pd.DataFrame) -> dict:
    """Entries for the reports of a run that have none stored yet (the new reports, or every report after the
    first batch run), from the features the run computed."""
    stored = set(ReportFeatures.objects.values_list("report_id", flat=True))
    wanted = features[~features["report_id"].astype(int).isin(stored)]
    if wanted.empty:
        return {}
    rows = Report.objects.filter(pk__in=[int(r) for r in wanted["report_id"]])
    frame = _frame(rows).set_index("report_id")
    return {
        rid: (fingerprint(frame.loc[rid].to_dict()), {name: plain(row[name]) for name in VALUES})
        for rid, row in zip(wanted["report_id"], wanted.to_dict("records"), strict=True)
        if rid in frame.index
    }


def _store_review(run: ConsolidationRun, items) -> None:
    decided = set(MatchDecision.objects.values_list("report_a_id", "report_b_id"))
    ReviewPair.objects.all().delete()  # the queue is what the latest run was unsure about
    pairs = []
    for item in items:
        a, b = sorted((int(item.report_a), int(item.report_b)))
        if (a, b) in decided:
            continue
        pairs.append(
            ReviewPair(
                report_a_id=a,
                report_b_id=b,
                match_weight=item.match_weight,
                match_probability=item.match_probability,
                linked=item.linked,
                refusal=item.refusal or "",
                reasons=[{"feature": r.feature, "level": r.level, "weight": r.weight} for r in item.reasons],
                run=run,
            )
        )
    ReviewPair.objects.bulk_create(pairs, batch_size=1000)


def registration_city(uscc: str) -> Jurisdiction | None:
    """The city whose market regulator registered the enterprise: the region code inside a valid USCC."""
    if len(uscc) != 18:
        return None
    county = uscc[2:8]
    city = next((d.city_adcode for d in divisions() if d.adcode == county and d.city_adcode), None)
    return Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY, code=city).first() if city else None


def _assign_cases(acting_user) -> int:
    opened = 0
    waiting = Report.objects.filter(case__isnull=True).exclude(enterprise_key="").select_related("incident_city")
    for report in waiting.order_by("received_at", "pk"):
        case = (
            Case.objects.filter(
                enterprise_key=report.enterprise_key,
                category=report.category,
                state__in=[CaseState.OPEN, CaseState.INVESTIGATING],
                opened_at__lte=report.received_at,
                window_ends__gte=report.received_at,
            )
            .order_by("opened_at", "pk")
            .first()
        )
        if case is None:
            case = _open_case(acting_user, report)
            opened += 1
        report.case = case
        report.save(update_fields=["case"])
        _share(acting_user, case, report)
    return opened


def _open_case(acting_user, report: Report) -> Case:
    uscc = (
        Report.objects.filter(enterprise_key=report.enterprise_key, uscc_status=Report.UsccStatus.VALID)
        .values_list("subject_uscc", flat=True)
        .first()
        or ""
    )
    lead = registration_city(uscc) or report.incident_city
    case = Case.objects.create(
        enterprise_key=report.enterprise_key,
        enterprise_name=report.subject_name,
        enterprise_uscc=uscc,
        category=report.category,
        lead_jurisdiction=lead,
        opened_at=report.received_at,
        window_ends=report.received_at + CASE_WINDOW,
        is_demo=report.is_demo,
    )
    CaseEvent.objects.create(case=case, at=timezone.now(), kind="opened", note=lead.name)
    audit_record(
        actor=acting_user,
        action="market.case.open",
        obj=case,
        jurisdiction=lead.code,
        data={"enterprise": case.enterprise_name, "category": case.category, "lead": lead.code},
    )
    tell_routed(case, lead, lead=True)
    return case


def _share(acting_user, case: Case, report: Report) -> None:
    """Every regulator of a city with a report in the case is concerned (joint enforcement across provinces)."""
    city = report.incident_city
    if city.pk == case.lead_jurisdiction_id or case.shared_with.filter(pk=city.pk).exists():
        return
    case.shared_with.add(city)
    CaseEvent.objects.create(case=case, at=timezone.now(), kind="shared", note=city.name)
    audit_record(actor=acting_user, action="market.case.route", obj=case, jurisdiction=city.code,
                 data={"shared_with": city.code})  # fmt: skip
    tell_routed(case, city, lead=False)
