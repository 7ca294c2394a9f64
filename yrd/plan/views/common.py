"""What every plan page shares: the plan, what the caller may do, the tabs, the empty state."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction
from yrd.plan import selectors
from yrd.plan.apps import BASELINE, MANAGE, READ, REVIEW, SUBMIT
from yrd.plan.forms import ListFilterForm


def permissions(user):
    """What the caller may do somewhere in the plan (for tabs and buttons, not for checks)."""
    return {
        "can_read": can(user, READ),
        "can_manage": can(user, MANAGE),
        "can_review": can(user, REVIEW),
        "can_submit": can(user, SUBMIT),
        "can_freeze": can(user, BASELINE),
    }


def page(request, template, context, *, tab, status=200):
    full = {"tab": tab, **permissions(request.user), **context}
    return render(request, template, full, status=status)


def reader_page(view=None, *, one_object=False):
    """Login required; a person who may read no part of the plan gets an explanation instead
    (or, on the page of one object, which is outside their scope, a 404)."""
    if view is None:
        return lambda v: reader_page(v, one_object=one_object)

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        plan = selectors.current_plan()
        if not can(request.user, READ) or plan is None:
            if one_object:
                raise Http404
            may_read = can(request.user, READ)
            template = "plan/no_plan.html" if plan is None and may_read else "plan/no_access.html"
            return page(request, template, {"plan": plan}, tab=None)
        return view(request, plan, *args, **kwargs)

    return wrapper


def post_only(where_to):
    """A URL that only takes a POST; a GET of it (reload, or the language switch of a page
    re-rendered after a form error) is sent to `where_to(request, *args, **kwargs)`."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                return redirect(where_to(request, *args, **kwargs))
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def conflict_message(conflict: Conflict) -> str:
    """A 409 as the person who sent a form reads it."""
    if conflict.code == "idempotency_key_reused":
        return _("This form was already sent with other values. Reload the page to start a new one.")
    return conflict.message


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


PER_PAGE = 50  # rows of a list page


def paginate(request, items) -> Page:
    """The page `?page=` asks for (the first for nonsense, the last for one past the end)."""
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def filter_form(request, plan, form_class: type[ListFilterForm], **kwargs) -> ListFilterForm:
    """A list's filter form bound to the query string, with the plan's areas and the places."""
    places = Jurisdiction.objects.exclude(level=Jurisdiction.Level.REGION).select_related("parent").order_by("path")
    return form_class(request.GET or None, areas=list(selectors.areas(plan)), jurisdictions=list(places), **kwargs)


def is_filtered(request) -> bool:
    return any(value for name, value in request.GET.items() if name != "page")


def in_plan_order(rows):
    """Tasks by area number, tasks with no area last (databases differ on where NULLs sort)."""
    return sorted(rows, key=lambda t: (t.area is None, t.area.number if t.area else 0, t.code))
