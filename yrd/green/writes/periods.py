"""A site's data for a period: entered by its own people, submitted, then reviewed or returned by
the park or the city. Reviewing computes the account with the catalogue's factors of the day and
stores them with the result; a reviewed period cannot be edited, and nothing later changes it.
Each write locks the period row, so two people cannot review (or edit and review) at once."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.green.accounting import AccountingError, Activity, Output, Period, SiteData, account, validate
from yrd.green.accounts import account_of, catalogue, summary
from yrd.green.apps import REPORT, REVIEW
from yrd.green.models import ActivityRecord, ReportingPeriod, Site
from yrd.green.models.sites import report_scope, review_scope

from .common import as_validation_error


@dataclass
class Entry:
    kind: str
    quantity: Decimal
    unit: str


@dataclass
class PeriodInput:
    year: int
    month: int | None = None
    entries: list[Entry] = field(default_factory=list)
    output_quantity: Decimal | None = None
    value_added: Decimal | None = None


def check_entries(site: Site, data: PeriodInput) -> None:
    """Every problem of the entries at once, by the engine's rules: negatives, absurd figures, units
    that do not measure what their factor applies to, certificates beyond grid purchases."""
    try:
        problems_of(site, data)
    except AccountingError as error:
        raise as_validation_error(error) from None


def problems_of(site: Site, data: PeriodInput) -> None:
    """Raises AccountingError with every problem of `data`; the factors of the year check the units
    (without published factors for the year, the other checks still run)."""
    activities = [Activity(e.kind, e.quantity, e.unit, data.month) for e in data.entries]
    entered = SiteData(
        Period(data.year, data.month), activities, Output(data.output_quantity, "unit", data.value_added)
    )
    try:
        factors = catalogue().select(year=data.year, province=site.province_code)
    except AccountingError:
        validate(entered)
        return
    account(entered, factors)


def locked_period(site: Site, year: int, month: int | None) -> ReportingPeriod:
    period, _created = ReportingPeriod.objects.get_or_create(site=site, year=year, month=month)
    return ReportingPeriod.objects.select_for_update().get(pk=period.pk)


def refuse_unless_editable(period: ReportingPeriod) -> None:
    if not period.editable:
        raise Conflict(
            _("%(period)s is %(state)s; its data can no longer be changed.")
            % {"period": period.label, "state": period.get_state_display().lower()},
            code="period_locked",
        )


@write
def period_save(*, acting_user, site: Site, data: PeriodInput, is_demo: bool = False) -> ReportingPeriod:
    """Replace the period's entries with `data` (all of them, or nothing when anything is wrong)."""
    require(acting_user, REPORT, report_scope(site))
    check_entries(site, data)
    period = locked_period(site, data.year, data.month)
    refuse_unless_editable(period)
    store(period, data, acting_user, is_demo)
    audit_record(
        actor=acting_user,
        action="green.period.save",
        obj=period,
        jurisdiction=site.city.code,
        data={"entries": [[e.kind, str(e.quantity), e.unit] for e in data.entries]},
    )
    return period


def store(period: ReportingPeriod, data: PeriodInput, acting_user, is_demo: bool) -> None:
    period.activities.all().delete()
    ActivityRecord.objects.bulk_create(
        ActivityRecord(period=period, kind=e.kind, quantity=e.quantity, unit=e.unit, entered_by=person(acting_user))
        for e in data.entries
    )
    period.output_quantity, period.value_added = data.output_quantity, data.value_added
    period.is_demo = is_demo
    period.full_clean()
    period.save()


@write
def period_submit(*, acting_user, period: ReportingPeriod) -> ReportingPeriod:
    require(acting_user, REPORT, report_scope(period.site))
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    refuse_unless_editable(period)
    if not period.activities.exists():
        raise ValidationError({"period": _("Enter the period's energy data before submitting it.")})
    try:
        account_of(period)
    except AccountingError as error:
        raise as_validation_error(error) from None
    period.state = ReportingPeriod.State.SUBMITTED
    period.submitted_by, period.submitted_at = person(acting_user), timezone.now()
    period.save(update_fields=["state", "submitted_by", "submitted_at"])
    audit_record(actor=acting_user, action="green.period.submit", obj=period, jurisdiction=period.site.city.code)
    return period


@write
def period_review(*, acting_user, period: ReportingPeriod, note: str = "") -> ReportingPeriod:
    """Approve a submitted period: compute its account with today's catalogue and keep both."""
    require(acting_user, REVIEW, review_scope(period.site))
    period = (
        ReportingPeriod.objects.select_for_update(of=("self",)).select_related("site__city__parent").get(pk=period.pk)
    )
    if period.state != ReportingPeriod.State.SUBMITTED:
        raise Conflict(
            _("Only a submitted period can be reviewed (this one is %(state)s).")
            % {"state": period.get_state_display().lower()},
            code="not_submitted",
        )
    try:
        factors = catalogue().select(year=period.year, province=period.site.province_code)
        period.factor_set = factors.to_dict()
        period.state = ReportingPeriod.State.REVIEWED
        result = account_of(period)
    except AccountingError as error:
        raise as_validation_error(error) from None
    period.result = summary(result)
    period.reviewed_by, period.reviewed_at, period.review_note = person(acting_user), timezone.now(), note[:500]
    period.save()
    audit_record(
        actor=acting_user,
        action="green.period.review",
        obj=period,
        jurisdiction=period.site.city.code,
        data={"total_tco2": period.result["total"], "factors": [f.id for f in factors.all_factors()]},
    )
    return period


@write
def period_return(*, acting_user, period: ReportingPeriod, note: str) -> ReportingPeriod:
    require(acting_user, REVIEW, review_scope(period.site))
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.state != ReportingPeriod.State.SUBMITTED:
        raise Conflict(_("Only a submitted period can be returned."), code="not_submitted")
    if not note.strip():
        raise ValidationError({"note": _("Say what must be corrected.")})
    period.state, period.review_note = ReportingPeriod.State.RETURNED, note[:500]
    period.save(update_fields=["state", "review_note"])
    audit_record(
        actor=acting_user,
        action="green.period.return",
        obj=period,
        jurisdiction=period.site.city.code,
        data={"note": note[:500]},
    )
    return period
