"""The officers' workbenches: the window (receive, check, forward, hand over) and the competent
authority (accept, ask for correction, decide), each listing only that officer's work."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.services import selectors
from yrd.services.models import State

from .portal import desk_refused, desk_tabs, may_use_handling, may_use_window


@login_required
def window(request):
    if not may_use_window(request.user):
        return desk_refused(request, _("Window desk"), _("This desk is for window officers of a service window."))
    rows = selectors.window_queue(request.user)
    groups = [
        ("submitted", [a for a in rows if a.state == "submitted"]),
        ("received", [a for a in rows if a.state == "received"]),
        ("correction", [a for a in rows if a.state == "correction"]),
        ("decided", [a for a in rows if a.state == "decided"]),
    ]
    return render(
        request,
        "services/window.html",
        {
            "groups": groups,
            "total": len(rows),
            "tabs": desk_tabs(request.user),
            "active": "services:window",
        },
    )


@login_required
def handling(request):
    if not may_use_handling(request.user):
        return desk_refused(
            request,
            _("Handling desk"),
            _("This desk is for handling officers of a competent authority."),
        )
    rows = selectors.handling_queue(request.user)
    open_rows = [a for a in rows if a.state != State.DECIDED]
    return render(
        request,
        "services/handling.html",
        {
            "rows": open_rows,
            "decided": [a for a in rows if a.state == State.DECIDED],
            "tabs": desk_tabs(request.user),
            "active": "services:handling",
            "overdue": sum(1 for a in open_rows if a.clock.status == "overdue"),
            "due_soon": sum(1 for a in open_rows if a.clock.status == "due_soon"),
            "review_late": sum(1 for a in rows if a.review_late),
            "today": timezone.localdate(),
        },
    )
