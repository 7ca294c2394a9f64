"""Consolidation: each run's model, the pairs it was unsure about, and the reviewers' decisions every later run
respects."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsolidationRun(models.Model):
    class Mode(models.TextChoices):
        BATCH = "batch", _("all reports, model trained again")
        INCREMENTAL = "incremental", _("new reports against the known ones")

    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    reports = models.PositiveIntegerField(_("reports"))
    enterprises = models.PositiveIntegerField(_("enterprises"))
    review_pairs = models.PositiveIntegerField(_("pairs to review"))
    model = models.JSONField(_("linkage model"))
    timings = models.JSONField(_("seconds per step"), default=dict)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("consolidation run")
        verbose_name_plural = _("consolidation runs")

    def __str__(self):
        return f"{self.get_mode_display()} · {self.started_at:%Y-%m-%d %H:%M}"


class ReviewPair(models.Model):
    """Two reports the last run was unsure about, with the model's reasons (per-comparison weights in bits)."""

    not_personal = {
        "reasons": "which enterprise fields matched (names, USCC, address of the enterprise)",
    }

    report_a = models.ForeignKey("market.Report", on_delete=models.CASCADE, related_name="+")
    report_b = models.ForeignKey("market.Report", on_delete=models.CASCADE, related_name="+")
    match_weight = models.FloatField(_("match weight (bits)"))
    match_probability = models.FloatField(_("match probability"))
    linked = models.BooleanField(_("linked by the run"))
    refusal = models.CharField(_("kept apart because"), max_length=100, blank=True)
    reasons = models.JSONField(_("reasons"))
    run = models.ForeignKey(ConsolidationRun, on_delete=models.CASCADE, related_name="pairs")

    class Meta:
        ordering = ["-match_probability", "pk"]
        verbose_name = _("pair to review")
        verbose_name_plural = _("pairs to review")

    def __str__(self):
        return f"{self.report_a} / {self.report_b}"

    def access_scope(self):
        scope_a, scope_b = self.report_a.access_scope()[0], self.report_b.access_scope()[0]
        return scope_a + scope_b, []


class MatchDecision(models.Model):
    """A reviewer's merge or split of two reports; every later run, retrained or not, keeps to it."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("same enterprise")
        SPLIT = "split", _("different enterprises")

    not_personal = {
        "note": "a reviewer's note on whether two reports name the same enterprise",
    }

    report_a = models.ForeignKey("market.Report", on_delete=models.CASCADE, related_name="+")
    report_b = models.ForeignKey("market.Report", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("decision"), max_length=5, choices=Kind.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["report_a", "report_b"], name="market_decision_pair")]
        verbose_name = _("match decision")
        verbose_name_plural = _("match decisions")

    def __str__(self):
        return f"{self.report_a} {self.kind} {self.report_b}"

    def access_scope(self):
        return self.report_a.access_scope()[0] + self.report_b.access_scope()[0], []


class ReportFeatures(models.Model):
    """The comparison features computed for a report, with the fingerprint of the fields they came from; an
    incremental run reuses them while the fingerprint matches (yrd.market.consolidation.feature_cache)."""

    report = models.OneToOneField(
        "market.Report", on_delete=models.CASCADE, primary_key=True, related_name="features", verbose_name=_("report")
    )
    fingerprint = models.CharField(_("fingerprint of the fields"), max_length=32)
    values = models.JSONField(_("features"))

    class Meta:
        verbose_name = _("report features")
        verbose_name_plural = _("report features")

    def __str__(self):
        return str(self.report_id)
