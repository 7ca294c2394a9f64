from django.urls import path

from yrd.industry.views import chain, datacentres, matching, places

urlpatterns = [
    path("", chain.overview, name="overview"),
    path("graph/", chain.graph, name="graph"),
    path("weak-points/", chain.weak_points, name="weak-points"),
    path("disruption/", chain.disruption, name="disruption"),
    path("scenarios/<int:pk>/", chain.scenario, name="scenario"),
    path("import/", chain.import_page, name="import"),
    path("relations/", chain.relations, name="relations"),
    path("needs/", matching.needs, name="needs"),
    path("needs/<int:pk>/", matching.need, name="need"),
    path("data-centres/", places.datacentres, name="datacentres"),
    path("data-centres/new/", datacentres.edit, name="datacentre-new"),
    path("data-centres/<int:pk>/", datacentres.edit, name="datacentre-edit"),
    path("data-centres/import/", datacentres.import_page, name="datacentre-import"),
    path("metro/", places.metro, name="metro"),
    path("metro/import/", places.metro_import, name="metro-import"),
]
