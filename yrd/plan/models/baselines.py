from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Baseline(models.Model):
    """The plan frozen at a moment: every task's fields, for later comparison."""

    not_personal = {
        "name": "a baseline's title",
    }

    plan = models.ForeignKey("plan.Plan", on_delete=models.CASCADE, related_name="baselines", verbose_name=_("plan"))
    name = models.CharField(_("name"), max_length=120)
    taken_at = models.DateTimeField(_("taken at"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, verbose_name=_("taken by")
    )
    snapshot = models.JSONField(_("snapshot"), default=dict)  # task code -> {field: value}

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")

    def __str__(self):
        return f"{self.name} ({self.taken_at:%Y-%m-%d})"
