from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from yrd.api import api
from yrd.core import views as core_views
from yrd.core.mlps import views as mlps_views
from yrd.core.registry import registry

urlpatterns = [
    path("", core_views.home, name="home"),
    path("accounts/login/", mlps_views.SignIn.as_view(), name="login"),
    path("accounts/password/", mlps_views.PasswordChange.as_view(), name="password-change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="core/password_change_done.html"),
        name="password-change-done",
    ),
    path("accounts/two-factor/", mlps_views.two_factor_setup, name="two-factor-setup"),
    path("accounts/two-factor/qr.svg", mlps_views.two_factor_qr, name="two-factor-qr"),
    path("accounts/two-factor/verify/", mlps_views.two_factor_verify, name="two-factor-verify"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("core/", include(("yrd.core.urls", "core"))),
]
urlpatterns += [
    path(f"{m.label}/", include((m.urls, m.label))) for m in registry.manifests.values() if m.urls and m.label != "core"
]

# Uploads are never served from MEDIA_URL, in any setting: only the access-checked download views
# of each module hand out a file.

handler400 = "yrd.core.views.bad_request"
handler403 = "yrd.core.views.permission_denied"
handler404 = "yrd.core.views.page_not_found"
handler500 = "yrd.core.views.server_error"
