"""Every read of the market module, scoped by the caller: a reporter sees their own reports only; a regulator
the cases routed to or shared with their jurisdiction and those cases' reports; nobody else anything private."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from yrd.core.access import can, filter_visible
from yrd.core.models import Jurisdiction, RoleAssignment
from yrd.market.access_list import Answer, decide
from yrd.market.apps import CASE_VIEW, CASE_WORK, REVIEW
from yrd.market.models import AccessMeasure, Case, Evidence, Report, ReviewPair


def reports_of(user) -> QuerySet[Report]:
    """The reports a signed-in reporter made (newest first)."""
    if not getattr(user, "is_authenticated", False):
        return Report.objects.none()
    return Report.objects.filter(reporter=user).select_related("case", "incident_city")


def report_by_receipt(receipt: str) -> Report | None:
    """Who holds a receipt number may see that report's status (and nothing of anyone else's)."""
    return Report.objects.select_related("case", "incident_city").filter(receipt=receipt.strip().upper()).first()


def cases_visible_to(user) -> QuerySet[Case]:
    cases = filter_visible(
        Case.objects.all(), user, CASE_VIEW, jurisdiction_fields=["lead_jurisdiction", "shared_with"]
    )
    return cases.select_related("lead_jurisdiction").annotate(
        report_count=Count("reports", distinct=True),
        provinces=Count("reports__incident_city__parent", distinct=True),
    )


def review_pairs_visible_to(user) -> QuerySet[ReviewPair]:
    """Pairs to review where the reviewer may see both reports (each report's city or its case's jurisdictions)."""
    if not can(user, REVIEW):
        return ReviewPair.objects.none()
    pairs = ReviewPair.objects.select_related("report_a__incident_city", "report_b__incident_city")
    visible = [p.pk for p in pairs if can(user, REVIEW, p.report_a) and can(user, REVIEW, p.report_b)]
    return pairs.filter(pk__in=visible).order_by("-match_probability", "pk")


def access_activities() -> list[tuple[str, str]]:
    """(activity code, name) of every activity on the list, for the check's choices."""
    rows = AccessMeasure.objects.order_by("activity_code").values_list("activity_code", "activity_zh").distinct()
    return list(dict(rows).items())


def access_check(activity_code: str, enterprise_type: str, place: str) -> Answer:
    measures = list(AccessMeasure.objects.filter(activity_code=activity_code))
    name = measures[0].activity_zh if measures else activity_code
    return decide(measures, name, enterprise_type, place)


def statistics() -> dict:
    """Aggregates only (no report, no person): per city, per city × category, per month; case figures."""
    reports = Report.objects.all()
    by_city = dict(reports.values_list("incident_city__code").annotate(n=Count("pk")))
    by_city_category = {
        (city, category): n
        for city, category, n in reports.values_list("incident_city__code", "category").annotate(n=Count("pk"))
    }
    by_month = dict(
        reports.annotate(month=TruncMonth("received_at")).values_list("month").annotate(n=Count("pk")).order_by("month")
    )
    cases = Case.objects.annotate(provinces=Count("reports__incident_city__parent", distinct=True))
    return {
        "reports": reports.count(),
        "cases": cases.count(),
        "decided": cases.filter(decided_at__isnull=False).count(),
        "cross_province": cases.filter(provinces__gte=2).count(),
        "has_demo": reports.filter(is_demo=True).exists(),
        "by_city": by_city,
        "by_city_category": by_city_category,
        "by_month": by_month,
    }


def published_decisions() -> QuerySet[Case]:
    return Case.objects.filter(published=True).select_related("lead_jurisdiction").order_by("-decided_at", "-pk")


def case_reports(case: Case) -> QuerySet[Report]:
    return case.reports.select_related("incident_city").order_by("received_at", "pk")


def other_cases_of_enterprise(case: Case) -> QuerySet[Case]:
    """Other regulators working this enterprise, across the region: cases about the same enterprise (any
    category), shown to whoever may see this case — the lead and the jurisdictions, not the reports."""
    return (
        Case.objects.filter(enterprise_key=case.enterprise_key).exclude(pk=case.pk).select_related("lead_jurisdiction")
    )


def _holders(action: str, jurisdictions, *, region: bool = True) -> QuerySet:
    """Active people holding `action` in one of `jurisdictions` or in a jurisdiction containing it (the
    region-wide holders only when `region`)."""
    paths = set()
    for jurisdiction in jurisdictions:
        parts = jurisdiction.path.split("/")
        paths.update("/".join(parts[: n + 1]) for n in range(0 if region else 1, len(parts)))
    assignments = RoleAssignment.objects.filter(jurisdiction__path__in=paths, organisation__isnull=True)
    users = {a.user_id for a in assignments.select_related("role") if action in a.role.actions}
    return get_user_model().objects.filter(pk__in=users, is_active=True).order_by("username")


def case_officers(jurisdiction: Jurisdiction) -> QuerySet:
    """Who may be put in charge of a case led by `jurisdiction`: the regulators working cases there."""
    return _holders(CASE_WORK, [jurisdiction])


def regulators_of(jurisdictions) -> QuerySet:
    """The regulators of these jurisdictions and of their provinces (not the region-wide administrators: they
    would hear of every case)."""
    return _holders(CASE_VIEW, jurisdictions, region=False)


def case_reporters(case: Case) -> QuerySet:
    """The signed-in reporters of a case's reports (anonymous reporters follow it by receipt number)."""
    ids = case.reports.exclude(reporter=None).values_list("reporter_id", flat=True)
    return get_user_model().objects.filter(pk__in=ids, is_active=True)


def evidence_for(user, pk: int) -> Evidence | None:
    """An evidence file the user may download: the reporter who sent it with their report, or a regulator of a
    jurisdiction its report or case concerns. None when it does not exist or is not theirs to read."""
    evidence = Evidence.objects.select_related("report__case", "report__incident_city", "case").filter(pk=pk).first()
    if evidence is None:
        return None
    report = evidence.report
    if report is not None and getattr(user, "is_authenticated", False) and report.reporter_id == user.pk:
        return evidence
    if report is not None and report.case_id and cases_visible_to(user).filter(pk=report.case_id).exists():
        return evidence
    if report is not None and not report.case_id and can(user, CASE_VIEW, report):
        return evidence
    if evidence.case_id and cases_visible_to(user).filter(pk=evidence.case_id).exists():
        return evidence
    return None


def case_evidence(case: Case) -> QuerySet[Evidence]:
    """The files of a case: those sent with its reports and those its regulators added."""
    return Evidence.objects.filter(Q(case=case) | Q(report__case=case)).select_related("report").order_by("uploaded_at")
