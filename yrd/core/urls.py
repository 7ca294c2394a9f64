from django.urls import path

from yrd.core import views
from yrd.core.mlps import views as mlps_views
from yrd.core.personal import views as personal

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/read/", views.inbox_read, name="inbox-read"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("personal/", personal.my_data, name="my-data"),
    path("personal/consents/<int:pk>/withdraw/", personal.consent_withdraw, name="consent-withdraw"),
    path("personal/export.json", personal.export_json, name="my-data-json"),
    path("personal/export.pdf", personal.export_pdf, name="my-data-pdf"),
    path("personal/reveal/<str:label>/<str:pk>/<str:field>/", personal.reveal, name="personal-reveal"),
    path("audit/", mlps_views.audit_log, name="audit-log"),
    path("audit/export.csv", mlps_views.audit_log_export, name="audit-log-export"),
    path("display/", views.display_mode, name="display-mode"),
]
