"""Restricted and controlled volumes kept by each province's competent authority."""

import numpy as np
import shapely
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual, wants_chinese
from yrd.lowalt.conflicts import AltitudeBand, Restriction, RestrictionKind
from yrd.lowalt.conflicts.geo import to_metric
from yrd.lowalt.conflicts.schedule import active_from_dict

WEEKDAYS = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


class AirspaceRestriction(Bilingual, models.Model):
    class Kind(models.TextChoices):
        NO_FLY = RestrictionKind.NO_FLY, _("No-fly area")
        CONTROLLED = RestrictionKind.CONTROLLED, _("Controlled airspace")

    not_personal = {
        "name_zh": "an airspace's name",
        "name_en": "an airspace's name",
        "source": "where an airspace's outline and limits come from (a publication or an act)",
    }

    province = models.ForeignKey(
        "core.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="lowalt_restrictions",
        verbose_name=_("province"),
    )
    ref = models.CharField(_("reference"), max_length=40, help_text=_("The authority's own reference"))
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    outline = models.JSONField(_("outline"), help_text=_("[[longitude, latitude], ...]"))
    lower_m = models.FloatField(_("lower limit (m true height)"))
    upper_m = models.FloatField(_("upper limit (m true height)"))
    active = models.JSONField(_("active"), default=dict, help_text=_("When it applies: always, windows or weekly"))
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the outline and limits come from: the publication, notice or act"),
    )
    indicative = models.BooleanField(
        _("indicative"),
        default=False,
        help_text=_("An approximation that stands in until the authority publishes the volume itself"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["province__path", "ref"]
        constraints = [models.UniqueConstraint(fields=["province", "ref"], name="lowalt_restriction_ref")]
        verbose_name = _("airspace restriction")
        verbose_name_plural = _("airspace restrictions")

    def __str__(self):
        return f"{self.ref} {self.name}"

    def clean(self):
        try:
            active_from_dict(self.active)
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError({"active": str(error)}) from None

    def access_scope(self):
        return [self.province], []

    @property
    def active_text(self) -> str:
        """When it applies, in words (local time)."""
        active = self.active or {}
        if active.get("type") == "weekly":
            days = [str(WEEKDAYS[d]) for d in active.get("weekdays", [])]
            return _("%(days)s %(start)s–%(end)s") % {
                "days": "、".join(days) if wants_chinese() else ", ".join(days),
                "start": active["start"],
                "end": active["end"],
            }
        if active.get("type") == "windows":
            return "; ".join(f"{start[:16].replace('T', ' ')}–{end[11:16]}" for start, end in active.get("windows", []))
        return str(_("Always"))

    def geometry(self) -> shapely.Polygon:
        return shapely.Polygon(to_metric(np.asarray(self.outline, dtype=float)))

    def to_engine(self) -> Restriction:
        return Restriction(
            f"{self.province.code}/{self.ref}",
            self.geometry(),
            AltitudeBand(self.lower_m, self.upper_m),
            active_from_dict(self.active),
            RestrictionKind(self.kind),
        )
