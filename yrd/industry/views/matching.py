"""The matching board: an OEM posts a need, sees candidate suppliers ranked, contacts them and
records the outcome; other enterprises on the board and officials read open needs."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yrd.core.access import can
from yrd.industry import matching, selectors, writes
from yrd.industry.apps import MATCH, REVIEW
from yrd.industry.models import Component, Contact, Enterprise

from .common import refused, run_write


def _own_enterprises(user):
    return [e for e in selectors.enterprises_in_detail(user) if can(user, MATCH, e)]


@login_required
def needs(request):
    if not (can(request.user, MATCH) or can(request.user, REVIEW)):
        return refused(
            request, _("Matching board"), _("This page is for enterprises on the chain and industry officials.")
        )
    own = _own_enterprises(request.user)
    if request.method == "POST":
        customer = next((e for e in own if str(e.pk) == request.POST.get("customer")), None)
        component = Component.objects.filter(code=request.POST.get("component", "")[:40]).first()
        try:
            needed_by = date.fromisoformat(request.POST.get("needed_by", ""))
        except ValueError:
            needed_by = None
        try:
            volume = float(request.POST.get("volume", ""))
        except ValueError:
            volume = None
        if customer is None or component is None:
            request.industry_errors = {"customer": [_("Choose your enterprise and a component.")]}
        else:
            posted = run_write(
                request,
                writes.need_post,
                _("Need posted."),
                customer=customer,
                component=component,
                volume=volume,
                needed_by=needed_by,
                note=request.POST.get("note", ""),
                required_certification=request.POST.get("required_certification", ""),
            )
            if posted:
                return redirect("industry:need", posted.pk)
    context = {
        "needs": selectors.needs_visible_to(request.user)[:100],
        "own": own,
        "components": Component.objects.all(),
        "errors": getattr(request, "industry_errors", {}),
    }
    return render(request, "industry/needs.html", context)


@login_required
def need(request, pk: int):
    found = get_object_or_404(selectors.needs_visible_to(request.user), pk=pk)
    may_act = selectors.may_act_on_need(request.user, found)
    if request.method == "POST" and may_act:
        if "supplier" in request.POST:
            supplier = Enterprise.objects.filter(pk=request.POST.get("supplier") or 0).first()
            if supplier:
                run_write(request, writes.contact_record, _("Contact recorded."), need=found, supplier=supplier,
                          message=request.POST.get("message", ""))  # fmt: skip
        elif "contact" in request.POST:
            contact = Contact.objects.filter(need=found, pk=request.POST.get("contact") or 0).first()
            if contact:
                run_write(request, writes.contact_outcome, _("Outcome recorded."), contact=contact,
                          outcome=request.POST.get("outcome", ""))  # fmt: skip
        return redirect("industry:need", found.pk)
    context = {
        "need": found,
        "may_act": may_act,
        "candidates": matching.candidates(found) if may_act else [],
        "contacts": found.contacts.select_related("supplier__organisation") if may_act else [],
    }
    return render(request, "industry/need.html", context)
