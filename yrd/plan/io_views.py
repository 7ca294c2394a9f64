"""Import, export and the quarterly PDF. (Being written.)"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def import_upload(request):
    return HttpResponse("not yet", status=501)


export = quarterly_pdf = import_upload
