"""Import and export of the service catalogue (items, materials, authorities) as XLSX or CSV. The
catalogue is public, so anyone may download it; importing is for catalogue administrators."""

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.tables import FORMATS, MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.services.catalogue_io import COLUMNS, KIND_NAMES, KINDS, export_file, import_file, may_import

from .portal import desk_refused


@login_required
def catalogue_import(request):
    if not may_import(request.user):
        return desk_refused(request, _("Catalogue import"), _("This page is for service catalogue administrators."))
    kind = request.POST.get("kind") or request.GET.get("kind") or KINDS[0]
    if kind not in KINDS:
        raise Http404
    result = None
    if request.method == "POST":

        def run(data, dry_run):
            return import_file(acting_user=request.user, kind=kind, data=data, dry_run=dry_run)

        result = run_uploaded_import(request, kind, run)
    context = {
        "kind": kind,
        "kinds": [(k, KIND_NAMES[k], COLUMNS[k]) for k in KINDS],
        "result": result,
        "may_export": True,
        "export_url": "services:catalogue-export",
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
    }
    return render(request, "services/catalogue_import.html", context, status=400 if result and result.errors else 200)


def catalogue_export(request, kind, fmt):
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404
    exported = export_file(kind, fmt, template=request.GET.get("template") == "1")
    return FileResponse(
        io.BytesIO(exported.content), as_attachment=True, filename=exported.filename, content_type=exported.content_type
    )
