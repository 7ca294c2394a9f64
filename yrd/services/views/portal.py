"""The applicant's side: the catalogue, applying, following one's applications; and the page of one
application that every party sees (with the actions their rights allow)."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.core.caching import public_cache
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.personal.reveal import personal_download
from yrd.core.personal.subject import consent_withdrawn
from yrd.core.selectors import provinces
from yrd.services import selectors, writes
from yrd.services.apps import ACCEPT, APPLY, BOOK, DECIDE, RECEIVE, SERVE
from yrd.services.figures import public_figures
from yrd.services.models import Application, Material, Mode, ServiceItem
from yrd.services.workflow import TRANSITIONS, allowed_transitions, from_post, perform
from yrd.services.writes.submission import REUSE_CONSENT

from .common import attempt, post_or_redirect, refusal_messages, uploads_from
from .transitions import transition_forms


@public_cache
def catalogue(request):
    search, audience, mode = (request.GET.get(k, "").strip() for k in ("q", "audience", "mode"))
    items = selectors.catalogue(search=search, audience=audience, mode=mode)
    return render(
        request,
        "services/catalogue.html",
        {
            "items": items,
            "q": search,
            "audience": audience,
            "mode": mode,
            "modes": Mode.choices,
            "audiences": ServiceItem.Audience.choices,
            "figures": public_figures(selectors.published_figures()),
        },
    )


def item(request, code):
    service = get_object_or_404(selectors.catalogue(), code=code)
    return render(request, "services/item.html", _apply_context(request, service, request.GET))


# The channels each mode allows: a remote application starts at a window, an online one online.
CHANNELS = {
    Mode.ONLINE: [Application.Channel.ONLINE],
    Mode.REMOTE: [Application.Channel.WINDOW],
    Mode.JOINT: [Application.Channel.ONLINE, Application.Channel.WINDOW],
}

# Where the service's reasons are shown; the others go to the top of the form.
FIELD_ERRORS = {
    "mode",
    "applicant_name",
    "applicant_id_number",
    "applicant_uscc",
    "channel",
    "receiving_window",
    "handling",
    "materials",
    "reuse",
}


def apply_defaults(service, data, identity=None):
    """The form's values: what was sent, with a mode the item offers and a channel that mode
    allows (the item's first mode and its first channel when nothing valid was sent), the account's
    identity filled in, and a fresh idempotency key for each newly rendered form."""
    form = {key: value for key, value in data.items() if not key.startswith("csrf")}
    form.setdefault("idempotency_key", uuid.uuid4().hex)
    if identity is not None:
        form.setdefault("applicant_name", identity.name)
        form.setdefault("applicant_id_number", identity.id_number)
        form.setdefault("applicant_uscc", identity.uscc)
    modes = [m.value for m in service.modes]
    if form.get("mode") not in modes:
        form["mode"] = modes[0] if modes else ""
    channels = CHANNELS.get(form["mode"], [Application.Channel.ONLINE])
    if form.get("channel") not in channels:
        form["channel"] = channels[0]
    form["channels"] = [(c, Application.Channel(c).label) for c in channels]
    return form


def _apply_context(request, service, data, errors=None):
    errors = errors or {}
    identity = selectors.account_identity(request.user)
    return {
        "identity": identity,
        "item": service,
        "provinces": provinces(),
        "windows": selectors.windows(),
        "authority_provinces": {a.province_id for a in service.authorities.all()},
        "held": _held(request.user),
        "form": apply_defaults(service, data, identity),
        "errors": {k: v for k, v in errors.items() if k in FIELD_ERRORS},
        "general_errors": [m for k, v in errors.items() if k not in FIELD_ERRORS for m in v],
    }


def _held(user):
    """The account's own materials it may reuse, by material type (never looked up by a typed ID)."""
    held = {}
    for material in selectors.reusable_materials(user):
        held.setdefault(material.material_type.code, []).append(material)
    return held


def _province(code):
    return Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE, code=code).first() if code else None


@login_required
@post_or_redirect(lambda code: reverse("services:item", args=[code]))
def apply(request, code):
    service = get_object_or_404(selectors.catalogue(), code=code)
    post = request.POST
    mode = post.get("mode", "")
    handling = [p for p in (_province(post.get("handling")), _province(post.get("then"))) if p]
    if mode != Mode.JOINT:
        handling = handling[:1]
    window = (
        Organisation.objects.filter(pk=post.get("receiving_window") or None).first()
        if post.get("channel") == Application.Channel.WINDOW
        else None
    )
    reuse = {k.removeprefix("reuse-"): v for k, v in post.items() if k.startswith("reuse-") and v}
    draft = writes.ApplicationDraft(
        item=service,
        mode=mode,
        applicant_kind=post.get("applicant_kind", ""),
        applicant_name=post.get("applicant_name", ""),
        applicant_id_number=post.get("applicant_id_number", ""),
        applicant_uscc=post.get("applicant_uscc", ""),
        channel=post.get("channel", ""),
        receiving_window=window,
        handling=tuple(handling),
        parallel=bool(post.get("parallel")),
        uploads=tuple(uploads_from(request)),
        reuse=reuse,
        reuse_consent=bool(post.get("reuse_consent")),
    )
    try:
        application = writes.application_submit(
            acting_user=request.user, draft=draft, idempotency_key=post.get("idempotency_key") or None
        )
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        messages.error(request, _("The application was not submitted: see the reasons below."))
        context = _apply_context(request, service, post, errors)
        return render(request, "services/item.html", context, status=400)
    except (Conflict, PermissionDenied) as error:
        context = _apply_context(request, service, post, {"": refusal_messages(error)})
        return render(request, "services/item.html", context, status=400)
    messages.success(request, _("Application %s submitted.") % application.number)
    return redirect("services:application", number=application.number)


@login_required
def desk(request):
    """Send each person to the desk their role gives them."""
    user = request.user
    if can(user, DECIDE):
        return redirect("services:handling")
    if can(user, RECEIVE):
        return redirect("services:window")
    return redirect("services:portal")


def may_use_window(user):
    return can(user, RECEIVE)


def may_use_handling(user):
    return can(user, ACCEPT) or can(user, DECIDE)


def may_use_remote(user):
    return can(user, BOOK) or can(user, SERVE)


def is_officer(user):
    return may_use_window(user) or may_use_handling(user) or may_use_remote(user)


def desk_tabs(user):
    """The desks the person's roles open; "My applications" for applicants, and for people
    without any officer role (their own applications, if any)."""
    officer = is_officer(user)
    tabs = []
    if can(user, APPLY) or not officer:
        tabs.append(("services:portal", _("My applications")))
    if may_use_window(user):
        tabs.append(("services:window", _("Window desk")))
    if may_use_handling(user):
        tabs.append(("services:handling", _("Handling desk")))
    if may_use_remote(user):
        tabs.append(("services:remote", _("Remote window")))
    return tabs


def desk_refused(request, desk, reason):
    """The desk exists but the person's roles do not open it: say whose desk it is (403)."""
    context = {"desk": desk, "reason": reason, "tabs": desk_tabs(request.user)}
    return render(request, "services/desk_forbidden.html", context, status=403)


@login_required
def portal(request):
    return render(
        request,
        "services/portal.html",
        {
            "applications": selectors.my_applications(request.user),
            "tabs": desk_tabs(request.user),
            "active": "services:portal",
            "may_apply": can(request.user, APPLY),
        },
    )


@login_required
def application(request, number):
    try:
        found = selectors.application_for(request.user, number)
    except Application.DoesNotExist:
        raise Http404(_("No such application, or not one you may see.")) from None
    actions = allowed_transitions(request.user, found)
    return render(
        request,
        "services/application.html",
        {
            "application": found,
            "actions": actions,
            "forms": transition_forms(request.user, found),
            "tabs": desk_tabs(request.user),
            # Checksums and audit sequence numbers are for officers; the applicant sees the
            # file name, type, size and time.
            "show_technical": is_officer(request.user) or found.applicant_user_id != request.user.pk,
        },
    )


@login_required
@post_or_redirect(lambda number, action: reverse("services:application", args=[number]))
def act(request, number, action):
    try:
        found = selectors.application_for(request.user, number)
    except Application.DoesNotExist:
        raise Http404 from None
    if action not in TRANSITIONS:
        raise Http404
    transition = TRANSITIONS[action]
    done = attempt(request, lambda: perform(request.user, found, action, from_post(transition.input, request)))
    if done is not None:
        messages.success(request, _("Done: %s.") % transition.label)
    return redirect("services:application", number=number)


@login_required
def material(request, pk):
    try:
        found = selectors.material_for(request.user, pk)
    except Material.DoesNotExist:
        raise Http404 from None
    if (
        found.reused_from_id
        and found.application.applicant_user_id != request.user.pk
        and consent_withdrawn(REUSE_CONSENT, found.application)
    ):  # PIPL art. 15: the reuse stops; the window asks the applicant for the material again
        raise PermissionDenied(_("The applicant withdrew their consent to reuse this material: ask for it again."))
    response = FileResponse(
        personal_download(acting_user=request.user, obj=found),  # audited unless it is the applicant's own
        content_type=found.content_type,
        as_attachment=True,
        filename=found.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
