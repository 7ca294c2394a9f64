"""What the plan's writes share: who may run a task, who may move its leads, and the jurisdiction
an audit entry is filed under."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from yrd.core.access import Scope, require
from yrd.core.models import Jurisdiction
from yrd.plan.actors import Actor
from yrd.plan.apps import MANAGE
from yrd.plan.models import Task


def require_lead(acting_user: Actor, task: Task) -> None:
    """Editing a task, its milestones or its leads is for the coordinators of its lead side (and
    the region's): README, "The plan tracker"."""
    require(
        acting_user,
        MANAGE,
        task.lead_scope(),
        _("Only the coordinators of the lead province (or of the region) change task %(code)s.") % {"code": task.code},
    )


def require_jurisdictions(acting_user: Actor, added_or_removed: Iterable[Jurisdiction], leads_after: list) -> None:
    """Adding or removing a lead or co-lead needs plan.task.manage over that jurisdiction; a task
    left without leads is the region's, so only a region-wide coordinator may leave one so."""
    for jurisdiction in sorted(set(added_or_removed), key=lambda j: j.path):
        require(
            acting_user,
            MANAGE,
            jurisdiction,
            _("You may not add or remove %(place)s: your role gives you no rights there.")
            % {"place": jurisdiction.name},
        )
    if not leads_after:
        only_region = _("Only a coordinator for the whole region may leave a task without leads.")
        require(acting_user, MANAGE, Scope(), only_region)


def audit_jurisdiction(task: Task) -> str:
    """The adcode an audit entry about the task is filed under: its lead, when it has one."""
    leads = list(task.lead_jurisdictions.all())
    return leads[0].code if len(leads) == 1 else ""
