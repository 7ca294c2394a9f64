from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def overview(request):
    return HttpResponse("overview")


tasks = heatmap = gantt = overview


def public(request):
    return HttpResponse("public")
