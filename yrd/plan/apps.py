from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec

READ = "plan.task.read"
MANAGE = "plan.task.manage"
SUBMIT = "plan.report.submit"
REVIEW = "plan.report.review"
BASELINE = "plan.baseline.freeze"


class PlanConfig(AppConfig):
    name = "yrd.plan"
    label = "plan"
    verbose_name = _("Action plan")
    manifest = Manifest(
        label="plan",
        actions={
            READ: _("Read tasks, milestones and progress reports"),
            MANAGE: _("Create and edit tasks, milestones and dates; import tasks; bulk changes"),
            SUBMIT: _("Submit progress reports with evidence"),
            REVIEW: _("Accept or return progress reports"),
            BASELINE: _("Freeze the plan as a baseline"),
        },
        roles={
            "plan_coordinator": RoleSpec("规划协调员", "Plan coordinator", (READ, MANAGE, REVIEW, BASELINE)),
            "task_owner": RoleSpec("任务牵头单位联络员", "Task owner", (READ, SUBMIT)),
        },
        audit_events=(
            "plan.reference.load",
            "plan.task.create",
            "plan.task.update",
            "plan.task.complete",
            "plan.milestone.create",
            "plan.milestone.update",
            "plan.report.submit",
            "plan.report.review",
            "plan.report.supersede",
            "plan.baseline.freeze",
            "plan.reminder.send",
        ),
        # The public sees accepted reports only; a reminder shows nowhere public.
        private_events=("plan.report.submit", "plan.reminder.send"),
        api_router="yrd.plan.api.router",
        urls="yrd.plan.urls",
        nav=(
            NavLink(_("Plan overview"), "plan:overview", actions=(READ,)),
            NavLink(_("Tasks"), "plan:tasks", actions=(READ,)),
            NavLink(_("Map"), "plan:heatmap", actions=(READ,)),
            NavLink(_("Timeline"), "plan:gantt", actions=(READ,)),
            NavLink(_("Transparency"), "plan:public", public=True),
        ),
        reference_loader="yrd.plan.reference.load_reference",
        personal_data="yrd.plan.personal.personal_data",
        demo_loader="yrd.plan.demo.load_demo",
    )
