from django.urls import path

from yrd.core import views
from yrd.core.mlps import views as mlps_views

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/read/", views.inbox_read, name="inbox-read"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("audit/", mlps_views.audit_log, name="audit-log"),
    path("audit/export.csv", mlps_views.audit_log_export, name="audit-log-export"),
]
