"""Writes of the joint bid: a component's boundary and buffer zone, its dossier sections and the
moves between provinces, and comments.

TRANSITIONS is the one table of who may move a section: the city (component editors) submits, the
province (reviewers over the component's city, i.e. its province or the bid office) accepts or
returns. Buttons and the API's choices are derived from it (`selectors.bid.moves_for`).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.culture import geo
from yrd.culture.apps import BID_READ, COMPONENT, REVIEW
from yrd.culture.models import SECTIONS, Component, DossierComment, DossierSection, DossierVersion, HeritageResource

from .common import choice_error, refuse_if, text_errors

S = DossierSection.Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    action: str


TRANSITIONS = {
    t.name: t
    for t in (
        Transition(
            "submit", gettext_lazy("Submit for review"), frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, COMPONENT
        ),
        Transition("accept", gettext_lazy("Accept"), frozenset({S.SUBMITTED}), S.ACCEPTED, REVIEW),
        Transition("return", gettext_lazy("Return for changes"), frozenset({S.SUBMITTED}), S.RETURNED, REVIEW),
    )
}


@write
def component_save(
    *,
    acting_user,
    resource: HeritageResource,
    boundary: dict,
    buffer_zone: dict,
    attributes_zh: str = "",
    attributes_en: str = "",
    management_plan: str = Component.Plan.NONE,
) -> Component:
    """Create or change the component of a water town: its boundary must be a valid polygon inside
    a valid buffer zone. A new component gets its seven dossier sections, not started."""
    require(acting_user, COMPONENT, resource)
    errors = text_errors(Component, {"attributes_zh": attributes_zh, "attributes_en": attributes_en})
    choice_error(Component, "management_plan", management_plan, errors)
    if resource.kind != HeritageResource.Kind.WATER_TOWN:
        errors["resource"] = [_("A component of the bid is a water town.")]
    for name, value in (("boundary", boundary), ("buffer_zone", buffer_zone)):
        problems = geo.problems_of(value)
        if not problems and value["type"] != "Polygon":
            problems = [_("Draw it as a polygon.")]
        if problems:
            errors[name] = problems
    if "boundary" not in errors and "buffer_zone" not in errors:
        problems = geo.containment_problems(boundary, buffer_zone)
        if problems:
            errors["buffer_zone"] = problems
    refuse_if(errors)
    component, created = Component.objects.update_or_create(
        resource=resource,
        defaults={
            "boundary": boundary,
            "buffer_zone": buffer_zone,
            "attributes_zh": attributes_zh,
            "attributes_en": attributes_en,
            "management_plan": management_plan,
        },
    )
    if created:
        DossierSection.objects.bulk_create(DossierSection(component=component, number=n) for n in SECTIONS)
    audit_record(
        actor=acting_user,
        action="culture.component.save",
        obj=component,
        jurisdiction=resource.city.code,
        data={"town": resource.code, "created": created, "management_plan": management_plan},
    )
    return component


@write
def dossier_save(*, acting_user, section: DossierSection, text_zh: str, text_en: str) -> DossierSection:
    """A new version of a section's text; an accepted or submitted section is not edited in place."""
    require(acting_user, COMPONENT, section)
    section = DossierSection.objects.select_for_update().get(pk=section.pk)
    if section.status in (S.SUBMITTED, S.ACCEPTED):
        raise Conflict(
            _("This section is %(status)s; it can be edited once the province returns it.")
            % {"status": section.get_status_display()},
            code="section_locked",
        )
    refuse_if(text_errors(DossierSection, {"text_zh": text_zh, "text_en": text_en}))
    section.text_zh, section.text_en = text_zh, text_en
    section.version += 1
    section.status = S.DRAFT
    section.save()
    DossierVersion.objects.create(
        section=section, version=section.version, text_zh=text_zh, text_en=text_en, saved_by=person(acting_user)
    )
    audit_record(
        actor=acting_user,
        action="culture.dossier.save",
        obj=section,
        jurisdiction=section.component.city.code,
        data={"section": section.number, "version": section.version},
    )
    return section


@write
def dossier_move(*, acting_user, section: DossierSection, transition: str, note: str = "") -> DossierSection:
    """Submit, accept or return a section (TRANSITIONS); returning needs a note, kept as a comment."""
    move = TRANSITIONS.get(transition)
    if move is None:
        raise ValidationError({"transition": [_("Unknown move %(name)s.") % {"name": str(transition)[:40]}]})
    require(acting_user, move.action, section)
    section = DossierSection.objects.select_for_update().get(pk=section.pk)
    if section.status not in move.sources:
        raise Conflict(
            _("A section that is %(status)s cannot be moved that way.") % {"status": section.get_status_display()}
        )
    errors = text_errors(DossierComment, {"text": note})
    if move.name == "submit" and not (section.text_zh.strip() and section.text_en.strip()):
        errors["text"] = [_("A section is submitted with its text in both Chinese and English.")]
    if move.name == "return" and not note.strip():
        errors["note"] = [_("Say what needs to change.")]
    refuse_if(errors)
    section.status = move.target
    section.save(update_fields=["status", "updated_at"])
    if note.strip():
        _comment(acting_user, section.component, section.number, note.strip())
    audit_record(
        actor=acting_user,
        action=f"culture.dossier.{move.name}",
        obj=section,
        jurisdiction=section.component.city.code,
        data={"section": section.number, "version": section.version},
    )
    return section


def _comment(acting_user, component, section_number, text) -> DossierComment:
    return DossierComment.objects.create(
        component=component,
        section=section_number,
        author=person(acting_user),
        author_label=str(acting_user)[:150],
        text=text,
    )


@write
def dossier_comment(*, acting_user, component: Component, text: str, section: int | None = None) -> DossierComment:
    """A remark on a component, by anyone working on the bid (a serial nomination is written
    together: provinces comment on each other's components so that the dossier reads as one)."""
    require(acting_user, BID_READ)
    errors = text_errors(DossierComment, {"text": text})
    if not (text or "").strip():
        errors["text"] = [_("Write a comment.")]
    if section is not None and section not in SECTIONS:
        errors["section"] = [_("Sections are numbered 1 to 7.")]
    refuse_if(errors)
    comment = _comment(acting_user, component, section, text.strip())
    audit_record(
        actor=acting_user,
        action="culture.dossier.comment",
        obj=comment,
        jurisdiction=component.city.code,
        data={"section": section},
    )
    return comment
