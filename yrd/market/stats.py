"""Published figures of the market module, for the plan tracker (area 4: regional market integration)."""

from django.db.models import Count

from yrd.market.models import Case, CaseState, Report


def reports_received() -> int:
    return Report.objects.filter(is_demo=False).count()


def cases_decided() -> int:
    decided = Case.objects.filter(is_demo=False, state__in=[CaseState.DECIDED, CaseState.CLOSED])
    return decided.filter(decided_at__isnull=False).count()


def cross_province_cases() -> int:
    """Cases whose reports come from two or more provinces."""
    provinces = (
        Case.objects.filter(is_demo=False)
        .annotate(provinces=Count("reports__incident_city__parent", distinct=True))
        .filter(provinces__gte=2)
    )
    return provinces.count()


def negative_list_cases() -> int:
    """Decided cases recorded as violations of the market-access negative list (plan task 4.02: cases notified
    to every province and collected)."""
    return Case.objects.filter(is_demo=False, decided_at__isnull=False).exclude(negative_list_entry="").count()
