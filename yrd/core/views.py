import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_POST

from yrd.core import display, selectors, writes
from yrd.core.context_processors import visible_links
from yrd.core.models import ApiToken, Notification


def home(request):
    """Each person lands on their own work: the first header link their roles give them; the
    public transparency page otherwise."""
    own = [link for link in visible_links(request.user) if not link.public]
    return redirect(own[0].url_name if own else "plan:public")


@require_POST
def display_mode(request):
    """Switch the elderly-friendly display on or off for this browser and go back to the page the
    switch was pressed on (a plain form: it works without JavaScript)."""
    mode = request.POST.get("mode")
    if mode not in display.MODES:
        return HttpResponseBadRequest(_("Choose the standard or the elderly-friendly display."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
        back = reverse("home")
    response = HttpResponseRedirect(back)
    display.remember(response, mode)
    return response


@login_required
def inbox(request):
    notes = selectors.inbox(request.user)[:200]
    return render(request, "core/inbox.html", {"notes": notes})


@login_required
@require_POST
def inbox_read(request, pk):
    note = get_object_or_404(Notification, pk=pk, recipient=request.user)
    writes.notification_mark_read(acting_user=request.user, notification=note)
    return redirect(note.url or "core:inbox")


@login_required
def tokens(request):
    new_key, errors = None, {}
    if request.method == "POST":
        try:
            _token, new_key = writes.api_token_create(
                acting_user=request.user,
                name=request.POST.get("name", ""),
                scope=request.POST.get("scope", ApiToken.READ),
                lifetime_days=_int_or_none(request.POST.get("lifetime_days", "90")),
            )
        except ValidationError as refused:
            errors = refused.message_dict
        except PermissionDenied as refused:
            errors = {"__all__": [str(refused)]}
    listed = request.user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at")
    context = {
        "tokens": listed,
        "new_key": new_key,
        "errors": errors,
        "scopes": ApiToken.SCOPES,
        "lifetimes": ApiToken.LIFETIMES_DAYS,
        "now": timezone.now(),
    }
    return render(request, "core/tokens.html", context, status=400 if errors else 200)


def _int_or_none(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    writes.api_token_revoke(acting_user=request.user, token=token)
    messages.success(
        request, _("Token “%(name)s” revoked; programs using it are refused from now on.") % {"name": token.name}
    )
    return redirect("core:tokens")


# Site-wide error handlers (yrd/urls.py): under /api/ the answer is JSON in the API's one error
# schema; elsewhere the site's own page, in the reader's language.


def _api_error(request, status, code, message):
    if request.path.startswith("/api/"):
        return JsonResponse({"code": code, "message": str(message)}, status=status)
    return None


def bad_request(request, exception):
    answer = _api_error(request, 400, "bad_request", _("The request is malformed."))
    return answer or defaults.bad_request(request, exception)


def permission_denied(request, exception):
    answer = _api_error(request, 403, "forbidden", str(exception) or _("You may not do this."))
    return answer or defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    message = _("No such address in the API; the operations are listed at /api/docs.")
    return _api_error(request, 404, "not_found", message) or defaults.page_not_found(request, exception)


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    message = _("The server failed to answer; the error has been logged. Please try again later.")
    return _api_error(request, 500, "server_error", message) or defaults.server_error(request)


# The database cannot be reached (stopped, restarting, out of connections): whatever part of the
# request met it (a middleware loading the session, a view, a template), the answer is 503 with a
# clear message, and the next request tries the database again (Django drops a broken connection at
# the end of the request; CONN_HEALTH_CHECKS checks a kept one before reusing it).
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request):
    message = _("The database cannot be reached for a moment. Please try again shortly.")
    response = _api_error(request, 503, "database_unavailable", message)
    if response is None:
        # Standalone and bilingual on purpose: no context processor may reach for the database.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
