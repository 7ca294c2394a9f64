"""Reading the negative list from CSV or XLSX (all-or-nothing, every row's problem listed) and answering the
access check: activity + enterprise type + place → allowed / prohibited / licence required / eased, with the
authority and the legal basis. The most specific measure answers: a Pudong measure over Shanghai's over the
region's; one for the enterprise's type over a general one; the stricter when both are as specific."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from yrd.core.tables import blank, read_table, unnamed_cells
from yrd.market.consolidation.lexicon import divisions

COLUMNS = ("code", "activity_code", "activity_zh", "activity_en", "kind", "authority", "legal_basis",
           "enterprise_types", "area_adcode")  # fmt: skip
LIMITS = {"code": 20, "activity_code": 20, "activity_zh": 200, "activity_en": 200, "authority": 200,
          "legal_basis": 300, "enterprise_types": 100, "area_adcode": 6}  # fmt: skip
KINDS = ("prohibited", "licence", "eased")
ENTERPRISE_TYPES = ("domestic", "foreign", "individual")


@dataclass(frozen=True)
class Answer:
    verdict: str  # allowed | prohibited | licence | eased
    activity: str
    authority: str = ""
    legal_basis: str = ""
    area_adcode: str = ""
    entry_code: str = ""


def read_rows(content: bytes) -> tuple[list[tuple[int, dict]], list[str]]:
    """The rows as (row number as the sheet shows it, {column: text}) from CSV or XLSX (the content decides),
    and a problem for each value under a column without a name; raises TableError, whose message says why,
    for a file that is not a table."""
    table = read_table(content)
    rows, problems = [], []
    for number, cells in table.rows:
        problems += [f"row {e.row}, {e.column}: {e.reason}" for e in unnamed_cells(table.header, number, cells)]
        values = {
            name: "" if blank(cell) else str(cell).strip() for name, cell in zip(table.header, cells, strict=False)
        }
        values.pop("", None)
        rows.append((number, values))
    return rows, problems


def row_problems(rows: list[tuple[int, dict]]) -> list[str]:
    """Every problem, as "row N, column: reason"; empty when the list may be imported."""
    if not rows:
        return [_("The file has no rows.")]
    missing = [c for c in COLUMNS if c not in rows[0][1]]
    if missing:
        return [_("row 1, %(column)s: required column is missing") % {"column": c} for c in missing]
    places = {d.adcode for d in divisions()}
    problems, seen = [], set()
    for number, row in rows:

        def bad(column, reason, number=number):
            problems.append(f"row {number}, {column}: {reason}")

        for column, limit in LIMITS.items():
            if len(row.get(column, "")) > limit:
                bad(column, _("longer than %(limit)d characters") % {"limit": limit})
        for column in ("code", "activity_code", "activity_zh", "legal_basis"):
            if not row.get(column):
                bad(column, _("must not be empty"))
        if row.get("code") in seen:
            bad("code", _("repeats an earlier row"))
        seen.add(row.get("code"))
        if row.get("kind") not in KINDS:
            bad("kind", _("must be one of %(kinds)s") % {"kinds": ", ".join(KINDS)})
        if row.get("kind") == "licence" and not row.get("authority"):
            bad("authority", _("a licence needs the authority that grants it"))
        types = [t.strip() for t in row.get("enterprise_types", "").split(",") if t.strip()]
        if any(t not in ENTERPRISE_TYPES for t in types):
            bad("enterprise_types", _("use %(types)s") % {"types": ", ".join(ENTERPRISE_TYPES)})
        if row.get("area_adcode") and row["area_adcode"] not in places:
            bad("area_adcode", _("not the adcode of a division of the region"))
    return problems


def area_prefix(adcode: str) -> str:
    """The adcode digits every place inside the area shares: 32 for Jiangsu, 3410 for Huangshan, 310115 Pudong."""
    if not adcode:
        return ""
    if adcode.endswith("0000"):
        return adcode[:2]
    return adcode[:4] if adcode.endswith("00") else adcode


def applies(measure, enterprise_type: str, place: str) -> bool:
    types = [t.strip() for t in measure.enterprise_types.split(",") if t.strip()]
    if types and enterprise_type not in types:
        return False
    return place.startswith(area_prefix(measure.area_adcode))


STRICTNESS = {"prohibited": 2, "licence": 1, "eased": 0}


def _specificity(measure) -> tuple[int, bool, int]:
    """Which measure answers when several apply: the smaller area, then one written for the enterprise's type,
    then the stricter."""
    return len(area_prefix(measure.area_adcode)), bool(measure.enterprise_types.strip()), STRICTNESS[measure.kind]


def decide(measures, activity: str, enterprise_type: str, place: str) -> Answer:
    """The answer for one activity from its measures (most specific area first)."""
    relevant = [m for m in measures if applies(m, enterprise_type, place)]
    if not relevant:
        return Answer("allowed", activity)
    best = max(relevant, key=_specificity)
    return Answer(best.kind, best.activity_zh, best.authority, best.legal_basis, best.area_adcode, best.code)
