from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yrd.core import selectors, writes
from yrd.core.context_processors import visible_links
from yrd.core.models import ApiToken, Notification


def home(request):
    """Each person lands on their own work: the first header link their roles give them; the
    public transparency page otherwise."""
    own = [link for link in visible_links(request.user) if not link.public]
    return redirect(own[0].url_name if own else "plan:public")


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
    new_key = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            messages.error(request, _("Give the token a name, e.g. the program that will use it."))
        else:
            _token, new_key = writes.api_token_create(acting_user=request.user, name=name)
    listed = request.user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at")
    return render(request, "core/tokens.html", {"tokens": listed, "new_key": new_key})


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    writes.api_token_revoke(acting_user=request.user, token=token)
    messages.success(
        request, _("Token “%(name)s” revoked; programs using it are refused from now on.") % {"name": token.name}
    )
    return redirect("core:tokens")
