"""Session rules checked on every request of a signed-in person, in this order:

1. idle timeout: a session unused for SESSION_IDLE_TIMEOUT_MINUTES is ended (the person signs in again);
2. two-factor authentication: a person whose roles require it (core.mlps.twofactor) is sent to enrol
   a TOTP device, or to enter a code, before anything else;
3. password expiry: a person whose password is older than PASSWORD_EXPIRY_DAYS is sent to change it.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from yrd.core.mlps.duties import superuser_disabled
from yrd.core.mlps.passwords import password_expired
from yrd.core.mlps.twofactor import needs_enrolment, needs_verification

LAST_SEEN = "yrd_last_seen"
REFRESH_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="yrd.core.mlps.middleware.signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = time.time()


def idle_timeout_seconds() -> int:
    return 60 * getattr(settings, "SESSION_IDLE_TIMEOUT_MINUTES", 30)


def _always_open(path: str) -> bool:
    """Paths a person may reach whatever the session rules say (to sign out, or to satisfy them)."""
    open_paths = (
        reverse("logout"),
        reverse("login"),
        reverse("password-change"),
        reverse("password-change-done"),
        reverse("two-factor-setup"),
        reverse("two-factor-qr"),
        reverse("two-factor-verify"),
    )
    return path in open_paths or path.startswith((settings.STATIC_URL, "/i18n/", "/jsi18n/"))


class SessionRulesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            refused = self.check(request, user)
            if refused is not None:
                return refused
        return self.get_response(request)

    def check(self, request, user):
        now = time.time()
        last_seen = request.session.get(LAST_SEEN)
        timeout = idle_timeout_seconds()
        if timeout > 0 and last_seen is not None and now - last_seen > timeout:
            logout(request)
            messages.info(request, _("You were signed out after a period without activity. Please sign in again."))
            return redirect(f"{reverse('login')}?next={request.path}")
        if last_seen is None or now - last_seen > REFRESH_SECONDS:
            request.session[LAST_SEEN] = now  # not on every request: each refresh is a session write
        if user.is_superuser and superuser_disabled():
            logout(request)
            return redirect("login")
        if _always_open(request.path):
            return None
        if needs_enrolment(user, request):
            return redirect("two-factor-setup")
        if needs_verification(user, request):
            return redirect(f"{reverse('two-factor-verify')}?next={request.path}")
        if password_expired(user):
            messages.warning(request, _("Your password has expired. Choose a new one to continue."))
            return redirect("password-change")
        return None
