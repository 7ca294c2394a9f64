"""Reporters' pages: the intake form (anonymous allowed), the status of a report by its receipt number, and a
signed-in reporter's own reports. A reporter never sees another reporter's report or contact."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.tables.pages import download
from yrd.market.forms import ReportForm
from yrd.market.models import Report
from yrd.market.selectors import report_by_receipt, reports_of
from yrd.market.writes import report_submit
from yrd.market.writes.reports import ReportInput, city_jurisdictions


def report_form(request):
    cities = sorted(city_jurisdictions().values(), key=lambda c: c.path)
    form = ReportForm(request.POST or None, request.FILES or None, cities=cities)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "evidence"}
        data = ReportInput(**data, evidence=[form.cleaned_data["evidence"]] if form.cleaned_data["evidence"] else [])
        try:
            report = report_submit(
                acting_user=request.user,
                data=data,
                channel=Report.Channel.WEB,
                idempotency_key=request.POST.get("idempotency_key"),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return render(request, "market/receipt.html", {"report": report}, status=201)
    return render(request, "market/report_form.html", {"form": form}, status=400 if form.errors else 200)


def report_status(request):
    receipt = request.GET.get("receipt", "")[:16]
    report = report_by_receipt(receipt) if receipt else None
    message = _("No report has this receipt number.") if receipt and report is None else ""
    return render(request, "market/status.html", {"report": report, "receipt": receipt, "message": message})


@login_required
def my_reports(request):
    return render(request, "market/my_reports.html", {"reports": reports_of(request.user)})


MY_REPORT_COLUMNS = ("receipt", "received_at", "subject_name", "category", "city", "status")


@login_required
def my_reports_export(request, fmt):
    """A signed-in reporter's own reports, as on the page."""
    rows = [
        [r.receipt, timezone.localtime(r.received_at).date(), r.subject_name, r.get_category_display(),
         r.incident_city.name if r.incident_city_id else "",
         r.case.get_state_display() if r.case_id else _("received")]
        for r in reports_of(request.user)
    ]  # fmt: skip
    return download(fmt, "my-market-reports", list(MY_REPORT_COLUMNS), rows)
