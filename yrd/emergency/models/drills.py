"""What-if drills: an allocation run on a copy of the stock for a scenario (say, a typhoon displacing
200,000 people in Ningbo and Zhoushan). A drill changes no stock; its result is kept as a report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Drill(models.Model):
    not_personal = {
        "name": "a drill's title",
    }

    number = models.CharField(_("number"), max_length=20, unique=True, blank=True)
    name = models.CharField(_("scenario"), max_length=200)
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("for")
    )
    scenario = models.JSONField(_("scenario"))  # {"displaced": {adcode: people}, "days": n, "within_hours": h, ...}
    result = models.JSONField(_("result"))  # per item and per city: needed, allocated, short; objective; timings
    as_of = models.DateTimeField(_("as of"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("run by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-as_of", "-pk"]
        verbose_name = _("what-if drill")
        verbose_name_plural = _("what-if drills")

    def __str__(self):
        return f"{self.number} {self.name}"

    def access_scope(self):
        return [self.jurisdiction], []
