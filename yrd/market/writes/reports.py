"""Taking in reports: one at a time (web form, Open311) or a province feed all-or-nothing, idempotent by the
feed's own id. A mistyped USCC is kept and flagged, never refused. Consolidation of new reports runs after commit."""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import can, require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.jobs import run_after_commit
from yrd.core.models import Jurisdiction
from yrd.core.personal.subject import consent_record
from yrd.core.uploads import check_upload
from yrd.market.apps import FEED
from yrd.market.categories import VIOLATION_CATEGORIES
from yrd.market.consolidation.identifiers import clean_uscc
from yrd.market.models import Report
from yrd.market.tasks import consolidate_new_reports

MAX_EVIDENCE = 5
LIMITS = {
    "subject_name": 200,
    "subject_uscc": 32,
    "subject_address": 300,
    "subject_phone": 40,
    "place": 300,
    "description": 4000,
    "reporter_name": 60,
    "reporter_phone": 30,
    "reporter_email": 120,
    "external_id": 64,
}


@dataclass
class ReportInput:
    subject_name: str
    category: str
    incident_city: str  # adcode of one of the 41 cities
    description: str
    subject_uscc: str = ""
    subject_address: str = ""
    subject_phone: str = ""
    place: str = ""
    occurred_at: datetime | None = None
    latitude: float | None = None
    longitude: float | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    reporter_email: str = ""
    external_id: str = ""
    evidence: list = field(default_factory=list)  # uploaded files


def problems(data: ReportInput, cities: dict[str, Jurisdiction]) -> dict[str, list[str]]:
    """Every problem with one report, by field (empty when it may be taken in)."""
    errors: dict[str, list[str]] = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    for name, limit in LIMITS.items():
        if len(getattr(data, name) or "") > limit:
            add(name, _("At most %(limit)d characters.") % {"limit": limit})
    for name in ("subject_name", "description"):
        if not (getattr(data, name) or "").strip():
            add(name, _("This field is required."))
    if data.category not in VIOLATION_CATEGORIES:
        add("category", _("Choose one of the published categories."))
    if data.incident_city not in cities:
        add("incident_city", _("Choose one of the 41 cities of the Yangtze River Delta."))
    if data.occurred_at is not None and data.occurred_at > timezone.now():
        add("occurred_at", _("This lies in the future."))
    if data.latitude is not None and not -90 <= data.latitude <= 90:
        add("latitude", _("A latitude lies between -90 and 90."))
    if data.longitude is not None and not -180 <= data.longitude <= 180:
        add("longitude", _("A longitude lies between -180 and 180."))
    if len(data.evidence) > MAX_EVIDENCE:
        add("evidence", _("At most %(n)d files.") % {"n": MAX_EVIDENCE})
    for upload in data.evidence:
        try:
            check_upload(upload)
        except ValidationError as error:
            errors.setdefault("evidence", []).extend(error.messages)
    return errors


def city_jurisdictions() -> dict[str, Jurisdiction]:
    return {j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).select_related("parent")}


def _create(data: ReportInput, *, channel: str, source: str, reporter, submitted_by, city, at) -> Report:
    code, status = clean_uscc(data.subject_uscc)
    report = Report(
        channel=channel,
        source=source,
        external_id=data.external_id.strip(),
        subject_name=data.subject_name.strip(),
        subject_uscc=code or "",
        uscc_status=status.value,
        subject_address=data.subject_address.strip(),
        subject_phone=data.subject_phone.strip(),
        incident_city=city,
        category=data.category,
        occurred_at=data.occurred_at,
        place=data.place.strip(),
        latitude=_degrees(data.latitude),
        longitude=_degrees(data.longitude),
        description=data.description.strip(),
        reporter=reporter,
        submitted_by=submitted_by,
        reporter_name=data.reporter_name.strip(),
        reporter_phone=data.reporter_phone.strip(),
        reporter_email=data.reporter_email.strip(),
        received_at=at,
    )
    report.full_clean()
    report.save()
    for upload in data.evidence:
        content_type, digest = check_upload(upload)
        report.evidence.create(
            file=upload, name=upload.name[-200:], content_type=content_type, sha256=digest, added_by=submitted_by
        )
    return report


def _degrees(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.6f}")


def _fingerprint(data: ReportInput) -> dict:
    values = asdict(data)
    values["evidence"] = [getattr(f, "name", str(f)) for f in data.evidence]
    return values


CONTACT_CONSENT = "market.reporter_contact"  # declared with its wording in the manifest


@write
def report_submit(*, acting_user, data: ReportInput, channel: str, idempotency_key: str | None = None) -> Report:
    """A report from the web form (anyone, signed in or not: the public door, like the 12315 hotline) or from an
    Open311 client (`acting_user` is the account of the client's api_key). The reporter's contact is stored but
    never shown to other reporters or the public."""
    operation = "market.report.submit"
    earlier = idempotency.claim(
        acting_user=acting_user, operation=operation, key=idempotency_key, request=_fingerprint(data)
    )
    if earlier is not None:
        return Report.objects.get(pk=earlier)
    cities = city_jurisdictions()
    errors = problems(data, cities)
    if errors:
        raise ValidationError(errors)
    signed_in = getattr(acting_user, "is_authenticated", False)
    report = _create(
        data,
        channel=channel,
        source="",
        reporter=person(acting_user) if signed_in and channel == Report.Channel.WEB else None,
        submitted_by=person(acting_user) if signed_in and channel != Report.Channel.WEB else None,
        city=cities[data.incident_city],
        at=timezone.now(),
    )
    audit_record(
        actor=acting_user,
        action=operation,
        obj=report,
        jurisdiction=report.incident_city.code,
        data={"channel": channel, "category": report.category, "uscc_status": report.uscc_status},
    )
    if report.reporter_name or report.reporter_phone or report.reporter_email:
        consent_record(
            acting_user=acting_user, code=CONTACT_CONSENT, user=report.reporter, obj=report, at=report.received_at
        )
    idempotency.fulfil(acting_user=acting_user, operation=operation, key=idempotency_key, result_id=report.pk)
    _consolidate_after_commit()
    return report


@write
def feed_import(*, acting_user, source: str, records: list[ReportInput]) -> list[Report]:
    """A province's bulk feed: every record checked first; one bad record rejects the whole feed with every
    problem listed (`records[i].field`). Records whose id the feed already sent are left as they are, so sending
    a feed again changes nothing. Returns the reports created."""
    require(acting_user, FEED)
    if not source.strip() or len(source) > 40:
        raise ValidationError({"source": [_("Name the sending system (at most 40 characters).")]})
    cities = city_jurisdictions()
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for index, record in enumerate(records):
        found = problems(record, cities)
        if not record.external_id.strip():
            found.setdefault("external_id", []).append(_("A feed record carries its own id."))
        elif record.external_id in seen:
            found.setdefault("external_id", []).append(_("This id appears twice in the feed."))
        seen.add(record.external_id)
        city = cities.get(record.incident_city)
        if city is not None and not can(acting_user, FEED, city):
            found.setdefault("incident_city", []).append(_("Your feed may send reports of your province only."))
        for name, messages in found.items():
            errors[f"records[{index}].{name}"] = messages
    if errors:
        raise ValidationError(errors)
    known = set(Report.objects.filter(source=source, external_id__in=seen).values_list("external_id", flat=True))
    now = timezone.now()
    created = [
        _create(r, channel=Report.Channel.FEED, source=source, reporter=None, submitted_by=person(acting_user),
                city=cities[r.incident_city], at=now)
        for r in records
        if r.external_id not in known
    ]  # fmt: skip
    audit_record(
        actor=acting_user,
        action="market.feed.import",
        object_type="market.Feed",
        object_id=source,
        data={"records": len(records), "created": len(created), "already_known": len(known)},
    )
    if created:
        _consolidate_after_commit()
    return created


def _consolidate_after_commit() -> None:
    run_after_commit(consolidate_new_reports)
