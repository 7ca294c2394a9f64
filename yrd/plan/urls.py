from django.urls import path

from yrd.plan import io_views, views

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tasks/", views.tasks, name="tasks"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/report/", views.report_submit, name="report-submit"),
    path("reviews/", views.review_queue, name="reviews"),
    path("reports/mine/", views.my_reports, name="my-reports"),
    path("reports/<int:pk>/review/", views.report_review, name="report-review"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("attention/", views.attention, name="attention"),
    path("map/", views.heatmap, name="heatmap"),
    path("timeline/", views.gantt, name="gantt"),
    path("bulk/", views.bulk, name="bulk"),
    path("baselines/", views.baselines, name="baselines"),
    path("baselines/<int:pk>/", views.baseline_compare, name="baseline"),
    path("public/", views.public, name="public"),
    path("public/<int:pk>/", views.public_task, name="public-task"),
    path("import/", io_views.import_upload, name="import"),
    path("export/<str:kind>.<str:fmt>", io_views.export, name="export"),
    path("quarterly/<int:year>-q<int:quarter>.pdf", io_views.quarterly_pdf, name="quarterly-pdf"),
]
