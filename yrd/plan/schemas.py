"""Typed shapes of the plan API. Each write operation has its own input schema; outputs are named
for what they return. Bilingual texts travel as `<field>_zh` / `<field>_en`, never pre-localised."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from yrd.core.schemas import ApiError  # noqa: F401  (part of this module's public schemas)
from yrd.plan.status import Status

Adcode = str  # GB/T 2260 adcode of a province or city, or YRD for the whole region


# --- reads -------------------------------------------------------------------------------------


class AreaOut(Schema):
    id: int
    number: int
    title_zh: str
    title_en: str
    stated_task_count: int | None = Field(description="Key tasks the plan states for this area")
    task_count: int = Field(description="Published tasks on file in this area")


class JurisdictionOut(Schema):
    code: str
    level: str
    name_zh: str
    name_en: str


class OrganisationOut(Schema):
    id: int
    name_zh: str
    name_en: str


class TaskOut(Schema):
    id: int
    code: str
    area: int | None = Field(description="Area number, 1-9; null when the source does not state it")
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    start: date
    end: date
    status: Status = Field(description="Derived from milestones and the latest report")
    latest_percent: int | None = Field(description="Percent of the newest report not returned")
    open_milestones: int
    overdue_milestones: int
    lead_jurisdictions: list[JurisdictionOut]
    colead_jurisdictions: list[JurisdictionOut]
    responsible_organisations: list[OrganisationOut]
    kpi_name_zh: str
    kpi_name_en: str
    kpi_target: Decimal | None
    kpi_unit: str
    stat: str
    is_published: bool
    demo_details: bool = Field(description="Leads, dates and KPI are demo values, not official")
    updated_at: datetime

    @staticmethod
    def resolve_area(task):
        return task.area.number if task.area_id else None


class TaskPageOut(Schema):
    total: int = Field(description="Tasks matching the filters, before limit/offset")
    limit: int
    offset: int
    items: list[TaskOut]


class PublicTaskOut(Schema):
    """What the transparency page publishes: no organisations, narratives or internal fields."""

    code: str
    area: int | None
    title_zh: str
    title_en: str
    start: date
    end: date
    status: Status
    latest_percent: int | None
    lead_jurisdictions: list[JurisdictionOut]
    colead_jurisdictions: list[JurisdictionOut]
    kpi_name_zh: str
    kpi_name_en: str
    kpi_target: Decimal | None
    kpi_unit: str
    demo_details: bool

    @staticmethod
    def resolve_area(task):
        return task.area.number if task.area_id else None


class PublicTaskPageOut(Schema):
    total: int
    limit: int
    offset: int
    items: list[PublicTaskOut]


class MilestoneOut(Schema):
    id: int
    task: int = Field(description="Task id")
    title_zh: str
    title_en: str
    due_date: date
    done_date: date | None
    is_demo: bool

    @staticmethod
    def resolve_task(milestone):
        return milestone.task_id


class EvidenceOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    sha256: str

    @staticmethod
    def resolve_name(evidence):
        return evidence.original_name


class ReportOut(Schema):
    id: int
    task: int = Field(description="Task id")
    period_start: date
    period_end: date
    percent: int
    kpi_value: Decimal | None
    narrative_zh: str
    narrative_en: str
    risk_level: str
    submitted_by: str | None
    submitted_at: datetime
    review_state: str
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_comment: str
    evidence: list[EvidenceOut]
    is_demo: bool

    @staticmethod
    def resolve_task(report):
        return report.task_id

    @staticmethod
    def resolve_submitted_by(report):
        return str(report.submitted_by) if report.submitted_by_id else None

    @staticmethod
    def resolve_reviewed_by(report):
        return str(report.reviewed_by) if report.reviewed_by_id else None


# --- query parameters ---------------------------------------------------------------------------


class Page(Schema):
    limit: int = Field(50, ge=1, le=200, description="At most 200 per page")
    offset: int = Field(0, ge=0)


class TaskListIn(Page):
    area: int | None = Field(None, description="Area number, 1-9")
    status: Status | None = None
    jurisdiction: Adcode | None = Field(
        None,
        max_length=6,
        description="Adcode: tasks led or co-led by this jurisdiction or a place inside it",
    )
    q: str = Field("", max_length=100, description="Text in the code or either title")


class PublicTaskListIn(Page):
    area: int | None = Field(None, description="Area number, 1-9")
    status: Status | None = None


# --- writes -------------------------------------------------------------------------------------

_LEADS = "Adcodes of the lead jurisdictions; managing needs plan.task.manage over each"


class TaskCreateIn(Schema):
    code: str = Field(max_length=20)
    title_zh: str = Field(max_length=300)
    title_en: str = Field("", max_length=400)
    description_zh: str = ""
    description_en: str = ""
    area: int | None = Field(None, description="Area number, 1-9")
    start: date
    end: date
    leads: list[Adcode] = Field(default_factory=list, description=_LEADS)
    coleads: list[Adcode] = Field(default_factory=list)
    organisations: list[int] = Field(default_factory=list, description="Responsible organisation ids")
    kpi_name_zh: str = ""
    kpi_name_en: str = ""
    kpi_target: Decimal | None = None
    kpi_unit: str = ""
    stat: str = ""
    is_published: bool = True


class TaskUpdateIn(Schema):
    """Only the fields sent are changed."""

    code: str | None = Field(None, max_length=20)
    title_zh: str | None = Field(None, max_length=300)
    title_en: str | None = Field(None, max_length=400)
    description_zh: str | None = None
    description_en: str | None = None
    area: int | None = Field(None, description="Area number; null removes the area")
    start: date | None = None
    end: date | None = None
    leads: list[Adcode] | None = Field(None, description=_LEADS)
    coleads: list[Adcode] | None = None
    organisations: list[int] | None = None
    kpi_name_zh: str | None = None
    kpi_name_en: str | None = None
    kpi_target: Decimal | None = None
    kpi_unit: str | None = None
    stat: str | None = None
    is_published: bool | None = None


class MilestoneCreateIn(Schema):
    title_zh: str = Field(max_length=200)
    title_en: str = Field("", max_length=300)
    due_date: date
    done_date: date | None = None


class MilestoneUpdateIn(Schema):
    """Only the fields sent are changed; done_date null reopens the milestone."""

    title_zh: str | None = Field(None, max_length=200)
    title_en: str | None = Field(None, max_length=300)
    due_date: date | None = None
    done_date: date | None = None


class ReportCreateIn(Schema):
    period_start: date
    period_end: date
    percent: int = Field(ge=0, le=100)
    narrative_zh: str = ""
    narrative_en: str = ""
    risk_level: Literal["low", "medium", "high"] = "low"
    kpi_value: Decimal | None = Field(None, max_digits=14, decimal_places=2)


class ReportReviewIn(Schema):
    decision: Literal["accept", "return"]
    comment: str = Field("", description="Required when the report is returned")
