from .baselines import Baseline
from .plan import DESCRIPTION_MAX, Area, Plan, Task
from .progress import COMMENT_MAX, NARRATIVE_MAX, Evidence, Milestone, ProgressReport

__all__ = [
    "COMMENT_MAX",
    "DESCRIPTION_MAX",
    "NARRATIVE_MAX",
    "Area",
    "Baseline",
    "Evidence",
    "Milestone",
    "Plan",
    "ProgressReport",
    "Task",
]
