from django.urls import path

from yrd.transport.views import hubs, network, planner, shipments

urlpatterns = [
    path("", planner.planner, name="planner"),
    path("routes/<str:number>/", planner.route_query, name="route"),
    path("routes/<str:number>/book/", planner.book, name="book"),
    path("shipments/", shipments.shipment_list, name="shipments"),
    path("shipments/<str:reference>/", shipments.tracking, name="shipment"),
    path("shipments/<str:reference>/legs/<int:seq>/event/", shipments.event, name="event"),
    path("hubs/", hubs.dashboard, name="hubs"),
    path("network/", network.network, name="network"),
]
