"""The stable batch interface: reports CSV in, clusters CSV out.

Input columns, in any order: report_id, subject_name, subject_uscc, subject_address, subject_phone,
incident_city_adcode, category, reported_at, description. Only report_id and subject_name must have a value.
`read_reports` checks the whole file and either returns every row or raises `BatchError` listing every problem
with its row number (as a spreadsheet shows it: the header is row 1), column and reason: missing or unknown
columns, empty or repeated report ids, values too long, a city that is not one of the 41, a category not on the
published list, a date that is not ISO 8601. A USCC that fails its check digit is not an error: the report is kept
and the code compared as written.

Output: report_id, cluster_id, one row per report, in input order. `consolidate_csv` does both ends and the run.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..categories import VIOLATION_CATEGORIES
from .clustering import Decision, DecisionKind
from .lexicon import divisions
from .pipeline import Engine, Progress, Result, consolidate

MAX_LENGTHS = {
    "report_id": 64,
    "subject_name": 200,
    "subject_uscc": 32,
    "subject_address": 300,
    "subject_phone": 40,
    "incident_city_adcode": 6,
    "category": 64,
    "reported_at": 32,
    "description": 5000,
}
BATCH_COLUMNS = tuple(MAX_LENGTHS)
REQUIRED_VALUES = ("report_id", "subject_name")
FIRST_DATA_ROW = 2  # row 1 is the header


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1 (a quoted value may span several lines)
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


class BatchError(ValueError):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        shown = "\n".join(f"  {error}" for error in errors[:50])
        more = f"\n  … and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{len(errors)} problem(s) in the reports file; nothing was consolidated:\n{shown}{more}")


def city_adcodes() -> frozenset[str]:
    return frozenset(d.city_adcode for d in divisions() if d.city_adcode)


def read_reports(source: str | Path | io.IOBase, *, encoding: str = "utf-8-sig") -> pd.DataFrame:
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False, encoding=encoding, quoting=csv.QUOTE_MINIMAL)
    except UnicodeDecodeError as error:
        raise BatchError([RowError(1, "file", f"not {encoding} text ({error.reason}); save it as CSV UTF-8")]) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise BatchError([RowError(1, "file", f"not a readable CSV file: {error}")]) from None
    errors = _header_errors(frame.columns)
    if errors:
        raise BatchError(errors)
    frame = frame[list(BATCH_COLUMNS)].apply(lambda column: column.str.strip())
    errors = _value_errors(frame)
    if errors:
        raise BatchError(sorted(errors, key=lambda e: (e.row, BATCH_COLUMNS.index(e.column))))
    return frame.reset_index(drop=True)


def _header_errors(columns: pd.Index) -> list[RowError]:
    errors = [RowError(1, name, "required column is missing") for name in BATCH_COLUMNS if name not in columns]
    errors += [RowError(1, str(name), "unknown column") for name in columns if name not in BATCH_COLUMNS]
    errors += [RowError(1, str(name), "column appears twice") for name in columns[columns.duplicated()]]
    return errors


def _value_errors(frame: pd.DataFrame) -> list[RowError]:
    errors: list[RowError] = []
    rows = frame.index.to_numpy() + FIRST_DATA_ROW

    def flag(mask: pd.Series, column: str, message) -> None:
        for row, value in zip(rows[mask.to_numpy()], frame.loc[mask, column], strict=True):
            errors.append(RowError(int(row), column, message(value) if callable(message) else message))

    for column, limit in MAX_LENGTHS.items():
        flag(frame[column].str.len() > limit, column, f"longer than {limit} characters")
    for column in REQUIRED_VALUES:
        flag(frame[column] == "", column, "must not be empty")
    ids = frame["report_id"]
    first_row = pd.Series(rows, index=frame.index).groupby(ids).transform("min")
    repeated = ids.duplicated() & (ids != "")
    for row, first in zip(rows[repeated.to_numpy()], first_row[repeated], strict=True):
        errors.append(RowError(int(row), "report_id", f"repeats the report id of row {first}"))
    cities = frame["incident_city_adcode"]
    flag((cities != "") & ~cities.isin(city_adcodes()), "incident_city_adcode", _not_a_city)
    categories = frame["category"]
    flag((categories != "") & ~categories.isin(VIOLATION_CATEGORIES), "category", _not_a_category)
    dates = frame["reported_at"]
    parsed = pd.to_datetime(dates.where(dates != ""), format="ISO8601", errors="coerce", utc=True)
    flag((dates != "") & parsed.isna(), "reported_at", lambda v: f"{v!r} is not an ISO 8601 date or date-time")
    return errors


def _not_a_city(value: str) -> str:
    return f"{value!r} is not the adcode of one of the 41 YRD cities"


def _not_a_category(value: str) -> str:
    return f"{value!r} is not a published category ({', '.join(VIOLATION_CATEGORIES)})"


def write_clusters(target: str | Path | io.IOBase, clusters: pd.DataFrame) -> None:
    clusters[["report_id", "cluster_id"]].to_csv(target, index=False, encoding="utf-8", lineterminator="\n")


DECISION_COLUMNS = ("report_a", "report_b", "decision")
REVIEW_COLUMNS = ("report_a", "report_b", "match_probability", "linked", "refusal", "reasons", "decision")


def read_decisions(source: str | Path | io.IOBase, report_ids, *, encoding: str = "utf-8-sig") -> list[Decision]:
    """Reviewers' verdicts for a CSV run: columns report_a, report_b, decision (merge | split), both ids from the
    reports file. The whole file or nothing (BatchError with every row's problem); a pair given twice must agree."""
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False, encoding=encoding)
    except UnicodeDecodeError as error:
        raise BatchError([RowError(1, "file", f"not {encoding} text ({error.reason}); save it as CSV UTF-8")]) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise BatchError([RowError(1, "file", f"not a readable CSV file: {error}")]) from None
    errors = [RowError(1, name, "required column is missing") for name in DECISION_COLUMNS if name not in frame]
    allowed = (*DECISION_COLUMNS, *REVIEW_COLUMNS)  # a filled-in review sheet may be passed back as it is
    errors += [RowError(1, str(name), "unknown column") for name in frame.columns if name not in allowed]
    if errors:
        raise BatchError(errors)
    known, seen, decisions = set(report_ids), {}, []
    for index, (a, b, kind) in enumerate(frame[list(DECISION_COLUMNS)].itertuples(index=False)):
        row, a, b, kind = index + FIRST_DATA_ROW, a.strip(), b.strip(), kind.strip().lower()
        if not kind:
            continue  # a pair of the review sheet nobody decided
        found = [RowError(row, column, f"{value!r} is not a report id of the reports file")
                 for column, value in (("report_a", a), ("report_b", b)) if value not in known]  # fmt: skip
        if a == b and a:
            found.append(RowError(row, "report_b", "the same report as report_a"))
        if kind not in {k.value for k in DecisionKind}:
            found.append(RowError(row, "decision", f"{kind!r} is not merge or split"))
        pair = tuple(sorted((a, b)))
        if not found and seen.get(pair, (kind, 0))[0] != kind:
            found.append(RowError(row, "decision", f"contradicts row {seen[pair][1]} for the same pair"))
        seen.setdefault(pair, (kind, row))
        errors += found
        if not found:
            decisions.append(Decision(pair[0], pair[1], DecisionKind(kind)))
    if errors:
        raise BatchError(errors)
    return decisions


def write_review(target: str | Path | io.IOBase, items) -> None:
    """The pairs a run was unsure about, as a sheet a reviewer fills in: write merge or split in `decision` and
    pass the file back with --decisions (rows left empty are ignored there)."""
    rows = [
        {
            "report_a": item.report_a,
            "report_b": item.report_b,
            "match_probability": round(item.match_probability, 4),
            "linked": "yes" if item.linked else "no",
            "refusal": item.refusal or "",
            "reasons": "; ".join(f"{r.feature}: {r.level} {r.weight:+.1f}" for r in item.reasons),
            "decision": "",
        }
        for item in items
    ]
    pd.DataFrame(rows, columns=list(REVIEW_COLUMNS)).to_csv(target, index=False, encoding="utf-8-sig",
                                                            lineterminator="\n")  # fmt: skip


def consolidate_csv(
    source: str | Path,
    target: str | Path,
    *,
    engine: Engine | None = None,
    model: dict | None = None,
    decisions: list[Decision] | None = None,
    decisions_source: str | Path | io.IOBase | None = None,
    encoding: str = "utf-8-sig",
    progress: Progress | None = None,
) -> Result:
    """The batch behind `market_consolidate`: read and check the whole file, consolidate, write the clusters.
    Nothing is written when the file has a problem (BatchError)."""
    reports = read_reports(source, encoding=encoding)
    if decisions_source is not None:
        decisions = [*(decisions or ()), *read_decisions(decisions_source, reports["report_id"], encoding=encoding)]
    if progress:
        progress("read")
    result = consolidate(reports, decisions=decisions or (), model=model, engine=engine, progress=progress)
    write_clusters(target, result.clusters)
    return result
