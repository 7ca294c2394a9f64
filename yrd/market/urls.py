from django.urls import path, re_path

from yrd.market import open311
from yrd.market.views import access, cases, evidence, feeds, reports, review, stats

FMT = r"\.(?P<fmt>[a-z]+)$"

urlpatterns = [
    path("report/", reports.report_form, name="report"),
    path("report/status/", reports.report_status, name="report_status"),
    path("my-reports/", reports.my_reports, name="my_reports"),
    path("my-reports/export.<str:fmt>", reports.my_reports_export, name="my_reports_export"),
    path("cases/", cases.queue, name="queue"),
    path("cases/export.<str:fmt>", cases.export, name="export"),
    path("cases/triage/", cases.triage, name="triage"),
    path("cases/<int:pk>/", cases.case_page, name="case"),
    path("cases/<int:pk>/evidence/", evidence.add_to_case, name="case_evidence"),
    path("cases/<int:pk>/reports/<int:report_pk>/contact/", cases.reveal_contact, name="reveal_contact"),
    path("cases/<int:pk>/<slug:name>/", cases.case_act, name="case_act"),
    path("evidence/<int:pk>/", evidence.download, name="evidence"),
    path("decisions/", cases.decisions, name="decisions"),
    path("decisions/export.<str:fmt>", cases.decisions_export, name="decisions_export"),
    path("feeds/", feeds.feed_upload, name="feed_upload"),
    path("feeds/template.<str:fmt>", feeds.feed_template, name="feed_template"),
    path("access/", access.access, name="access"),
    path("access/import/", access.access_import, name="access_import"),
    path("statistics/", stats.statistics, name="stats"),
    path("review/", review.queue, name="review"),
    path("review/export.<str:fmt>", review.export, name="review_export"),
    path("review/<int:pk>/", review.decide, name="review_decide"),
    re_path(r"^open311/v2/discovery" + FMT, open311.discovery, name="open311_discovery"),
    re_path(r"^open311/v2/services" + FMT, open311.services, name="open311_services"),
    re_path(r"^open311/v2/services/(?P<service_code>[\w-]+)" + FMT, open311.service_definition, name="open311_service"),
    re_path(r"^open311/v2/requests" + FMT, open311.requests_, name="open311_requests"),
    re_path(
        r"^open311/v2/requests/(?P<service_request_id>[\w-]+)" + FMT, open311.request_detail, name="open311_request"
    ),
    re_path(r"^open311/v2/tokens/(?P<token>[\w-]+)" + FMT, open311.token, name="open311_token"),
]
