"""The columns of each importable kind of the plan (tasks, milestones, reports) and the parsers only
the plan needs; the generic cell parsers and header/row checks are core's (yrd.core.tables)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.tables import (
    CellError,
    Column,
    describe,
    parse_adcodes,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_percent,
    text,
)
from yrd.plan.models import DESCRIPTION_MAX, NARRATIVE_MAX

RISK_WORDS = {
    "low": "low",
    "medium": "medium",
    "high": "high",
    "低": "low",
    "中": "medium",
    "高": "high",
    "低风险": "low",
    "中风险": "medium",
    "高风险": "high",
}


def parse_risk(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().lower() in RISK_WORDS:
        return RISK_WORDS[value.strip().lower()]
    raise CellError(
        _("%(value)s is not a risk level: low, medium or high (低, 中 or 高).") % {"value": describe(value)}
    )


def parse_area(value):
    return parse_integer(value, minimum=1, maximum=9)


TASK_COLUMNS = (
    Column("code", text(20), True, gettext_lazy("Task code, e.g. 3.04; an existing code updates that task")),
    Column("area", parse_area, help=gettext_lazy("Area number 1-9, or blank")),
    Column("title_zh", text(300), True, gettext_lazy("Title in Chinese")),
    Column("title_en", text(400), help=gettext_lazy("Title in English")),
    Column("description_zh", text(DESCRIPTION_MAX, multiline=True), help=gettext_lazy("Description in Chinese")),
    Column("description_en", text(DESCRIPTION_MAX, multiline=True), help=gettext_lazy("Description in English")),
    Column("lead", parse_adcodes, help=gettext_lazy("Lead jurisdictions: adcodes, e.g. 320000;330000")),
    Column("colead", parse_adcodes, help=gettext_lazy("Co-lead jurisdictions, written like lead")),
    Column("start", parse_date, True, gettext_lazy("Start date, YYYY-MM-DD")),
    Column("end", parse_date, True, gettext_lazy("End date, YYYY-MM-DD")),
    Column("kpi_name_zh", text(200), help=gettext_lazy("KPI name in Chinese")),
    Column("kpi_name_en", text(200), help=gettext_lazy("KPI name in English")),
    Column("kpi_target", lambda v: parse_decimal(v, minimum=0), help=gettext_lazy("KPI target, a number")),
    Column("kpi_unit", text(40), help=gettext_lazy("KPI unit, e.g. %")),
    Column("published", parse_bool, True, gettext_lazy("Shown on the transparency page: yes or no")),
)
MILESTONE_COLUMNS = (
    Column("task_code", text(20), True, gettext_lazy("Code of the task")),
    Column("title_zh", text(200), True, gettext_lazy("Title in Chinese; names the milestone")),
    Column("title_en", text(300), help=gettext_lazy("Title in English")),
    Column("due_date", parse_date, True, gettext_lazy("Due date, YYYY-MM-DD")),
    Column("done_date", parse_date, help=gettext_lazy("Date done, YYYY-MM-DD; blank while open")),
)
REPORT_COLUMNS = (
    Column("task_code", text(20), True, gettext_lazy("Code of the task")),
    Column("period_start", parse_date, True, gettext_lazy("First day reported on, YYYY-MM-DD")),
    Column("period_end", parse_date, True, gettext_lazy("Last day reported on, YYYY-MM-DD")),
    Column("percent", parse_percent, True, gettext_lazy("Percent complete, a whole number 0-100")),
    Column("risk", parse_risk, True, gettext_lazy("Risk: low, medium or high (低, 中, 高)")),
    Column("narrative_zh", text(NARRATIVE_MAX, multiline=True), help=gettext_lazy("Progress in Chinese")),
    Column("narrative_en", text(NARRATIVE_MAX, multiline=True), help=gettext_lazy("Progress in English (or Chinese)")),
    Column("kpi_value", parse_decimal, help=gettext_lazy("KPI value reached, a number")),
)
COLUMNS = {"tasks": TASK_COLUMNS, "milestones": MILESTONE_COLUMNS, "reports": REPORT_COLUMNS}
KINDS = tuple(COLUMNS)
