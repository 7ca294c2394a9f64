"""Who hears of what happens to a case, in their own language (inbox now, e-mail after commit): the regulators
of a jurisdiction when a case is routed to it or shared with it; the regulators concerned and the signed-in
reporters when the case moves on; an officer when a case is put in their charge. Reporters never learn who
else reported, regulators never get a reporter's contact by notice."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from yrd.core.models import Jurisdiction
from yrd.core.notifications import notify
from yrd.core.translation import interpolate_lazy
from yrd.market.models import Case
from yrd.market.selectors import case_reporters, regulators_of

STATE_NEWS = {
    "investigate": gettext_lazy("Case %(case)s about %(enterprise)s is being investigated"),
    "decide": gettext_lazy("Case %(case)s about %(enterprise)s has been decided"),
    "close": gettext_lazy("Case %(case)s about %(enterprise)s is closed"),
    "close_without_effect": gettext_lazy("Case %(case)s about %(enterprise)s was closed without effect"),
    "reopen": gettext_lazy("Case %(case)s about %(enterprise)s was re-opened"),
    "escalate": gettext_lazy("Case %(case)s about %(enterprise)s was escalated to %(lead)s"),
    "merged": gettext_lazy("Case %(case)s about %(enterprise)s was merged into another case"),
}


def _params(case: Case) -> dict:
    return {"case": case.number, "enterprise": case.enterprise_name, "lead": case.lead_jurisdiction}


def _case_url(case: Case) -> str:
    return reverse("market:case", args=[case.pk])


def tell_routed(case: Case, jurisdiction, *, lead: bool, actor=None) -> None:
    """A case was opened with `jurisdiction` leading it, or shared with it for joint enforcement."""
    message = (
        gettext_lazy("New case %(case)s about %(enterprise)s is routed to you")
        if lead
        else gettext_lazy("Case %(case)s about %(enterprise)s is shared with you for joint enforcement")
    )
    recipients = [p for p in regulators_of([jurisdiction]) if p != actor]
    if recipients:
        notify(recipients=recipients, subject=interpolate_lazy(message, _params(case)), url=_case_url(case))


def tell_moved(case: Case, name: str, *, actor=None, note: str = "") -> None:
    """A case moved on (a transition or a merge): the regulators concerned and the case's reporters hear it."""
    message = STATE_NEWS.get(name)
    if message is None:
        return
    subject = interpolate_lazy(message, _params(case))
    regulators = [p for p in regulators_of(case.jurisdictions_concerned()) if p != actor]
    if regulators:
        notify(recipients=regulators, subject=subject, body=note, url=_case_url(case))
    reporters = [p for p in case_reporters(case) if p != actor]
    if reporters:  # the reporters see the state, not the regulators' note
        notify(recipients=reporters, subject=subject, url=reverse("market:my_reports"))


def tell_assigned(case: Case, officer, *, actor=None) -> None:
    if officer != actor:
        message = gettext_lazy("Case %(case)s about %(enterprise)s is now in your charge")
        notify(recipients=[officer], subject=interpolate_lazy(message, _params(case)), url=_case_url(case))


def tell_negative_list_case(case: Case, *, actor=None) -> None:
    """A decided violation of the market-access negative list is notified to the regulators of every province
    of the region (the case notification and collection system of plan task 4.02)."""
    provinces = Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE)
    recipients = [p for p in regulators_of(provinces) if p != actor]
    message = gettext_lazy("Negative-list violation notified: %(enterprise)s, entry %(entry)s (case %(case)s)")
    params = {**_params(case), "entry": case.negative_list_entry}
    if recipients:
        notify(recipients=recipients, subject=interpolate_lazy(message, params), url=reverse("market:decisions"))
