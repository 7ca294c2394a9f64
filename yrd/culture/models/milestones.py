"""Tasks and milestones toward the bid's submission, each tied to a task of the plan tracker.

The plan module offers no interface to link work or report progress (it has no `interface.py`), so
culture keeps its own list, each milestone naming its plan task code, and publishes how many are done
as a figure for that task (manifest stat `bid_milestones_done`). A milestone belongs to one
component (its city keeps it) or to the whole bid (the coordinating office keeps it). Whether it is
late is derived from `due` and `done_on`, never stored.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class BidMilestone(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a step of the nomination",
        "name_en": "a step of the nomination",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    component = models.ForeignKey(
        "culture.Component",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("component site"),
    )
    name_zh = models.CharField(_("milestone (Chinese)"), max_length=200)
    name_en = models.CharField(_("milestone (English)"), max_length=200, blank=True)
    plan_task = models.CharField(_("plan task"), max_length=8)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["due", "code"]

    def __str__(self):
        return self.code

    @property
    def late(self) -> bool:
        return self.done_on is None and self.due < timezone.localdate()

    def access_scope(self):
        # a milestone of the whole bid has no jurisdiction: only region-wide roles cover it
        return self.component.access_scope() if self.component_id else ([], [])
