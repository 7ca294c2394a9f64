"""Pages of the plan tracker. (Being written: placeholders answer until each page lands.)"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("not yet", status=501)


overview = tasks = task_detail = report_submit = review_queue = report_review = login_required(_todo)
evidence_download = attention = heatmap = gantt = bulk = baselines = baseline_compare = overview
public = _todo
