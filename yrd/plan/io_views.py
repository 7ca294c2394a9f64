"""Import, export and the quarterly PDF of the plan tracker."""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.tables import FORMATS, MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.plan.apps import READ
from yrd.plan.io.columns import COLUMNS, KINDS
from yrd.plan.io.exporters import export_file
from yrd.plan.io.importers import import_file, may_import
from yrd.plan.pdf import QUARTERLY, pdf_filename, render_quarterly_pdf
from yrd.plan.views.common import page


@login_required
def import_upload(request):
    kinds = [kind for kind in KINDS if may_import(request.user, kind)]
    if not kinds:
        raise PermissionDenied(_("You may not import into the plan."))
    kind = request.POST.get("kind") or request.GET.get("kind") or kinds[0]
    result = None
    if request.method == "POST":
        if kind not in kinds:
            raise PermissionDenied(_("You may not import this kind of rows."))
        result = _import(request, kind)
    elif kind not in kinds:
        kind = kinds[0]
    context = {
        "kind": kind,
        "kinds": [(k, _label(k), COLUMNS[k]) for k in kinds],
        "result": result,
        "may_export": can(request.user, READ),
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
    }
    return page(request, "plan/import.html", context, tab="import")


def _label(kind):
    labels = {"tasks": _("Tasks"), "milestones": _("Milestones"), "reports": _("Progress reports")}
    return labels[kind]


def _import(request, kind):
    def run(data, dry_run):
        return import_file(acting_user=request.user, kind=kind, data=data, dry_run=dry_run)

    return run_uploaded_import(request, kind, run)


@login_required
def export(request, kind, fmt):
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404
    if not can(request.user, READ):
        raise PermissionDenied(_("You may not read the plan."))
    exported = export_file(request.user, kind, fmt, template=request.GET.get("template") == "1")
    response = FileResponse(
        io.BytesIO(exported.content), as_attachment=True, filename=exported.filename, content_type=exported.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def quarterly_pdf(request, year, quarter):
    if not (1 <= quarter <= 4 and 2000 <= year <= 2100):
        raise Http404
    if not can(request.user, QUARTERLY):
        raise PermissionDenied(_("Only plan coordinators may print the quarterly report."))
    content = render_quarterly_pdf(request.user, year, quarter)
    response = FileResponse(io.BytesIO(content), filename=pdf_filename(year, quarter), content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response
