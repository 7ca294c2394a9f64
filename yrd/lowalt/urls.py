from django.urls import path

from yrd.lowalt.views import airspace, authority, intents

urlpatterns = [
    path("", airspace.airspace_map, name="map"),
    path("timeline/", airspace.timeline, name="timeline"),
    path("intents/", intents.intents, name="intents"),
    path("intents/new/", intents.intent_new, name="intent-new"),
    path("intents/<str:number>/", intents.intent_detail, name="intent"),
    path("intents/<str:number>/withdraw/", intents.intent_withdraw, name="intent-withdraw"),
    path("queue/", authority.queue, name="queue"),
    path("queue/<str:number>/<str:decision>/", authority.consent, name="consent"),
    path("restrictions/import/", authority.restrictions_import, name="restrictions-import"),
    path("restrictions/new/", authority.restriction_new, name="restriction-new"),
    path("restrictions/<str:code>/<str:ref>/", authority.restriction_edit, name="restriction-edit"),
    path("restrictions/<str:code>/<str:ref>/withdraw/", authority.restriction_withdraw, name="restriction-withdraw"),
    path("fleet/", intents.fleet, name="fleet"),
    path("sites/new/", authority.site_new, name="site-new"),
    path("restrictions/<str:code>.geojson", authority.restrictions_export, name="restrictions-export"),
]
