from django.urls import path

from yrd.services.views import catalogue_io, desks, portal, remote, stats

urlpatterns = [
    path("", portal.catalogue, name="catalogue"),
    path("catalogue/import/", catalogue_io.catalogue_import, name="catalogue-import"),
    path("catalogue/export/<slug:kind>/<slug:fmt>/", catalogue_io.catalogue_export, name="catalogue-export"),
    path("items/<slug:code>/", portal.item, name="item"),
    path("items/<slug:code>/apply/", portal.apply, name="apply"),
    path("desk/", portal.desk, name="desk"),
    path("portal/", portal.portal, name="portal"),
    path("applications/<str:number>/", portal.application, name="application"),
    path("applications/<str:number>/<slug:action>/", portal.act, name="act"),
    path("materials/<int:pk>/", portal.material, name="material"),
    path("window/", desks.window, name="window"),
    path("handling/", desks.handling, name="handling"),
    path("remote/", remote.schedule, name="remote"),
    path("remote/book/", remote.book, name="remote-book"),
    path("remote/slots/", remote.slot_publish, name="remote-slot-publish"),
    path("remote/slots/<int:pk>/cancel/", remote.slot_cancel, name="remote-slot-cancel"),
    path("remote/bookings/<int:pk>/<slug:action>/", remote.booking_act, name="remote-act"),
    path("statistics/", stats.statistics, name="stats"),
]
