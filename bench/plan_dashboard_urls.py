"""URLconf of bench/plan_dashboard.py: the site's URLs plus the reference view and the fallback."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from yrd.urls import urlpatterns as site_urls


def trivial(request):
    """The reference: a hello-world for the signed-in caller, through the same middleware. It
    loads the session and the user, as any page behind a login must, and does nothing else."""
    return HttpResponse(f"hello {request.user.pk}", content_type="text/plain")


def empty_page(request):
    """Not the reference, shown for context: the cost of any page on base.html (session, user,
    navigation, unread count), before it shows anything."""
    return render(request, "base.html")


urlpatterns = [
    *site_urls,
    path("bench/trivial/", trivial, name="bench-trivial"),
    path("bench/empty-page/", empty_page, name="bench-empty-page"),
]
