from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.translation import Bilingual, localized

DESCRIPTION_MAX = 5000  # characters of a task's description in either language


class Plan(Bilingual, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=300)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    stated_task_count = models.PositiveIntegerField(_("key tasks stated by the plan"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return self.title


class Area(Bilingual, models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=300)
    stated_task_count = models.PositiveIntegerField(_("key tasks stated"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="area_unique_number")]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return f"{self.number}. {self.title}"


class Task(Bilingual, models.Model):
    class Assignment(models.TextChoices):
        STATED = "stated", _("Area stated in the source")
        INFERRED = "inferred", _("Area inferred from the source")
        UNASSIGNED = "unassigned", _("Area not stated in the source")
        ENTERED = "entered", _("Entered by a coordinator")

    not_personal = {
        "description_zh": "the action plan's published text",
        "description_en": "the action plan's published text",
        "kpi_name_zh": "the action plan's published text",
        "kpi_name_en": "the action plan's published text",
    }

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("plan"))
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("area")
    )
    code = models.CharField(_("code"), max_length=20)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=400, blank=True)
    description_zh = models.TextField(
        _("description (Chinese)"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    description_en = models.TextField(
        _("description (English)"),
        blank=True,
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    lead_jurisdictions = models.ManyToManyField(
        "core.Jurisdiction", related_name="led_plan_tasks", blank=True, verbose_name=_("lead jurisdictions")
    )
    colead_jurisdictions = models.ManyToManyField(
        "core.Jurisdiction",
        related_name="coled_plan_tasks",
        blank=True,
        verbose_name=_("co-lead jurisdictions"),
    )
    responsible_organisations = models.ManyToManyField(
        "core.Organisation",
        related_name="plan_tasks",
        blank=True,
        verbose_name=_("responsible organisations"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    kpi_name_zh = models.CharField(_("KPI (Chinese)"), max_length=200, blank=True)
    kpi_name_en = models.CharField(_("KPI (English)"), max_length=200, blank=True)
    kpi_target = models.DecimalField(
        _("KPI target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    kpi_unit = models.CharField(_("KPI unit"), max_length=40, blank=True)
    area_assignment = models.CharField(
        _("area assignment"), max_length=12, choices=Assignment.choices, default=Assignment.ENTERED
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    stat = models.CharField(
        _("live figure"),
        max_length=80,
        blank=True,
        help_text=_("A module statistic shown on the task, e.g. services.cross_province"),
    )
    is_published = models.BooleanField(_("published on the transparency page"), default=True)
    demo_details = models.BooleanField(
        _("demo details"),
        default=False,
        help_text=_("Leads, dates and KPI of this task are demo values, not official."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["plan", "area__number", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="task_unique_code")]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def description(self):
        return localized(self, "description")

    @property
    def kpi_name(self):
        return localized(self, "kpi_name")

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end date is before the start date.")})
        if self.area_id and self.plan_id and self.area.plan_id != self.plan_id:
            raise ValidationError({"area": _("The area belongs to another plan.")})

    def access_scope(self):
        """Who may read the task and report on it: its leads and co-leads (and its organisations,
        for roles bound to one)."""
        jurisdictions = [*self.lead_jurisdictions.all(), *self.colead_jurisdictions.all()]
        return jurisdictions, list(self.responsible_organisations.all())

    def lead_scope(self) -> Scope:
        """The side that runs the task: its lead jurisdictions. Editing the task, its milestones
        and its leads, and reviewing its reports, need rights over this side; a task nobody leads
        is the region's."""
        return Scope(tuple(self.lead_jurisdictions.all()), tuple(self.responsible_organisations.all()))
