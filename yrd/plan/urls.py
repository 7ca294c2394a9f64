from django.urls import path

from yrd.plan import views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tasks/", views.tasks, name="tasks"),
    path("map/", views.heatmap, name="heatmap"),
    path("timeline/", views.gantt, name="gantt"),
    path("public/", views.public, name="public"),
]
