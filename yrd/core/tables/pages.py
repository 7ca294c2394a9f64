"""What an import page does with the uploaded file, the same in every module: a missing or oversized
file is an error listed like a row's, otherwise the module's import runs (or only checks)."""

from collections.abc import Callable

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from .cells import RowError
from .importing import ImportResult
from .reading import MAX_BYTES
from .writing import FORMATS, write_table


def run_uploaded_import(request, kind: str, run: Callable[[bytes, bool], ImportResult]) -> ImportResult:
    """`run(data, dry_run)` on the file of the form's `file` field; "Check only" is a dry run."""
    upload = request.FILES.get("file")
    dry_run = "check" in request.POST
    if upload is None:
        return ImportResult(kind, dry_run=dry_run, errors=[RowError(None, "", _("Choose a file to upload."))])
    if upload.size > MAX_BYTES:
        reason = _("The file is %(size)s MB; the limit is %(limit)s MB.") % {
            "size": round(upload.size / 2**20, 1),
            "limit": MAX_BYTES // 2**20,
        }
        return ImportResult(kind, dry_run=dry_run, errors=[RowError(None, "", reason)])
    return run(upload.read(), dry_run)


def download(fmt: str, name: str, header: list, rows: list) -> HttpResponse:
    """A list page's "export" link: the rows as `<name>.xlsx` or `<name>.csv` (formula-like text
    escaped, so a cell a member of the public typed cannot run in the official's spreadsheet)."""
    if fmt not in FORMATS:
        raise Http404(_("Export as xlsx or csv."))
    response = HttpResponse(write_table(fmt, name, header, rows), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
