from .baselines import Baseline
from .plan import Area, Plan, Task
from .progress import Evidence, Milestone, ProgressReport

__all__ = ["Area", "Baseline", "Evidence", "Milestone", "Plan", "ProgressReport", "Task"]
