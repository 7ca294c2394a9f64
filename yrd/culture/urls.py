from django.urls import path

from yrd.culture.views import public

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("bid/", public.bid, name="bid"),
]
