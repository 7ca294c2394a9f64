"""Regulators' pages: the queue of cases routed to or shared with their jurisdiction, and a case with all its
reports (reporter contact masked), its timeline and the other regulators working the same enterprise."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import Scope, can
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.core.personal import Kind, mask
from yrd.core.tables.pages import download
from yrd.market.apps import CASE_VIEW, CASE_WORK, CONTACT
from yrd.market.charts import bars, city_map
from yrd.market.models import Case, CaseState, Report
from yrd.market.selectors import (
    case_evidence,
    case_officers,
    case_reports,
    cases_visible_to,
    other_cases_of_enterprise,
    published_decisions,
)
from yrd.market.writes import case_transition, cases_triage, reporter_contact_reveal
from yrd.market.writes.cases import TransitionInput, available
from yrd.market.writes.triage import TriageInput

EXPORT_COLUMNS = ("number", "enterprise_name", "enterprise_uscc", "category", "lead", "state", "reports",
                  "cross_province", "opened_at")  # fmt: skip


def _filtered(request):
    if not can(request.user, CASE_VIEW):
        raise PermissionDenied
    cases = cases_visible_to(request.user)
    state = request.GET.get("state", "")[:15]
    return (cases.filter(state=state) if state else cases), state


def _officers(user) -> list:
    """Officers the caller may put in charge: those of the jurisdictions the caller leads cases for."""
    leads = {c.lead_jurisdiction for c in cases_visible_to(user).filter(state__in=["open", "investigating"])[:500]}
    found = {}
    for jurisdiction in leads:
        if can(user, CASE_WORK, jurisdiction):
            found.update({o.pk: o for o in case_officers(jurisdiction)})
    return sorted(found.values(), key=lambda o: o.username)


@login_required
def queue(request):
    cases, state = _filtered(request)
    context = {
        "cases": cases.select_related("assignee")[:500],
        "state": state,
        "states": CaseState.choices,
        "may_triage": can(request.user, CASE_WORK),
        "officers": _officers(request.user) if can(request.user, CASE_WORK) else [],
        "chart": bars(_by_state(cases), name=_("cases")),
    }
    return render(request, "market/queue.html", context)


def _by_state(cases) -> list[tuple[str, int]]:
    plain = Case.objects.filter(pk__in=cases.values("pk"))
    counts = dict(plain.order_by().values_list("state").annotate(n=Count("pk")))
    return [(str(label), counts.get(value, 0)) for value, label in CaseState.choices]


@login_required
@require_POST
def triage(request):
    """Many cases at once: put in an officer's charge, merged into the oldest, or closed with a reason."""
    if not can(request.user, CASE_WORK):
        raise PermissionDenied
    post = request.POST
    ids = [int(v) for v in post.getlist("cases") if v.isdigit()][:1000]
    assignee = post.get("assignee", "")
    data = TriageInput(
        action=post.get("action", ""),
        case_ids=ids,
        note=post.get("note", ""),
        assignee_id=int(assignee) if assignee.isdigit() else None,
    )
    try:
        changed = cases_triage(acting_user=request.user, data=data)
    except ValidationError as error:
        messages.error(request, " ".join(m for ms in error.message_dict.values() for m in ms))
    except Conflict as conflict:
        messages.error(request, conflict.message)
    else:
        messages.success(
            request, _("%(n)d cases changed.") % {"n": len(changed) if data.action != "merge" else len(ids)}
        )
    return redirect("market:queue")


@login_required
def export(request, fmt):
    """The filtered list as CSV or XLSX (no personal data: cases, not reports)."""
    cases, _state = _filtered(request)
    rows = [
        [c.number, c.enterprise_name, c.enterprise_uscc, c.get_category_display(), c.lead_jurisdiction.name,
         c.get_state_display(), c.report_count, c.provinces > 1, timezone.localtime(c.opened_at).date()]
        for c in cases
    ]  # fmt: skip
    return download(fmt, "market-cases", list(EXPORT_COLUMNS), rows)


def decisions(request):
    """Published penalty decisions: the enterprise, its USCC, the decision and its legal basis; never reporters."""
    return render(request, "market/decisions.html", {"cases": published_decisions()[:500]})


DECISION_COLUMNS = ("number", "enterprise_name", "enterprise_uscc", "category", "lead", "decided_at", "decision",
                    "legal_basis", "negative_list_entry", "penalty_cny")  # fmt: skip


def decisions_export(request, fmt):
    """The published decisions as a table: public, like the page."""
    rows = [
        [c.number, c.enterprise_name, c.enterprise_uscc, c.get_category_display(), c.lead_jurisdiction.name,
         c.decided_at and timezone.localtime(c.decided_at).date(), c.decision_text, c.legal_basis,
         c.negative_list_entry, c.penalty_cny]
        for c in published_decisions()
    ]  # fmt: skip
    return download(fmt, "market-decisions", list(DECISION_COLUMNS), rows)


@login_required
@require_POST
def case_act(request, pk, name):
    case = get_object_or_404(Case, pk=pk)
    post = request.POST
    data = TransitionInput(
        note=post.get("note", ""),
        decision_text=post.get("decision_text", ""),
        legal_basis=post.get("legal_basis", ""),
        penalty_cny=_amount(post.get("penalty_cny", "")),
        outcome=post.get("outcome", ""),
        publish=post.get("publish") == "on",
        negative_list_entry=post.get("negative_list_entry", ""),
    )
    try:
        case_transition(acting_user=request.user, case=case, name=name, data=data)
    except ValidationError as error:
        messages.error(request, " ".join(m for ms in error.message_dict.values() for m in ms))
    except Conflict as conflict:
        messages.error(request, conflict.message)
    return (
        redirect("market:case", pk=pk)
        if cases_visible_to(request.user).filter(pk=pk).exists()
        else redirect("market:my_reports")
    )


def _amount(raw: str) -> Decimal | None:
    try:
        return Decimal(raw) if raw.strip() else None
    except InvalidOperation:
        return Decimal(-1)  # refused by the write with a message naming the field


@login_required
def case_page(request, pk):
    get_object_or_404(Case, pk=pk)
    case = cases_visible_to(request.user).filter(pk=pk).first()
    if case is None:  # it exists, but is neither routed to nor shared with the caller's jurisdiction
        raise PermissionDenied
    found = list(case_reports(case))
    reports = [
        {"report": r, "phone": mask(Kind.PHONE, r.reporter_phone), "name": mask(Kind.NAME, r.reporter_name)}
        for r in found
    ]
    per_city: dict[str, int] = {}
    for r in found:
        per_city[r.incident_city.code] = per_city.get(r.incident_city.code, 0) + 1
    cities = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).order_by("path")
    context = {
        "case": case,
        "reports": reports,
        "events": case.events.all(),
        "others": other_cases_of_enterprise(case),
        "concerned": case.jurisdictions_concerned(),
        "actions": available(request.user, case),
        "map": city_map(per_city, cities, name=_("reports")),
        "evidence": case_evidence(case),
        "may_reveal": can(request.user, CONTACT, Scope((case.lead_jurisdiction,))),
        "may_work": can(request.user, CASE_WORK, case),
    }
    return render(request, "market/case.html", context)


@login_required
@require_POST
def reveal_contact(request, pk, report_pk):
    """The full contact of one reporter of the case, shown once on this response; the look is audited."""
    report = get_object_or_404(Report.objects.select_related("case__lead_jurisdiction"), pk=report_pk, case_id=pk)
    contact = reporter_contact_reveal(acting_user=request.user, report=report, reason=request.POST.get("reason", ""))
    context = {"case": report.case, "report": report, "contact": contact}
    response = render(request, "market/contact.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
