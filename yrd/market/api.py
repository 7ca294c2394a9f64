"""The market API: province feeds (JSON), the access check, a reporter's own reports, a regulator's cases.
Errors follow the platform's shape {code, message, errors?}: 400 bad input (a feed lists every record's
problem), 401, 403, 404. Open311 clients use the GeoReport v2 endpoints under /market/open311/v2/ instead."""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from yrd.core.access import require
from yrd.core.schemas import ApiError
from yrd.core.tables import MAX_BYTES
from yrd.market.access_list import ENTERPRISE_TYPES
from yrd.market.apps import FEED
from yrd.market.feed_table import import_feed_table
from yrd.market.selectors import access_check, cases_visible_to, reports_of
from yrd.market.writes import feed_import
from yrd.market.writes.reports import ReportInput

router = Router(tags=["market"])


class FeedRecordIn(Schema):
    external_id: str = Field(max_length=64, description="the record's id in the sending system")
    subject_name: str = Field(max_length=200)
    subject_uscc: str = Field("", max_length=32)
    subject_address: str = Field("", max_length=300)
    subject_phone: str = Field("", max_length=40)
    category: str = Field(max_length=30)
    incident_city: str = Field(max_length=6, description="adcode of one of the 41 cities")
    occurred_at: datetime | None = None
    place: str = Field("", max_length=300)
    description: str = Field(max_length=4000)
    reporter_name: str = Field("", max_length=60)
    reporter_phone: str = Field("", max_length=30)
    reporter_email: str = Field("", max_length=120)


class FeedIn(Schema):
    source: str = Field(max_length=40, description="the sending system, e.g. js-12315")
    records: list[FeedRecordIn] = Field(max_length=10000)


class FeedOut(Schema):
    received: int
    created: int
    receipts: list[str]


class AccessOut(Schema):
    verdict: str = Field(description="allowed | prohibited | licence | eased")
    activity: str
    authority: str
    legal_basis: str
    area_adcode: str
    entry_code: str


class MyReportOut(Schema):
    receipt: str
    subject_name: str
    category: str
    received_at: datetime
    status: str


class CaseOut(Schema):
    id: int
    number: str
    enterprise_name: str
    enterprise_uscc: str
    category: str
    state: str
    lead_jurisdiction: str
    reports: int
    cross_province: bool


@router.post("/feeds", response={200: FeedOut, 400: ApiError, 403: ApiError})
def post_feed(request, feed: FeedIn):
    """A province's bulk feed: all records or none; re-sending records already received changes nothing."""
    records = [ReportInput(**record.dict()) for record in feed.records]
    created = feed_import(acting_user=request.user, source=feed.source, records=records)
    return {"received": len(records), "created": len(created), "receipts": [r.receipt for r in created]}


class TableErrorOut(Schema):
    row: int | None
    column: str
    reason: str


class FeedTableOut(Schema):
    rows: int
    created: int
    unchanged: int
    dry_run: bool
    errors: list[TableErrorOut]


@router.post("/feeds/table", response={200: FeedTableOut, 400: FeedTableOut, 401: ApiError, 403: ApiError})
def post_feed_table(request, source: str, file: File[UploadedFile], dry_run: bool = False):
    """The same feed as a CSV or XLSX file (multipart `file`): all rows or none, every problem by row and column;
    rows already received are left unchanged. `dry_run=true` only checks."""
    require(request.user, FEED)
    if file.size > MAX_BYTES:
        raise ValidationError({"file": [f"The file is larger than {MAX_BYTES // 2**20} MB."]})
    result = import_feed_table(acting_user=request.user, source=source[:100], data=file.read(), dry_run=dry_run)
    body = {"rows": result.rows, "created": result.created, "unchanged": result.unchanged, "dry_run": dry_run,
            "errors": [vars(e) for e in result.errors]}  # fmt: skip
    return Status(400 if result.errors else 200, body)


@router.get("/access-check", response={200: AccessOut, 400: ApiError}, auth=None)
def get_access_check(request, activity: str, enterprise_type: str, place: str):
    """Activity code + enterprise type (domestic, foreign, individual) + place adcode → the measure that applies."""
    if enterprise_type not in ENTERPRISE_TYPES:
        message = f"enterprise_type must be one of {', '.join(ENTERPRISE_TYPES)}"
        return Status(400, {"code": "invalid", "message": message})
    return access_check(activity[:20], enterprise_type, place[:6]).__dict__


@router.get("/my-reports", response=list[MyReportOut])
def my_reports(request):
    return [
        {
            "receipt": r.receipt,
            "subject_name": r.subject_name,
            "category": r.category,
            "received_at": r.received_at,
            "status": r.case.state if r.case else "received",
        }
        for r in reports_of(request.user)[:1000]
    ]


@router.get("/cases", response=list[CaseOut])
def cases(request, state: str = ""):
    found = cases_visible_to(request.user)
    if state:
        found = found.filter(state=state[:15])
    return [
        {
            "id": c.pk,
            "number": c.number,
            "enterprise_name": c.enterprise_name,
            "enterprise_uscc": c.enterprise_uscc,
            "category": c.category,
            "state": c.state,
            "lead_jurisdiction": c.lead_jurisdiction.code,
            "reports": c.report_count,
            "cross_province": c.provinces > 1,
        }
        for c in found[:1000]
    ]
