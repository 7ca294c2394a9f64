"""Reads of the joint bid: the public progress (completeness per component and section) for
everyone; texts, comments and versions of every component for everyone working on the bid (holding
`culture.bid.read` anywhere), because a serial nomination is one document the provinces write and
read together. Who may *change* a component or decide on a section stays scoped (writes.bid)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from yrd.core.access import can
from yrd.culture.apps import BID_READ, COMPONENT
from yrd.culture.models import SECTIONS, BidMilestone, Component, DossierSection
from yrd.culture.writes.bid import TRANSITIONS, Transition


@dataclass
class Progress:
    component: Component
    statuses: dict  # section number -> status
    accepted: int

    @property
    def percent(self) -> int:
        return round(100 * self.accepted / len(SECTIONS))

    @property
    def complete(self) -> bool:
        return self.accepted == len(SECTIONS)


def progress() -> list[Progress]:
    """Every component's dossier, as the public sees it: statuses only, no text."""
    components = list(Component.objects.select_related("resource__city__parent"))
    statuses = {c.pk: {} for c in components}
    for component_id, number, status in DossierSection.objects.values_list("component_id", "number", "status"):
        statuses[component_id][number] = status
    return [
        Progress(c, statuses[c.pk], sum(1 for s in statuses[c.pk].values() if s == DossierSection.Status.ACCEPTED))
        for c in components
    ]


def components_visible_to(user) -> QuerySet[Component]:
    components = Component.objects.select_related("resource__city")
    return components if can(user, BID_READ) else components.none()


def component_for(user, code: str) -> Component:
    found = components_visible_to(user).filter(resource__code=code).first()
    if found is None:
        raise Http404(code)
    return found


def may_read_bid(user) -> bool:
    return can(user, BID_READ)


def moves_for(user, section: DossierSection) -> list[Transition]:
    """The moves of TRANSITIONS this person may make on the section now."""
    return [t for t in TRANSITIONS.values() if section.status in t.sources and can(user, t.action, section)]


def section_for(user, code: str, number: int) -> DossierSection:
    component = component_for(user, code)
    found = component.sections.filter(number=number).first()
    if found is None:
        raise Http404(number)
    return found


def milestones() -> QuerySet[BidMilestone]:
    """Every milestone toward the submission (public: the bid's progress is public)."""
    return BidMilestone.objects.select_related("component__resource__city")


def milestone_for(code: str) -> BidMilestone:
    found = milestones().filter(code=code).first()
    if found is None:
        raise Http404(code)
    return found


def may_keep_milestones(user) -> bool:
    return can(user, COMPONENT)
