"""The page where a province's feed system (or its operator) uploads a feed as CSV or XLSX, and the empty
template of its columns."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from yrd.core.access import can
from yrd.core.tables import FORMATS, MAX_BYTES, MAX_ROWS, write_table
from yrd.core.tables.pages import run_uploaded_import
from yrd.market.apps import FEED
from yrd.market.feed_table import COLUMNS, KIND, NAMES, import_feed_table


@login_required
def feed_upload(request):
    if not can(request.user, FEED):
        raise PermissionDenied
    source = (request.POST.get("source") or "").strip()
    result = None
    if request.method == "POST":

        def run(data, dry_run):
            return import_feed_table(acting_user=request.user, source=source, data=data, dry_run=dry_run)

        result = run_uploaded_import(request, KIND, run)
    context = {"result": result, "source": source, "columns": COLUMNS, "max_mb": MAX_BYTES // 2**20,
               "max_rows": MAX_ROWS}  # fmt: skip
    return render(request, "market/feed_upload.html", context, status=400 if result and result.errors else 200)


@login_required
def feed_template(request, fmt):
    if fmt not in FORMATS:
        raise Http404
    if not can(request.user, FEED):
        raise PermissionDenied
    response = HttpResponse(write_table(fmt, "feed", NAMES, []), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="market-feed.{fmt}"'
    return response
