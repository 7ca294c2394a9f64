"""The officers' workbenches: the window (receive, check, forward, hand over) and the competent
authority (accept, ask for correction, decide), each listing only that officer's work."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from yrd.services import selectors

from .portal import desk_tabs


@login_required
def window(request):
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
    rows = selectors.handling_queue(request.user)
    return render(
        request,
        "services/handling.html",
        {
            "rows": rows,
            "tabs": desk_tabs(request.user),
            "active": "services:handling",
            "overdue": sum(1 for a in rows if a.clock.status == "overdue"),
            "due_soon": sum(1 for a in rows if a.clock.status == "due_soon"),
            "review_late": sum(1 for a in rows if a.review_late),
            "today": timezone.localdate(),
        },
    )
