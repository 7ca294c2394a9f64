"""Storage projects (electrochemical, pumped hydro, compressed air, ...) and their stage, with the
date each stage was reached; the stage only moves forward (see writes/storage.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.translation import Bilingual


class StorageProject(Bilingual, models.Model):
    class Technology(models.TextChoices):
        ELECTROCHEMICAL = "electrochemical", _("Electrochemical (battery)")
        PUMPED_HYDRO = "pumped_hydro", _("Pumped-storage hydropower")
        COMPRESSED_AIR = "compressed_air", _("Compressed air")
        FLYWHEEL = "flywheel", _("Flywheel")
        THERMAL = "thermal", _("Thermal / molten salt")
        OTHER = "other", _("Other")

    class Stage(models.TextChoices):
        PLANNED = "planned", _("Planned")
        APPROVED = "approved", _("Approved")
        CONSTRUCTION = "construction", _("Under construction")
        OPERATION = "operation", _("In operation")

    STAGE_ORDER = [Stage.PLANNED, Stage.APPROVED, Stage.CONSTRUCTION, Stage.OPERATION]
    STAGE_DATE = {
        Stage.PLANNED: "planned_on",
        Stage.APPROVED: "approved_on",
        Stage.CONSTRUCTION: "construction_started_on",
        Stage.OPERATION: "operating_since",
    }

    not_personal = {
        "name_zh": "a project's name",
        "name_en": "a project's name",
        "latitude": "a plant's site",
        "longitude": "a plant's site",
    }

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    technology = models.CharField(_("technology"), max_length=20, choices=Technology.choices)
    power_mw = models.DecimalField(_("power (MW)"), max_digits=10, decimal_places=2)
    energy_mwh = models.DecimalField(_("energy (MWh)"), max_digits=12, decimal_places=2)
    city = models.ForeignKey("core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("city"))
    latitude = models.DecimalField(_("latitude"), max_digits=7, decimal_places=4, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=7, decimal_places=4, null=True, blank=True)
    owner = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="storage_projects", verbose_name=_("owner")
    )
    stage = models.CharField(_("stage"), max_length=15, choices=Stage.choices, default=Stage.PLANNED)
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    construction_started_on = models.DateField(_("construction started on"), null=True, blank=True)
    operating_since = models.DateField(_("in operation since"), null=True, blank=True)
    plan_tasks = models.CharField(
        _("plan tasks"), max_length=100, blank=True, help_text=_("codes of the plan tasks it serves, e.g. 6.05")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "name_zh"]
        verbose_name = _("storage project")
        verbose_name_plural = _("storage projects")

    def __str__(self):
        return self.name

    @property
    def duration_hours(self):
        return self.energy_mwh / self.power_mw if self.power_mw else None

    def clean(self):
        errors = {}
        if self.power_mw is not None and not 0 < self.power_mw <= 20000:
            errors["power_mw"] = _("Power is above 0 and at most 20,000 MW for one project.")
        if self.energy_mwh is not None and not 0 < self.energy_mwh <= 500000:
            errors["energy_mwh"] = _("Energy is above 0 and at most 500,000 MWh for one project.")
        if self.power_mw and self.energy_mwh and not 0.1 <= self.energy_mwh / self.power_mw <= 200:
            errors["energy_mwh"] = _("Energy over power is a duration of 0.1 to 200 hours; check the units.")
        if self.city_id and self.city.level != "city":
            errors["city"] = _("Choose one of the 41 cities.")
        errors.update(self.date_errors())
        if errors:
            raise ValidationError(errors)

    def date_errors(self) -> dict:
        reached = self.STAGE_ORDER[: self.STAGE_ORDER.index(self.stage) + 1]
        errors = {}
        for stage in reached:
            if getattr(self, self.STAGE_DATE[stage]) is None:
                errors[self.STAGE_DATE[stage]] = _("Give the date this stage was reached.")
        dates = [getattr(self, self.STAGE_DATE[s]) for s in reached]
        known = [d for d in dates if d is not None]
        if known != sorted(known):
            errors["stage"] = _("Stage dates must follow one another: planned, approved, construction, operation.")
        return errors

    def access_scope(self):
        return [self.city], [self.owner]
