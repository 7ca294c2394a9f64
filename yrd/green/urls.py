from django.urls import path

from yrd.green.views import planning, public, reporting

urlpatterns = [
    path("", public.overview, name="overview"),
    path("sites/", public.sites, name="sites"),
    path("sites/<int:pk>/", public.site, name="site"),
    path("sites/<int:pk>/import/", reporting.import_file, name="import"),
    path("sites/<int:pk>/<int:year>/", reporting.period, name="period"),
    path("sites/<int:pk>/<int:year>/<int:month>/", reporting.period, name="period-month"),
    path("sites/<int:pk>/<int:year>/act/<slug:action>/", reporting.period_act, name="period-act"),
    path("sites/<int:pk>/<int:year>/<int:month>/act/<slug:action>/", reporting.period_act, name="period-month-act"),
    path("mine/", reporting.my_sites, name="my-sites"),
    path("export/annual.csv", public.export_annual, name="export"),
    path("export/annual.xlsx", public.export_annual_xlsx, name="export-xlsx"),
    path("storage/", public.storage, name="storage"),
    path("planning/", planning.scenarios, name="scenarios"),
    path("planning/new/", planning.scenario_new, name="scenario-new"),
    path("planning/compare/", planning.compare, name="compare"),
    path("planning/<int:pk>/", planning.scenario, name="scenario"),
    path("planning/<int:pk>/progress/", planning.scenario_progress, name="scenario-progress"),
    path("planning/<int:pk>/run/", planning.scenario_run, name="scenario-run"),
]
