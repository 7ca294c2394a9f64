from django.urls import path

from yrd.emergency.views import allocation, desk, warehouses

urlpatterns = [
    path("", desk.desk, name="desk"),
    path("incidents/open/", desk.incident_open, name="incident-open"),
    path("incidents/<str:number>/close/", desk.incident_close, name="incident-close"),
    path("requests/new/", desk.request_new, name="request-new"),
    path("requests/<str:number>/", desk.request_detail, name="request"),
    path("requests/<str:number>/cancel/", desk.request_cancel, name="request-cancel"),
    path("requests/<str:number>/reschedule/", desk.request_reschedule, name="request-reschedule"),
    path("runs/", desk.run_create, name="run-create"),
    path("runs/<str:number>/", desk.run_detail, name="run"),
    path("runs/<str:number>/<slug:decision>/", desk.run_decide, name="run-decide"),
    path("warehouses/", warehouses.warehouses, name="warehouses"),
    path("warehouses/<str:code>/", warehouses.warehouse, name="warehouse"),
    path("warehouses/<str:code>/receipt/", warehouses.receipt, name="receipt"),
    path("warehouses/<str:code>/issue/", warehouses.issue, name="issue"),
    path("warehouses/<str:code>/adjust/", warehouses.adjust, name="adjust"),
    path("warehouses/<str:code>/restock/", warehouses.restock, name="restock"),
    path("warehouses/<str:code>/offer/<str:number>/", warehouses.offer, name="offer"),
    path("transactions/<str:number>/", warehouses.transaction, name="transaction"),
    path("commitments/<str:number>/", allocation.commitment, name="commitment"),
    path("commitments/<str:number>/<slug:action>/", allocation.commitment_act, name="commitment-act"),
    path("readiness/", allocation.readiness, name="readiness"),
    path("drills/", allocation.drills, name="drills"),
    path("drills/<str:number>/", allocation.drill, name="drill"),
]
