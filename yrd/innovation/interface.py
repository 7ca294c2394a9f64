"""What other modules may use of the innovation module: the published figures, as plain values, and
the public cooperation projects' milestones on a plan task (manifest `plan_milestones`)."""

from django.urls import reverse

from yrd.core.registry import LinkedMilestone
from yrd.innovation import stats
from yrd.innovation.models import Milestone


def figures() -> dict[str, object]:
    return {
        "instruments_shared": stats.instruments_shared(),
        "vouchers_redeemed_cross_province": stats.vouchers_redeemed_cross_province(),
        "joint_fund_projects": stats.joint_fund_projects(),
        "cooperation_by_stage": stats.cooperation_by_stage(),
    }


def plan_milestones(task_code: str) -> list[LinkedMilestone]:
    """Milestones of public cooperation projects that report on `task_code`."""
    rows = Milestone.objects.filter(project__plan_task=task_code, project__is_public=True).select_related("project")
    url = reverse("innovation:cooperation")
    return [LinkedMilestone(m.title, m.due_on, m.done_on, m.project.title, url) for m in rows]
