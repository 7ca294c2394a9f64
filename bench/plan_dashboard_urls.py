"""URLconf of bench/plan_dashboard.py: the site's URLs plus the reference view and the fallback."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path

from yrd.plan import selectors
from yrd.urls import urlpatterns as site_urls


def trivial(request):
    """The reference: as little as a Django view can do, through the same middleware."""
    return HttpResponse("ok", content_type="text/plain")


def empty_page(request):
    """Not the reference, shown for context: the cost of any page on base.html (session, user,
    navigation, unread count), before it shows anything."""
    return render(request, "base.html")


def overview_selectors(request):
    """Fallback while the overview page is not built: the reads the page is made of."""
    rows = selectors.task_rows(selectors.visible_tasks(request.user))
    summary = selectors.overview(rows)
    return JsonResponse({"total": summary["total"], "statuses": dict(summary["statuses"])})


urlpatterns = [
    *site_urls,
    path("bench/trivial/", trivial, name="bench-trivial"),
    path("bench/empty-page/", empty_page, name="bench-empty-page"),
    path("bench/overview-selectors/", overview_selectors, name="bench-overview-selectors"),
]
