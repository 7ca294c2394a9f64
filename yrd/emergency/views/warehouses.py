"""Warehouse operators' pages: the alliance's totals, one's own warehouses lot by lot, receipts, issues,
adjustments, the open requests the warehouse could fill in time, its commitments and its ledger."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.emergency import writes
from yrd.emergency.apps import ALLIANCE, DISPATCH, MOVE_STOCK, REQUEST
from yrd.emergency.forms import AdjustForm, IssueForm, ReceiptForm, RestockForm
from yrd.emergency.models import Commitment, Lot, StockTransaction, Warehouse
from yrd.emergency.selectors import stock as selectors
from yrd.emergency.selectors.allocation import commitments_visible_to, fillable_requests
from yrd.emergency.selectors.requests import request_for
from yrd.emergency.travel import TravelTimesUnavailable

from .common import attempt, flash_form_errors, whole_number


@login_required
def warehouses(request):
    mine = list(selectors.warehouses_visible_to(request.user))
    if not mine and not can(request.user, ALLIANCE):
        raise PermissionDenied(_("The alliance's stock is for its members."))
    everyone = (
        Warehouse.objects.select_related("member__organisation", "city__parent") if can(request.user, ALLIANCE) else []
    )
    return render(
        request,
        "emergency/warehouses.html",
        {
            "mine": mine,
            "everyone": everyone,
            "totals": selectors.alliance_totals(request.user, on=timezone.localdate()),
        },
    )


def _warehouse(request, code) -> Warehouse:
    return get_object_or_404(selectors.warehouses_visible_to(request.user), code=code)


@login_required
def warehouse(request, code):
    found = _warehouse(request, code)
    today = timezone.localdate()
    moves = can(request.user, MOVE_STOCK, found)
    fillable, travel_problem = [], ""
    if can(request.user, DISPATCH, found):
        try:
            fillable = fillable_requests(found)
        except TravelTimesUnavailable as problem:
            travel_problem = problem.message
    stock = selectors.stock_of(found)
    return render(
        request,
        "emergency/warehouse.html",
        {
            "warehouse": found,
            "stock": stock,
            "today": today,
            "soon": today + timezone.timedelta(days=30),
            "volume": selectors.volume_in_store_m3(found),
            "ledger": selectors.ledger(found)[:30],
            "outgoing": commitments_visible_to(request.user).filter(
                warehouse=found, status__in=[Commitment.Status.COMMITTED, Commitment.Status.DISPATCHED]
            ),
            "incoming": commitments_visible_to(request.user).filter(
                request__destination_warehouse=found, status=Commitment.Status.DISPATCHED
            ),
            "fillable": fillable,
            "travel_problem": travel_problem,
            "receipt_form": ReceiptForm() if moves else None,
            "receipt_extras": [_("Lot number"), _("Expires on")],
            "issue_form": IssueForm() if moves else None,
            "adjust_form": AdjustForm() if moves else None,
            "restock_form": RestockForm(initial={"needed_by": timezone.localtime() + timezone.timedelta(days=3)})
            if can(request.user, REQUEST, found)
            else None,
            "may_dispatch": can(request.user, DISPATCH, found),
        },
    )


@login_required
@require_POST
def receipt(request, code):
    found = _warehouse(request, code)
    form = ReceiptForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("emergency:warehouse", code=code)
    lines = [writes.ReceiptLine(r["item"], r["lot"] or "", r["quantity"], r["expires"]) for r in form.rows()]
    done = attempt(
        request,
        lambda: writes.stock_receive(
            acting_user=request.user,
            warehouse=found,
            lines=lines,
            counterpart=form.cleaned_data["counterpart"],
            note=form.cleaned_data["note"],
            idempotency_key=request.POST.get("idempotency_key") or None,
        ),
    )
    if done is not None:
        return redirect("emergency:transaction", number=done.number)
    return redirect("emergency:warehouse", code=code)


@login_required
@require_POST
def issue(request, code):
    found = _warehouse(request, code)
    form = IssueForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("emergency:warehouse", code=code)
    done = attempt(
        request,
        lambda: writes.stock_issue(
            acting_user=request.user,
            warehouse=found,
            lines=[writes.IssueLine(r["item"], r["quantity"]) for r in form.rows()],
            counterpart=form.cleaned_data["counterpart"],
            note=form.cleaned_data["note"],
        ),
    )
    if done is not None:
        return redirect("emergency:transaction", number=done.number)
    return redirect("emergency:warehouse", code=code)


@login_required
@require_POST
def adjust(request, code):
    found = _warehouse(request, code)
    form = AdjustForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("emergency:warehouse", code=code)
    lot = get_object_or_404(Lot, pk=form.cleaned_data["lot"], warehouse=found)
    attempt(
        request,
        lambda: writes.stock_adjust(
            acting_user=request.user,
            lot=lot,
            change=form.cleaned_data["change"],
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        ),
        _("Stock adjusted."),
    )
    return redirect("emergency:warehouse", code=code)


@login_required
@require_POST
def offer(request, code, number):
    """Offer stock to a request: one quantity per line of it (`line_<pk>`), blank or 0 for none."""
    found = _warehouse(request, code)
    target = request_for(request.user, number)

    def offers():
        result = []
        for line in target.lines.select_related("item"):
            quantity = whole_number(request.POST.get(f"line_{line.pk}", ""), line.item.name, default=0)
            if quantity:
                result.append(writes.Offer(line, quantity))
        return result

    made = attempt(
        request,
        lambda: writes.commitment_create(acting_user=request.user, warehouse=found, request=target, offers=offers()),
    )
    if made is not None:
        return redirect("emergency:commitment", number=made.number)
    return redirect("emergency:warehouse", code=code)


@login_required
@require_POST
def restock(request, code):
    found = _warehouse(request, code)
    form = RestockForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("emergency:warehouse", code=code)
    made = attempt(
        request,
        lambda: writes.request_raise(
            acting_user=request.user,
            data=writes.RequestInput(
                priority=form.cleaned_data["priority"],
                needed_by=form.cleaned_data["needed_by"],
                needs=[writes.Need(r["item"], r["quantity"]) for r in form.rows()],
                warehouse=found,
                note=form.cleaned_data["note"],
            ),
        ),
        _("Restocking requested from the alliance."),
    )
    if made is not None:
        return redirect("emergency:request", number=made.number)
    return redirect("emergency:warehouse", code=code)


@login_required
def transaction(request, number):
    try:
        found = selectors.transaction_for(request.user, number)
    except StockTransaction.DoesNotExist:
        raise PermissionDenied(_("No such transaction, or it is not of a warehouse you may see.")) from None
    return render(
        request,
        "emergency/transaction.html",
        {"transaction": found, "movements": found.movements.select_related("lot__item")},
    )
