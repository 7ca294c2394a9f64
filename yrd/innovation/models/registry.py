"""The registry of plan area 1: R&D centres, joint laboratories and innovation consortia; international
cooperation projects with stages and milestones tied to plan tasks; experts; talent qualifications
one province's certificate of which another accepts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.personal import Kind as Personal
from yrd.core.translation import Bilingual


class Centre(Bilingual, models.Model):
    not_personal = {
        "name_zh": "an R&D centre's name",
        "name_en": "an R&D centre's name",
    }

    class Kind(models.TextChoices):
        RD_CENTRE = "rd_centre", _("R&D centre")
        JOINT_LAB = "joint_lab", _("Joint laboratory")
        CONSORTIUM = "consortium", _("Innovation consortium")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_centres", verbose_name=_("lead")
    )
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    field = models.CharField(_("field"), max_length=80)
    partner = models.CharField(
        _("partner"), max_length=200, blank=True, help_text=_("Fortune 500 firm or research institute, if any")
    )
    major_task = models.CharField(
        _("major task"), max_length=300, blank=True, help_text=_("consortia: what they attack")
    )
    members = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="innovation_memberships", verbose_name=_("members")
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["kind", "city__path", "name_zh"]
        verbose_name = _("centre, laboratory or consortium")
        verbose_name_plural = _("centres, laboratories and consortia")

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.city], []


class CooperationProject(Bilingual, models.Model):
    not_personal = {
        "partner_name": "the foreign partner institution",
    }

    class Partner(models.TextChoices):
        SINGAPORE = "SG", _("Singapore")
        FINLAND = "FI", _("Finland")
        OTHER = "other", _("Other")

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SIGNED = "signed", _("Agreement signed")
        UNDERWAY = "underway", _("Under way")
        COMPLETED = "completed", _("Completed")

    STAGE_ORDER = [Stage.PROPOSED, Stage.SIGNED, Stage.UNDERWAY, Stage.COMPLETED]

    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    partner_country = models.CharField(_("partner country"), max_length=8, choices=Partner.choices)
    partner_name = models.CharField(_("partner"), max_length=200)
    lead = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_cooperations", verbose_name=_("lead")
    )
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.PROPOSED)
    plan_task = models.CharField(_("plan task"), max_length=8, blank=True, help_text=_("e.g. 1.07"))
    is_public = models.BooleanField(_("public"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["partner_country", "title_zh"]
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")

    def __str__(self):
        return self.title

    def access_scope(self):
        return [self.city], []


class Milestone(Bilingual, models.Model):
    project = models.ForeignKey(
        CooperationProject, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("project")
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title


class Expert(models.Model):
    name = models.CharField(_("name"), max_length=60)
    institution = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="innovation_experts", verbose_name=_("institution")
    )
    fields = models.CharField(_("fields"), max_length=300, help_text=_("keywords, separated by commas"))
    is_public = models.BooleanField(_("public"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    personal_fields = {"name": Personal.NAME}
    reveal_actions = ("innovation.registry.manage",)  # the officers keeping the registry where the expert works

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.institution.jurisdiction], [self.institution]


class Recognition(Bilingual, models.Model):
    """A qualification certified in `issued_in` that `accepted_in` accepts as its own."""

    not_personal = {
        "name_zh": "a recognised qualification's name",
        "name_en": "a recognised qualification's name",
    }

    name_zh = models.CharField(_("qualification (Chinese)"), max_length=200)
    name_en = models.CharField(_("qualification (English)"), max_length=200, blank=True)
    issued_in = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("certified in")
    )
    accepted_in = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("accepted in")
    )
    since = models.DateField(_("since"))
    basis = models.CharField(_("basis"), max_length=300, help_text=_("the agreement or notice, with its source"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["issued_in__path", "accepted_in__path", "name_zh"]
        constraints = [
            models.UniqueConstraint(fields=["name_zh", "issued_in", "accepted_in"], name="innovation_recognition_once")
        ]
        verbose_name = _("recognised qualification")
        verbose_name_plural = _("recognised qualifications")

    def __str__(self):
        return f"{self.name}: {self.issued_in} → {self.accepted_in}"

    def access_scope(self):
        return [self.accepted_in], []
