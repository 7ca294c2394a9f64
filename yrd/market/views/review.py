"""The review queue: pairs of reports the model was unsure about, both records side by side, each comparison's
level and weight (why the model was unsure), and the reviewer's merge or split."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core.access import can
from yrd.core.tables.pages import download
from yrd.market import review_labels
from yrd.market.apps import REVIEW
from yrd.market.models import Report, ReviewPair
from yrd.market.selectors import review_pairs_visible_to
from yrd.market.writes import match_decide

FIELDS = (
    "subject_name",
    "subject_uscc",
    "subject_address",
    "subject_phone",
    "incident_city",
    "category",
    "received_at",
)


def _label(name: str) -> str:
    return Report._meta.get_field(name).verbose_name


@login_required
def queue(request):
    if not can(request.user, REVIEW):
        raise PermissionDenied
    pairs = review_pairs_visible_to(request.user)[:100]
    rows = [
        {
            "pair": pair,
            "fields": [(_label(n), getattr(pair.report_a, n), getattr(pair.report_b, n)) for n in FIELDS],
            "reasons": review_labels.reasons(pair.reasons),
            "refusal": review_labels.refusal(pair.refusal),
        }
        for pair in pairs
    ]
    return render(request, "market/review.html", {"rows": rows})


REVIEW_COLUMNS = ("receipt_a", "receipt_b", "match_probability", "reasons")


@login_required
def export(request, fmt):
    """The uncertain pairs waiting for a reviewer, as on the page: receipts, probability and the
    model's reasons; never reporters' contacts."""
    if not can(request.user, REVIEW):
        raise PermissionDenied
    rows = [
        [pair.report_a.receipt, pair.report_b.receipt, round(pair.match_probability, 4),
         "; ".join(f"{r['feature']}: {r['level']} ({r['weight']:+.2f})" for r in review_labels.reasons(pair.reasons))]
        for pair in review_pairs_visible_to(request.user)
    ]  # fmt: skip
    return download(fmt, "market-review", list(REVIEW_COLUMNS), rows)


@login_required
@require_POST
def decide(request, pk):
    pair = get_object_or_404(ReviewPair, pk=pk)
    try:
        match_decide(
            acting_user=request.user,
            report_a=pair.report_a,
            report_b=pair.report_b,
            kind=request.POST.get("kind", ""),
            note=request.POST.get("note", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(m for ms in error.message_dict.values() for m in ms))
    else:
        messages.success(request, _("Recorded; every later consolidation run keeps to it."))
    return redirect("market:review")
