"""Every write to the plan: `<entity>_<verb>(*, acting_user, ...)`, marked `@write` (one
transaction, no write without an actor), checking the rule of README's "The plan tracker" first,
validating everything at once, then writing and auditing in the same transaction."""

from .baselines import baseline_freeze
from .bulk import tasks_bulk_change
from .milestones import milestone_create, milestone_update
from .reports import report_review, report_submit
from .tasks import task_create, task_update

__all__ = [
    "baseline_freeze",
    "milestone_create",
    "milestone_update",
    "report_review",
    "report_submit",
    "task_create",
    "task_update",
    "tasks_bulk_change",
]
