"""Typed shapes of the plan API. Each write operation has its own input schema; outputs are named
for what they return. Bilingual texts travel as `<field>_zh` / `<field>_en`, never pre-localised."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal, get_args

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.schema import DjangoGetter
from pydantic import model_validator
from pydantic.fields import FieldInfo

from yrd.core.schemas import ApiError  # noqa: F401  (part of this module's public schemas)
from yrd.plan.models import COMMENT_MAX, DESCRIPTION_MAX, NARRATIVE_MAX
from yrd.plan.status import Status

# GB/T 2260 adcode of a province or city, or YRD for the whole region
Adcode = Annotated[str, Field(min_length=2, max_length=6)]
PLACES = 50  # at most this many leads or co-leads: the region has 46 jurisdictions


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


class LateMilestoneOut(Schema):
    title_zh: str
    title_en: str
    due_date: date


class PublicTaskOut(Schema):
    """What the transparency page publishes: no organisations, narratives or internal fields."""

    code: str
    area: int | None
    title_zh: str
    title_en: str
    start: date
    end: date
    status: Status = Field(description="Derived from milestones and the latest accepted report")
    latest_percent: int | None = Field(description="Percent of the newest accepted report")
    late_milestones: list[LateMilestoneOut] = Field(description="Open milestones past their due date")
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

_LEADS = "Adcodes of the lead jurisdictions; adding or removing one needs plan.task.manage over it"
_ORGANISATIONS = "Responsible organisation ids"


def text(limit: int, default=..., **kwargs):
    """A text field of at most `limit` characters (documented as maxLength; checked by Input)."""
    return Field(default, json_schema_extra={"maxLength": limit}, **kwargs)


def _nullable(field: FieldInfo) -> bool:
    return type(None) in get_args(field.annotation)


class Input(Schema):
    """Base of every write input. Values a person typed that do not fit (a text over its limit, a
    null where a value is needed) are a 400 naming every such field, as a write's own validation
    would answer; a body of the wrong shape stays a 422."""

    @model_validator(mode="before")
    @classmethod
    def _values_where_needed(cls, data):
        sent = data._obj if isinstance(data, DjangoGetter) else data  # ninja wraps what it validates
        if isinstance(sent, dict):
            fields = cls.model_fields
            nulls = sorted(n for n, v in sent.items() if v is None and n in fields and not _nullable(fields[n]))
            if nulls:
                message = _("A value is needed here; leave the field out to keep the current one.")
                raise ValidationError({name: [message] for name in nulls})
        return data

    @model_validator(mode="after")
    def _texts_within_limits(self):
        errors = {}
        for name, field in type(self).model_fields.items():
            limit, value = (field.json_schema_extra or {}).get("maxLength"), getattr(self, name)
            if limit and isinstance(value, str) and len(value) > limit:
                errors[name] = [
                    _("At most %(limit)s characters are allowed; this has %(length)s.")
                    % {"limit": limit, "length": len(value)}
                ]
        if errors:
            raise ValidationError(errors)
        return self


class TaskCreateIn(Input):
    code: str = text(20)
    title_zh: str = text(300)
    title_en: str = text(400, "")
    description_zh: str = text(DESCRIPTION_MAX, "")
    description_en: str = text(DESCRIPTION_MAX, "")
    area: int | None = Field(None, description="Area number, 1-9")
    start: date
    end: date
    leads: list[Adcode] = Field(default_factory=list, max_length=PLACES, description=_LEADS)
    coleads: list[Adcode] = Field(default_factory=list, max_length=PLACES)
    organisations: list[int] = Field(default_factory=list, max_length=PLACES, description=_ORGANISATIONS)
    kpi_name_zh: str = text(200, "")
    kpi_name_en: str = text(200, "")
    kpi_target: Decimal | None = None
    kpi_unit: str = text(40, "")
    stat: str = text(80, "")
    is_published: bool = True


class TaskUpdateIn(Input):
    """Only the fields sent are changed; null only where it means something (no area, no target)."""

    code: str = text(20, None)
    title_zh: str = text(300, None)
    title_en: str = text(400, None)
    description_zh: str = text(DESCRIPTION_MAX, None)
    description_en: str = text(DESCRIPTION_MAX, None)
    area: int | None = Field(None, description="Area number; null removes the area")
    start: date = None
    end: date = None
    leads: list[Adcode] = Field(None, max_length=PLACES, description=_LEADS)
    coleads: list[Adcode] = Field(None, max_length=PLACES)
    organisations: list[int] = Field(None, max_length=PLACES)
    kpi_name_zh: str = text(200, None)
    kpi_name_en: str = text(200, None)
    kpi_target: Decimal | None = Field(None, description="null removes the target")
    kpi_unit: str = text(40, None)
    stat: str = text(80, None)
    is_published: bool = None


class MilestoneCreateIn(Input):
    title_zh: str = text(200)
    title_en: str = text(300, "")
    due_date: date
    done_date: date | None = None


class MilestoneUpdateIn(Input):
    """Only the fields sent are changed; done_date null reopens the milestone."""

    title_zh: str = text(200, None)
    title_en: str = text(300, None)
    due_date: date = None
    done_date: date | None = None


class ReportCreateIn(Input):
    period_start: date
    period_end: date
    percent: int = Field(ge=0, le=100)
    narrative_zh: str = text(NARRATIVE_MAX, "")
    narrative_en: str = text(NARRATIVE_MAX, "")
    risk_level: Literal["low", "medium", "high"] = "low"
    kpi_value: Decimal | None = Field(None, max_digits=14, decimal_places=2)


class ReportReviewIn(Input):
    decision: Literal["accept", "return"]
    comment: str = text(COMMENT_MAX, "", description="Required when the report is returned")
