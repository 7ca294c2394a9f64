from django.urls import path

from yrd.innovation.views import cooperation, desk, fairs, fund, public, registry

urlpatterns = [
    path("", public.overview, name="overview"),
    path("instruments/", public.instruments, name="instruments"),
    path("match/", public.match, name="match"),
    path("vouchers/", desk.vouchers, name="vouchers"),
    path("vouchers/redeem/", desk.redeem, name="redeem"),
    path("vouchers/issue/", desk.issue, name="issue"),
    path("bookings/new/", desk.book, name="book"),
    path("bookings/<str:number>/decide/", desk.decide, name="decide"),
    path("bookings/<str:number>/usage/", desk.usage, name="usage"),
    path("settlement/<int:year>/<int:quarter>.csv", desk.settlement_csv, name="settlement-csv"),
    path("registry/import/", registry.registry_import, name="registry-import"),
    path("registry/<slug:kind>.<slug:fmt>", registry.registry_export, name="registry-export"),
    path("cooperation/", cooperation.projects, name="cooperation"),
    path("cooperation/<int:pk>/stage/", cooperation.stage, name="cooperation-stage"),
    path("cooperation/<int:pk>/milestones/<int:milestone>/done/", cooperation.milestone_done, name="milestone-done"),
    path("exhibitions/", fairs.calendar, name="exhibitions"),
    path("exhibitions/new/", fairs.add, name="exhibition-add"),
    path("exhibitions/<int:pk>/", fairs.exhibition, name="exhibition"),
    path("exhibitions/<int:pk>/register/", fairs.register, name="exhibition-register"),
    path("exhibitions/<int:pk>/meet/", fairs.meet, name="exhibition-meet"),
    path("fund/", fund.desk, name="fund"),
    path("fund/<str:code>/assign/", fund.assign, name="assign"),
    path("fund/<str:code>/award/", fund.award, name="award"),
    path("fund/reviews/<int:pk>/", fund.review, name="review"),
    path("fund/proposals/new/", fund.submit, name="submit"),
]
