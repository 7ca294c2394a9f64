"""A route request as it was asked and answered: the parameters it was computed with and the routes it
found are stored with it, so a later change of a speed, a cost or a hub never alters a plan someone
already read or booked from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

OBJECTIVES = [
    ("pareto", _("All trade-offs (Pareto front)")),
    ("cheapest", _("Cheapest")),
    ("fastest", _("Fastest")),
    ("greenest", _("Lowest CO2")),
]


class RouteQuery(models.Model):
    not_personal = {
        "origin_label": "a freight origin: a hub, city or enterprise site",
        "destination_label": "a freight destination: a hub, city or enterprise site",
    }

    number = models.CharField(_("number"), max_length=24, unique=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    origin = models.CharField(_("origin"), max_length=60)
    destination = models.CharField(_("destination"), max_length=60)
    origin_label = models.CharField(_("origin name"), max_length=200)
    destination_label = models.CharField(_("destination name"), max_length=200)
    origin_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("origin city")
    )
    destination_city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("destination city")
    )
    tonnes = models.DecimalField(_("tonnes"), max_digits=12, decimal_places=3)
    teu = models.DecimalField(_("TEU"), max_digits=10, decimal_places=2, null=True, blank=True)
    dangerous_goods = models.BooleanField(_("dangerous goods"), default=False)
    modes = models.JSONField(_("allowed modes"), default=list)
    departure = models.DateTimeField(_("departure"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    objective = models.CharField(_("objective"), max_length=10, choices=OBJECTIVES)
    parameters = models.JSONField(_("parameters used"), help_text=_("A copy of every parameter the routes used."))
    network_version = models.CharField(_("network version"), max_length=64)
    routes = models.JSONField(_("routes found"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("route request")
        verbose_name_plural = _("route requests")

    def __str__(self):
        return f"{self.number} {self.origin_label} → {self.destination_label}"

    def access_scope(self):
        cities = [c for c in (self.origin_city, self.destination_city) if c is not None]
        return cities, [self.organisation] if self.organisation_id else []
