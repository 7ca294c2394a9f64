from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yrd.core.translation import Bilingual, localized
from yrd.core.uploads import RandomName

NARRATIVE_MAX = 4000  # characters of a progress narrative in either language: about two pages
COMMENT_MAX = 2000  # characters of a reviewer's comment


class Milestone(Bilingual, models.Model):
    task = models.ForeignKey("plan.Task", on_delete=models.CASCADE, related_name="milestones", verbose_name=_("task"))
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    due_date = models.DateField(_("due date"))
    done_date = models.DateField(_("done date"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["task", "due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def access_scope(self):
        return self.task.access_scope()


class ProgressReport(models.Model):
    class Risk(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    class Review(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting review")
        ACCEPTED = "accepted", pgettext_lazy("progress report", "Accepted")
        RETURNED = "returned", _("Returned for revision")

    not_personal = {
        "narrative_zh": "an organisation's report on a public task, written for publication",
        "narrative_en": "an organisation's report on a public task, written for publication",
        "review_comment": "a reviewing official's note to the reporting organisation on its report",
    }

    task = models.ForeignKey("plan.Task", on_delete=models.CASCADE, related_name="reports", verbose_name=_("task"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    percent = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    kpi_value = models.DecimalField(_("KPI value reached"), max_digits=14, decimal_places=2, null=True, blank=True)
    narrative_zh = models.TextField(
        _("narrative (Chinese)"), blank=True, max_length=NARRATIVE_MAX, validators=[MaxLengthValidator(NARRATIVE_MAX)]
    )
    narrative_en = models.TextField(
        _("narrative (English)"), blank=True, max_length=NARRATIVE_MAX, validators=[MaxLengthValidator(NARRATIVE_MAX)]
    )
    risk_level = models.CharField(_("risk level"), max_length=6, choices=Risk.choices, default=Risk.LOW)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="plan_reports",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    review_state = models.CharField(_("review"), max_length=10, choices=Review.choices, default=Review.SUBMITTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_reviews",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(
        _("review comment"), blank=True, max_length=COMMENT_MAX, validators=[MaxLengthValidator(COMMENT_MAX)]
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["task", "-period_end", "-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "period_start", "period_end"],
                condition=~models.Q(review_state="returned"),
                name="report_one_live_per_period",
            )
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self):
        start, end = f"{self.period_start:%Y-%m}", f"{self.period_end:%Y-%m}"
        return f"{self.task.code} {start if start == end else f'{start}–{end}'} {self.percent}%"

    @property
    def narrative(self):
        return localized(self, "narrative")

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})
        if not (self.narrative_zh.strip() or self.narrative_en.strip()):
            raise ValidationError({"narrative_zh": _("Describe the progress in Chinese or English.")})

    def access_scope(self):
        return self.task.access_scope()


class Evidence(models.Model):
    not_personal = {
        "file": "a document an organisation attaches to its progress report",
        "original_name": "that document's file name",
    }

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("progress report")
    )
    file = models.FileField(_("file"), upload_to=RandomName("plan/evidence"))  # served only by plan:evidence
    original_name = models.CharField(_("original file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name

    def access_scope(self):
        return self.report.task.access_scope()
