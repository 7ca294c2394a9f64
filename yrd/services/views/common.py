"""Shared by the pages: turning a service's refusal into a message, reading uploads from a form."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect

from yrd.core.errors import Conflict


def refusal_messages(error):
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return [str(m) for msgs in error.message_dict.values() for m in msgs]
        return [str(m) for m in error.messages]
    if isinstance(error, Conflict):
        return [error.message]
    return [str(error) or "You may not do this."]


def attempt(request, call):
    """Run a service call; on a refusal flash each reason and return None."""
    try:
        return call()
    except (ValidationError, Conflict, PermissionDenied) as error:
        for text in refusal_messages(error):
            messages.error(request, text)
        return None


def uploads_from(request, prefix="material-"):
    return [
        (name.removeprefix(prefix), upload)
        for name, upload in request.FILES.items()
        if name.startswith(prefix) and upload.size
    ]


def post_or_redirect(target):
    """For a URL that only acts on POST: a GET (reload or language switch after a form error,
    a bookmark) goes to the page the form lives on, `target(**url kwargs)`, instead of a 405."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return redirect(target(**kwargs))
            if request.method != "POST":
                return HttpResponseNotAllowed(["GET", "POST"])
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
