"""The registry: centres, laboratories and consortia; international cooperation projects and their
milestones; experts; mutually recognised qualifications. Officers of a province keep what lies in it;
officers of the region keep everything."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import Scope, require
from yrd.core.actors import write
from yrd.core.models import Jurisdiction, Organisation
from yrd.innovation.apps import REGISTRY
from yrd.innovation.models import Centre, CooperationProject, Expert, Milestone, Recognition

from .common import audit, check_text, raise_if


def _city_errors(errors: dict, city: Jurisdiction) -> None:
    if city.level != Jurisdiction.Level.CITY:
        errors["city"] = [_("Choose one of the 41 cities.")]


@dataclass(frozen=True)
class CentreInput:
    kind: str
    name_zh: str
    name_en: str
    organisation: Organisation
    city: Jurisdiction
    field: str
    partner: str = ""
    major_task: str = ""
    members: tuple[Organisation, ...] = ()
    established_on: date | None = None
    is_public: bool = True
    is_demo: bool = False


@write
def centre_save(*, acting_user, data: CentreInput, centre: Centre | None = None) -> Centre:
    require(acting_user, REGISTRY, Scope((data.city,)))
    if centre is not None:
        require(acting_user, REGISTRY, centre)
    errors: dict = {}
    values = {
        "name_zh": check_text(errors, "name_zh", data.name_zh, 200),
        "name_en": check_text(errors, "name_en", data.name_en, 200, required=False),
        "field": check_text(errors, "field", data.field, 80),
        "partner": check_text(errors, "partner", data.partner, 200, required=False),
        "major_task": check_text(errors, "major_task", data.major_task, 300, required=False),
    }
    if data.kind not in Centre.Kind.values:
        errors["kind"] = [_("Choose the kind: R&D centre, joint laboratory or consortium.")]
    elif data.kind == Centre.Kind.CONSORTIUM and (not values["major_task"] or len(data.members) < 2):
        errors["major_task"] = [_("A consortium names the major task it attacks and at least two members.")]
    _city_errors(errors, data.city)
    raise_if(errors)
    centre = centre or Centre()
    for name, value in values.items():
        setattr(centre, name, value)
    centre.kind, centre.organisation, centre.city = data.kind, data.organisation, data.city
    centre.established_on, centre.is_public, centre.is_demo = data.established_on, data.is_public, data.is_demo
    centre.save()
    centre.members.set(data.members)
    audit(acting_user, "innovation.centre.save", centre, data.city.code, kind=data.kind)
    return centre


@dataclass(frozen=True)
class CooperationInput:
    title_zh: str
    title_en: str
    partner_country: str
    partner_name: str
    lead: Organisation
    city: Jurisdiction
    stage: str = CooperationProject.Stage.PROPOSED
    plan_task: str = ""
    milestones: tuple[tuple[str, str, date], ...] = field(default=())  # (title zh, title en, due on)
    is_demo: bool = False


@write
def cooperation_save(*, acting_user, data: CooperationInput, project: CooperationProject | None = None):
    """Create a project with its milestones, or move an existing one to another stage (never back)."""
    require(acting_user, REGISTRY, Scope((data.city,)))
    if project is not None:  # as for centres and experts: the place it leaves is the officer's too
        require(acting_user, REGISTRY, project)
    errors: dict = {}
    title_zh = check_text(errors, "title_zh", data.title_zh, 200)
    title_en = check_text(errors, "title_en", data.title_en, 200, required=False)
    partner = check_text(errors, "partner_name", data.partner_name, 200)
    plan_task = check_text(errors, "plan_task", data.plan_task, 8, required=False)
    if data.partner_country not in CooperationProject.Partner.values:
        errors["partner_country"] = [_("Choose Singapore, Finland or other.")]
    if data.stage not in CooperationProject.Stage.values:
        errors["stage"] = [_("Choose a stage.")]
    elif project is not None and CooperationProject.STAGE_ORDER.index(
        data.stage
    ) < CooperationProject.STAGE_ORDER.index(project.stage):
        errors["stage"] = [_("A project does not go back to an earlier stage.")]
    for n, (zh, en, _due) in enumerate(data.milestones, 1):
        if not zh.strip() or len(zh) > 200 or len(en) > 200:
            errors.setdefault("milestones", []).append(_("Milestone %d: a title of at most 200 characters.") % n)
    _city_errors(errors, data.city)
    raise_if(errors)
    project = project or CooperationProject()
    project.title_zh, project.title_en, project.partner_name, project.plan_task = title_zh, title_en, partner, plan_task
    project.partner_country, project.lead, project.city = data.partner_country, data.lead, data.city
    project.stage, project.is_demo = data.stage, data.is_demo
    project.save()
    known = set(project.milestones.values_list("title_zh", "due_on"))  # an import run again adds nothing
    Milestone.objects.bulk_create(
        [
            Milestone(project=project, title_zh=zh.strip(), title_en=en.strip(), due_on=due)
            for zh, en, due in data.milestones
            if (zh.strip(), due) not in known
        ]
    )
    audit(acting_user, "innovation.cooperation.save", project, data.city.code, stage=data.stage)
    return project


@write
def milestone_done(*, acting_user, milestone: Milestone, done_on: date) -> Milestone:
    require(acting_user, REGISTRY, milestone.project)
    if milestone.done_on is not None:
        raise_if({"milestone": [_("This milestone is already done.")]})
    if done_on > timezone.localdate():
        raise_if({"done_on": [_("A milestone is done today or earlier.")]})
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    audit(acting_user, "innovation.milestone.done", milestone, milestone.project.city.code)
    return milestone


@write
def expert_save(
    *,
    acting_user,
    name: str,
    institution: Organisation,
    fields: str,
    is_public=False,
    is_demo=False,
    expert: Expert | None = None,
):
    """Record an expert, or change one (`expert`) within the same institution's province."""
    require(acting_user, REGISTRY, institution.jurisdiction)
    if expert is not None:
        require(acting_user, REGISTRY, expert)
    errors: dict = {}
    name = check_text(errors, "name", name, 60)
    fields = check_text(errors, "fields", fields, 300)
    raise_if(errors)
    expert = expert or Expert()
    expert.name, expert.institution, expert.fields = name, institution, fields
    expert.is_public, expert.is_demo = is_public, is_demo or expert.is_demo
    expert.save()
    audit(acting_user, "innovation.expert.save", expert, institution.jurisdiction.code)
    return expert


@write
def recognition_save(
    *,
    acting_user,
    name_zh: str,
    name_en: str,
    issued_in: Jurisdiction,
    accepted_in: Jurisdiction,
    since: date,
    basis: str,
    is_demo=False,
) -> Recognition:
    """The accepting province records which other province's certificate it recognises."""
    require(acting_user, REGISTRY, accepted_in)
    errors: dict = {}
    name_zh = check_text(errors, "name_zh", name_zh, 200)
    name_en = check_text(errors, "name_en", name_en, 200, required=False)
    basis = check_text(errors, "basis", basis, 300)
    if issued_in.level != "province" or accepted_in.level != "province" or issued_in.pk == accepted_in.pk:
        errors["accepted_in"] = [_("Two different provinces: where it is certified and where it is accepted.")]
    elif Recognition.objects.filter(name_zh=name_zh, issued_in=issued_in, accepted_in=accepted_in).exists():
        errors["name_zh"] = [_("This recognition is already recorded.")]
    raise_if(errors)
    recognition = Recognition.objects.create(
        name_zh=name_zh,
        name_en=name_en,
        issued_in=issued_in,
        accepted_in=accepted_in,
        since=since,
        basis=basis,
        is_demo=is_demo,
    )
    audit(acting_user, "innovation.recognition.save", recognition, accepted_in.code)
    return recognition
