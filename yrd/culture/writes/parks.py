"""Key projects of the two national cultural parks, kept by the province they lie in."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from yrd.core.access import Scope, require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.models import Jurisdiction
from yrd.culture import geo
from yrd.culture.apps import PARKS
from yrd.culture.models import ParkProject

from .common import choice_error, refuse_if, text_errors


@dataclass
class ProjectInput:
    park: str
    province: Jurisdiction
    segment: str
    name_zh: str
    stage: str
    longitude: float
    latitude: float
    name_en: str = ""
    progress: int = 0
    visitors_last_year: int | None = None
    is_demo: bool = False


@write
def park_project_save(*, acting_user, data: ProjectInput, project: ParkProject | None = None) -> ParkProject:
    if project is not None:
        require(acting_user, PARKS, project)
    if data.province is not None:
        require(acting_user, PARKS, Scope(jurisdictions=(data.province,)))
    errors = text_errors(ParkProject, {"segment": data.segment, "name_zh": data.name_zh, "name_en": data.name_en})
    for name in ("park", "stage"):
        choice_error(ParkProject, name, getattr(data, name), errors)
    if data.province is None or data.province.level != "province":
        errors["province"] = [_("Choose one of the four provinces.")]
    if not (data.name_zh or "").strip():
        errors.setdefault("name_zh", []).append(_("A Chinese name is required."))
    if not isinstance(data.progress, int) or not 0 <= data.progress <= 100:
        errors["progress"] = [_("Progress is a whole percentage from 0 to 100.")]
    elif data.stage in (ParkProject.Stage.COMPLETED, ParkProject.Stage.OPEN) and data.progress != 100:
        errors["progress"] = [_("A completed or open project is at 100 percent.")]
    problems = geo.problems_of({"type": "Point", "coordinates": [data.longitude, data.latitude]})
    if problems:
        errors["location"] = problems
    refuse_if(errors)
    project = project or ParkProject()
    for name, value in vars(data).items():
        setattr(project, name, value)
    project.save()
    audit_record(
        actor=acting_user,
        action="culture.park.save",
        obj=project,
        jurisdiction=project.province.code,
        data={"stage": project.stage, "progress": project.progress},
    )
    return project
