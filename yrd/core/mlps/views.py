"""Pages of the MLPS mechanisms: password change, two-factor enrolment and verification, the audit log."""

import segno
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import devices_for_user
from django_otp import login as otp_login

from yrd.core.access import require
from yrd.core.apps import AUDIT_EXPORT, AUDIT_READ
from yrd.core.audit import audit_record, record_security_event
from yrd.core.mlps import auditlog
from yrd.core.mlps.forms import AuditFilterForm, CodeForm, LoginForm
from yrd.core.mlps.twofactor import pending_device


class SignIn(LoginView):
    """Django's login with the MLPS form; every accepted password is a security event in the audit
    chain (a refused one is recorded by core.mlps.alerts, from Django's user_login_failed)."""

    authentication_form = LoginForm

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_security_event("login", actor=form.get_user(), obj=form.get_user(), data={"stage": "password"})
        return response


class PasswordChange(PasswordChangeView):
    """Django's password change (the validators enforce the policy), audited."""

    template_name = "core/password_change_form.html"  # not registration/: the admin app has one by that name
    success_url = reverse_lazy("password-change-done")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            audit_record(actor=self.request.user, action="core.password.change", obj=self.request.user)
        update_session_auth_hash(self.request, form.user)
        return response


def _safe_next(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@never_cache
@login_required
def two_factor_setup(request):
    """Enrol an authenticator app: scan the QR code, then confirm with one code."""
    device = pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                audit_record(actor=request.user, action="core.two_factor.enrol", obj=request.user)
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect("home")
        form.add_error("code", _("That code does not match. Check the time on your phone and try the next code."))
    return render(request, "registration/two_factor_setup.html", {"form": form, "secret": _base32(device)})


@never_cache
@login_required
@require_GET
def two_factor_qr(request):
    """The enrolment QR code as SVG (an image the page links to: no inline script or style)."""
    device = pending_device(request.user)
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@login_required
def two_factor_verify(request):
    """After the password, the code from the person's authenticator app."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["code"]):
                otp_login(request, device)
                return redirect(_safe_next(request))
        record_security_event("login_failed", actor=request.user, obj=request.user, data={"stage": "two_factor"})
        form.add_error("code", _("That code does not match. Try the code your app shows now."))
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": _safe_next(request, "")})


def _base32(device):
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


@login_required
@require_GET
def audit_log(request):
    """The audit log for the audit administrator: read and filter; nothing here changes anything."""
    require(request.user, AUDIT_READ)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = auditlog.filtered(auditlog.visible_entries(request.user, AUDIT_READ), filters)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode(), "can_export": _can_export(request.user)},
    )


def _can_export(user):
    try:
        require(user, AUDIT_EXPORT)
    except PermissionDenied:
        return False
    return True


@login_required
@require_GET
def audit_log_export(request):
    """The filtered audit log as CSV; the export itself is audited."""
    require(request.user, AUDIT_EXPORT)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = auditlog.filtered(auditlog.visible_entries(request.user, AUDIT_EXPORT), filters)
    content, count = auditlog.csv_bytes(entries)
    with transaction.atomic():
        audit_record(
            actor=request.user,
            action="core.audit.export",
            object_type="core.auditentry",
            object_repr="audit log",
            data={"rows": count, "filters": {k: str(v) for k, v in filters.items() if v}},
        )
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    return response
