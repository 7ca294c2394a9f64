from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkdayOverride(models.Model):
    """One day of the State Council's holiday arrangement, entered by an administrator when the
    `chinese-calendar` package does not know the year yet. The working-day clock reads these
    before the package, so the platform need not wait for a package release."""

    not_personal = {
        "name": "a public holiday's name",
    }

    day = models.DateField(_("day"), unique=True)
    is_workday = models.BooleanField(
        _("working day"), help_text=_("Ticked: an adjusted working day; empty: a holiday.")
    )
    name = models.CharField(_("name"), max_length=60, help_text=_("e.g. 元旦 / New Year's Day"))
    source = models.CharField(
        _("source"), max_length=200, help_text=_("The State Council notice (number or address) that sets this day.")
    )

    class Meta:
        ordering = ["day"]
        verbose_name = _("holiday arrangement day")
        verbose_name_plural = _("holiday arrangement")

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.name}"
