"""The joint fund for basic research: calls, proposals, reviewers, assignments, reviews, awards and
project reports. Reviewers see only the proposals assigned to them; applicants never see who
reviewed them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind
from yrd.core.translation import Bilingual


class Call(Bilingual, models.Model):
    code = models.CharField(_("code"), max_length=24, unique=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    topics = models.CharField(_("topics"), max_length=500, help_text=_("separated by commas"))
    budget_cny = models.DecimalField(_("budget (CNY)"), max_digits=14, decimal_places=2)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    reviewers_per_proposal = models.PositiveSmallIntegerField(_("reviewers per proposal"), default=3)
    awarded_at = models.DateTimeField(_("awarded at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-opens_on", "code"]
        verbose_name = _("joint-fund call")
        verbose_name_plural = _("joint-fund calls")

    def __str__(self):
        return f"{self.code} {self.title}"

    def access_scope(self):
        return [], []  # a regional call: the region's fund managers


class Proposal(models.Model):
    number = models.CharField(_("number"), max_length=24, unique=True, blank=True)
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("call"))
    title = models.CharField(_("title"), max_length=200)
    abstract = models.CharField(_("abstract"), max_length=3000)
    keywords = models.CharField(_("keywords"), max_length=300, help_text=_("separated by commas"))
    lead = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_proposals", verbose_name=_("lead")
    )
    partners = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="innovation_partnered_proposals", verbose_name=_("co-applicants")
    )
    requested_cny = models.DecimalField(_("requested (CNY)"), max_digits=12, decimal_places=2)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["call", "number"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return f"{self.number} {self.title}"

    def access_scope(self):
        return [self.lead.jurisdiction], [self.lead]

    @property
    def province(self):
        return self.lead.jurisdiction.province


class Reviewer(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="innovation_reviewer")
    institution = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("institution")
    )
    fields = models.CharField(_("fields"), max_length=300, help_text=_("keywords, separated by commas"))
    max_load = models.PositiveSmallIntegerField(_("most proposals per call"), default=6)
    conflicts = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="+", verbose_name=_("declared conflicts")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self):
        return str(self.user)

    @property
    def province(self):
        return self.institution.jurisdiction.province


class Assignment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="assignments")
    fit = models.FloatField(_("topical fit"))

    class Meta:
        ordering = ["proposal", "-fit"]
        constraints = [models.UniqueConstraint(fields=["proposal", "reviewer"], name="innovation_assignment_once")]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")

    def __str__(self):
        return f"{self.proposal.number} · {self.reviewer}"


class Review(models.Model):
    personal_fields = {"comment": Kind.FREE_TEXT}

    SCORES = range(1, 11)

    assignment = models.OneToOneField(Assignment, on_delete=models.PROTECT, related_name="review")
    score = models.PositiveSmallIntegerField(_("score (1-10)"))
    comment = models.CharField(_("comment"), max_length=3000)
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.assignment}: {self.score}"


class Award(models.Model):
    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="award")
    amount_cny = models.DecimalField(_("amount (CNY)"), max_digits=12, decimal_places=2)
    rank = models.PositiveIntegerField(_("rank"))
    awarded_at = models.DateTimeField(_("awarded at"))

    class Meta:
        ordering = ["proposal__call", "rank"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.proposal.number} {self.amount_cny}"


class ProjectReport(models.Model):
    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="reports")
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2025-H1"))
    summary = models.CharField(_("summary"), max_length=3000)
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        ordering = ["award", "period"]
        constraints = [models.UniqueConstraint(fields=["award", "period"], name="innovation_report_once")]
        verbose_name = _("project report")
        verbose_name_plural = _("project reports")

    def __str__(self):
        return f"{self.award.proposal.number} {self.period}"
