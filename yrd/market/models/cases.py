"""Cases: the reports about one enterprise and one category within a window, worked by the lead regulator with
every regulator concerned; their timeline; the decision and its publication."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .reports import CATEGORY_CHOICES


class CaseState(models.TextChoices):
    OPEN = "open", _("open")
    INVESTIGATING = "investigating", _("investigating")
    DECIDED = "decided", _("decided")
    CLOSED = "closed", _("closed")


class Case(models.Model):
    class Outcome(models.TextChoices):
        PENALTY = "penalty", _("penalty decided")
        NO_VIOLATION = "no_violation", _("no violation found")
        WITHOUT_EFFECT = "without_effect", _("closed without effect")
        MERGED = "merged", _("merged into another case")

    not_personal = {
        "enterprise_name": "the enterprise's name",
        "decision_text": "a penalty decision against an enterprise, published",
    }

    enterprise_key = models.CharField(_("enterprise (consolidated)"), max_length=64, db_index=True)
    enterprise_name = models.CharField(_("enterprise name"), max_length=200)
    enterprise_uscc = models.CharField(_("enterprise USCC"), max_length=18, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=CATEGORY_CHOICES)
    lead_jurisdiction = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("lead regulator's jurisdiction")
    )
    shared_with = models.ManyToManyField(
        "core.Jurisdiction", related_name="+", blank=True, verbose_name=_("jurisdictions concerned")
    )
    state = models.CharField(_("state"), max_length=15, choices=CaseState.choices, default=CaseState.OPEN)
    opened_at = models.DateTimeField(_("opened at"))
    window_ends = models.DateTimeField(_("joins reports until"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    decision_text = models.TextField(_("decision"), max_length=4000, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    negative_list_entry = models.CharField(
        _("negative-list entry violated"),
        max_length=20,
        blank=True,
        help_text=_("code of the market-access negative-list entry the enterprise acted against, if any"),
    )
    penalty_cny = models.DecimalField(_("penalty (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer in charge"),
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged", verbose_name=_("merged into")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return f"MC-{self.pk:06d}" if self.pk else "MC-new"

    def jurisdictions_concerned(self) -> list:
        return [self.lead_jurisdiction, *self.shared_with.all()]

    def access_scope(self):
        return self.jurisdictions_concerned(), []


class CaseEvent(models.Model):
    not_personal = {
        "note": "a regulator's note in the case against an enterprise",
    }

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case"))
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )
    kind = models.CharField(_("what"), max_length=30)
    note = models.CharField(_("note"), max_length=1000, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self):
        return f"{self.case} · {self.kind}"
