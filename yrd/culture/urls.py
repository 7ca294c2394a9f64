from django.urls import path

from yrd.culture.views import bid, edit, files, inventory, milestones, public, visits

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("sites/<slug:code>/", public.site, name="site"),
    path("sites/<slug:code>/edit/", edit.edit, name="edit"),
    path("sites/<slug:code>/book/", visits.book, name="book"),
    path("sites/<slug:code>/slots/", visits.slots, name="slots"),
    path("sites/<slug:code>/files/", files.upload, name="file-upload"),
    path("files/<int:pk>/", files.download, name="file"),
    path("files/<int:pk>/remove/", files.remove, name="file-remove"),
    path("sites/<slug:code>/condition/", inventory.condition, name="condition"),
    path("import/", inventory.import_geojson, name="import"),
    path("parks/", public.parks, name="parks"),
    path("routes/", public.route, name="route"),
    path("visits/", visits.mine, name="mine"),
    path("visits/<str:number>/cancel/", visits.cancel, name="cancel"),
    path("bid/", bid.bid, name="bid"),
    path("bid/milestones/", milestones.add, name="milestone-add"),
    path("bid/milestones/<slug:code>/done/", milestones.done, name="milestone-done"),
    path("bid/nomination.pdf", bid.nomination_pdf, name="nomination-pdf"),
    path("bid/<slug:town>/", bid.component, name="component"),
    path("bid/<slug:town>/comment/", bid.comment, name="comment"),
    path("bid/<slug:town>/<int:number>/", bid.section_save, name="section-save"),
    path("bid/<slug:town>/<int:number>/<slug:transition>/", bid.section_move, name="section-move"),
]
