"""Storage projects: registered by the energy authority; the stage only moves forward, each step
with the date it was reached."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import Scope, require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction, Organisation
from yrd.green.apps import STORAGE
from yrd.green.models import StorageProject

REGISTER_OP = "green.storage.register"


@dataclass
class ProjectInput:
    name_zh: str
    technology: str
    power_mw: Decimal
    energy_mwh: Decimal
    city: Jurisdiction
    owner: Organisation
    planned_on: date
    name_en: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    plan_tasks: str = ""
    is_demo: bool = False


@write
def storage_register(*, acting_user, data: ProjectInput, idempotency_key: str = "") -> StorageProject:
    require(acting_user, STORAGE, Scope((data.city,), (data.owner,)))
    request = {k: str(v) if not isinstance(v, str) else v for k, v in data.__dict__.items()}
    request.update(city=data.city.code, owner=data.owner.pk)
    earlier = idempotency.claim(acting_user=acting_user, operation=REGISTER_OP, key=idempotency_key, request=request)
    if earlier is not None:
        return StorageProject.objects.get(pk=earlier)
    project = StorageProject(stage=StorageProject.Stage.PLANNED, **data.__dict__)
    project.full_clean()
    project.save()
    audit_record(
        actor=acting_user,
        action="green.storage.register",
        obj=project,
        jurisdiction=project.city.code,
        data={"power_mw": str(project.power_mw), "energy_mwh": str(project.energy_mwh)},
    )
    idempotency.fulfil(acting_user=acting_user, operation=REGISTER_OP, key=idempotency_key, result_id=project.pk)
    return project


@write
def storage_advance(*, acting_user, project: StorageProject, stage: str, on: date) -> StorageProject:
    require(acting_user, STORAGE, project)
    project = StorageProject.objects.select_for_update().get(pk=project.pk)
    order = StorageProject.STAGE_ORDER
    if stage not in order:
        raise ValidationError({"stage": _("Unknown stage.")})
    if order.index(stage) <= order.index(project.stage):
        raise Conflict(_("A project only moves forward: planned, approved, construction, operation."), code="stage")
    for skipped in order[order.index(project.stage) + 1 : order.index(stage)]:
        setattr(project, StorageProject.STAGE_DATE[skipped], getattr(project, StorageProject.STAGE_DATE[skipped]) or on)
    project.stage = stage
    setattr(project, StorageProject.STAGE_DATE[stage], on)
    project.full_clean()
    project.save()
    audit_record(
        actor=acting_user,
        action="green.storage.stage",
        obj=project,
        jurisdiction=project.city.code,
        data={"stage": stage, "on": str(on)},
    )
    return project
