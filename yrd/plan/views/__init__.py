"""Pages of the plan tracker. The URL names are in yrd/plan/urls.py."""

from yrd.plan.views.baselines import baseline_compare, baselines
from yrd.plan.views.dashboards import attention, gantt, heatmap, overview, public, public_task
from yrd.plan.views.tasks import (
    bulk,
    evidence_download,
    my_reports,
    report_review,
    report_submit,
    review_queue,
    task_detail,
    tasks,
)

__all__ = [
    "attention",
    "baseline_compare",
    "baselines",
    "bulk",
    "evidence_download",
    "gantt",
    "heatmap",
    "my_reports",
    "overview",
    "public",
    "public_task",
    "report_review",
    "report_submit",
    "review_queue",
    "task_detail",
    "tasks",
]
