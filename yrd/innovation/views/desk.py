"""The voucher desk, one page for the three sides: a firm's vouchers and bookings (redeem a voucher
for used time), a provider's bookings (decide, record usage), and a province's programmes, quarterly
settlement (with its CSV export) and anomalies."""

import csv
import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_time
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.models import Organisation
from yrd.innovation import charts, writes
from yrd.innovation.apps import BOOK, INSTRUMENT, VOUCHER
from yrd.innovation.models import Instrument
from yrd.innovation.selectors import instruments as instrument_selectors
from yrd.innovation.selectors import vouchers as voucher_selectors

from .common import attempt


def _require_desk(user) -> None:
    if not any(can(user, action) for action in (BOOK, VOUCHER, INSTRUMENT)):
        raise PermissionDenied(_("The voucher desk is for firms, instrument providers and science officers."))


def current_quarter() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


@login_required
def vouchers(request):
    _require_desk(request.user)
    user = request.user
    bookings = list(instrument_selectors.bookings_visible_to(user).select_related("usage", "redemption")[:200])
    held = [v for v in voucher_selectors.vouchers_visible_to(user) if can(user, BOOK, v.holder_side())]
    payable = [
        b for b in bookings if hasattr(b, "usage") and not hasattr(b, "redemption") and can(user, BOOK, b.firm_side())
    ]
    year, quarter = current_quarter()
    asked = (request.GET.get("year", ""), request.GET.get("quarter", ""))
    if all(a.isdigit() and len(a) <= 4 for a in asked) and voucher_selectors.valid_quarter(
        int(asked[0]), int(asked[1])
    ):
        year, quarter = int(asked[0]), int(asked[1])
    provinces = voucher_selectors.provinces_for_settlement(user)
    lines = []
    for province in provinces:
        lines += [line for line in voucher_selectors.settlement(year, quarter, province) if line not in lines]
    context = {
        "held": held,
        "unspent": [v for v in held if not hasattr(v, "redemption")],
        "payable": payable,
        "to_decide": [b for b in bookings if instrument_selectors.may_decide(user, b)],
        "to_record": [b for b in bookings if instrument_selectors.may_record_usage(user, b)],
        "bookings": bookings,
        "programmes": [(p, voucher_selectors.budget_left(p)) for p in voucher_selectors.programmes_visible_to(user)],
        "issued": list(voucher_selectors.vouchers_visible_to(user).filter(programme__province__in=provinces)[:200]),
        "provinces": provinces,
        "lines": lines,
        "total": sum((line.amount_cny for line in lines), Decimal(0)),
        "settlement_chart": charts.settlement_bar(lines) if lines else None,
        "year": year,
        "quarter": quarter,
        "anomalies": [a for p in provinces for a in voucher_selectors.anomalies(p)],
        "idempotency_key": uuid.uuid4().hex,
    }
    return render(request, "innovation/vouchers.html", context)


@login_required
@require_POST
def redeem(request):
    voucher = get_object_or_404(
        voucher_selectors.vouchers_visible_to(request.user), number=request.POST.get("voucher", "")
    )
    booking = get_object_or_404(
        instrument_selectors.bookings_visible_to(request.user), number=request.POST.get("booking", "")
    )
    attempt(
        request,
        lambda: writes.voucher_redeem(
            acting_user=request.user,
            voucher=voucher,
            booking=booking,
            idempotency_key=request.POST.get("idempotency_key") or None,
        ),
        _("Voucher %s redeemed.") % voucher.number,
    )
    return redirect("innovation:vouchers")


@login_required
@require_POST
def decide(request, number: str):
    booking = get_object_or_404(instrument_selectors.bookings_visible_to(request.user), number=number)
    approve = request.POST.get("decision") == "approve"
    attempt(
        request,
        lambda: writes.booking_decide(
            acting_user=request.user, booking=booking, approve=approve, note=request.POST.get("note", "")
        ),
        _("Booking %s decided.") % number,
    )
    return redirect("innovation:vouchers")


@login_required
@require_POST
def usage(request, number: str):
    booking = get_object_or_404(instrument_selectors.bookings_visible_to(request.user), number=number)
    used_on = parse_date(request.POST.get("used_on", "")) or timezone.localdate()
    attempt(
        request,
        lambda: writes.usage_record(
            acting_user=request.user,
            instrument=booking.instrument,
            booking=booking,
            hours=request.POST.get("hours", ""),
            used_on=used_on,
        ),
        _("Usage of %s recorded.") % number,
    )
    return redirect("innovation:vouchers")


@login_required
def settlement_csv(request, year: int, quarter: int):
    provinces = voucher_selectors.provinces_for_settlement(request.user)
    if not provinces:
        raise PermissionDenied(_("Only a province's science officers read its settlements."))
    if not voucher_selectors.valid_quarter(year, quarter):
        raise Http404(_("Give a year from 2000 to 2100 and a quarter 1, 2, 3 or 4."))
    lines = []
    for province in provinces:
        lines += [line for line in voucher_selectors.settlement(year, quarter, province) if line not in lines]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="voucher-settlement-{year}-Q{quarter}.csv"'
    response.write("\ufeff")
    out = csv.writer(response)
    out.writerow(
        [_("Owes (issuing province)"), _("Is owed (provider's province)"), _("Redemptions"), _("Amount (CNY)")]
    )
    for line in lines:
        out.writerow([line.debtor.name, line.creditor.name, line.redemptions, f"{line.amount_cny:.2f}"])
    out.writerow(
        [_("Total"), "", sum(line.redemptions for line in lines), f"{sum(line.amount_cny for line in lines):.2f}"]
    )
    return response


@login_required
@require_POST
def book(request):
    """A firm asks for instrument time from the catalogue page."""
    instrument = get_object_or_404(Instrument, code=request.POST.get("instrument", ""))
    firm = get_object_or_404(instrument_selectors.firms_of(request.user), pk=request.POST.get("firm") or 0)
    day, start = parse_date(request.POST.get("day", "")), parse_time(request.POST.get("start", ""))
    hours = request.POST.get("hours", "")
    if day is None or start is None or not hours.isdigit() or not 1 <= int(hours) <= 72:
        messages.error(request, _("Give the day, the start time and the hours (1 to 72)."))
        return redirect("innovation:instruments")
    starts_at = timezone.make_aware(datetime.combine(day, start))
    attempt(
        request,
        lambda: writes.booking_request(
            acting_user=request.user,
            instrument=instrument,
            firm=firm,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=int(hours)),
            purpose=request.POST.get("purpose", ""),
            idempotency_key=request.POST.get("idempotency_key") or None,
        ),
        _("Booking requested; the owner decides."),
    )
    return redirect("innovation:vouchers")


@login_required
@require_POST
def issue(request):
    """A province's officer issues a voucher from the desk."""
    programme = get_object_or_404(
        voucher_selectors.programmes_visible_to(request.user), pk=request.POST.get("programme") or 0
    )
    firm = Organisation.objects.filter(uscc=request.POST.get("firm_uscc", "").strip().upper()[:18]).first()
    if firm is None:
        messages.error(request, _("No firm is registered with this Unified Social Credit Code."))
        return redirect("innovation:vouchers")
    attempt(
        request,
        lambda: writes.voucher_issue(
            acting_user=request.user,
            programme=programme,
            firm=firm,
            amount_cny=request.POST.get("amount", ""),
            idempotency_key=request.POST.get("idempotency_key") or None,
        ),
        _("Voucher issued to %s.") % firm.name,
    )
    return redirect("innovation:vouchers")
