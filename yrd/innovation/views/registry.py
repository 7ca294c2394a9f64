"""Import and export of the registry as XLSX or CSV: exports are public (private centres only for
those who keep the registry); importing is for science officers, each within their province."""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.tables import FORMATS, MAX_BYTES, MAX_ROWS
from yrd.core.tables.pages import run_uploaded_import
from yrd.innovation.apps import REGISTRY
from yrd.innovation.tables import COLUMNS, EXPORTS, KIND_NAMES, KINDS, export_file, import_file


@login_required
def registry_import(request):
    if not can(request.user, REGISTRY):
        raise PermissionDenied(_("Importing the registry is for science and technology officers."))
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
        "export_url": "innovation:registry-export",
        "max_mb": MAX_BYTES // 2**20,
        "max_rows": MAX_ROWS,
    }
    return render(request, "innovation/registry_import.html", context, status=400 if result and result.errors else 200)


def registry_export(request, kind, fmt):
    if kind not in EXPORTS or fmt not in FORMATS:
        raise Http404
    exported = export_file(kind, fmt, template=request.GET.get("template") == "1", reader=request.user)
    return FileResponse(
        io.BytesIO(exported.content), as_attachment=True, filename=exported.filename, content_type=exported.content_type
    )
