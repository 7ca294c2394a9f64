from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec, Stat
from yrd.green.accounting import i18n

REPORT = "green.site.report"
REVIEW = "green.site.review"
REGISTER = "green.site.register"
FACTORS = "green.factor.manage"
STORAGE = "green.storage.manage"
PLAN = "green.scenario.run"

# Plan area 6 states two tasks this module serves (green manufacturing and low/zero-carbon parks and
# factories; the new energy system and GW-scale storage), but the plan's reference data does not
# list them yet, so no task code can be named here without guessing. Coordinators link the figures
# by entering the stat codes (green.certified_parks, green.storage_operating_gw, ...) on the task.
GREEN_TASKS: tuple[str, ...] = ()
STORAGE_TASKS: tuple[str, ...] = ()


class GreenConfig(AppConfig):
    name = "yrd.green"
    label = "green"
    verbose_name = _("Green transition")
    manifest = Manifest(
        label="green",
        actions={
            REPORT: _("Enter and submit a site's own energy and activity data"),
            REVIEW: _("Review or return the data of parks and factories in one's park or city"),
            REGISTER: _("Register parks and factories, their certifications and targets"),
            FACTORS: _("Add published emission factors to the catalogue"),
            STORAGE: _("Register storage projects and record their stages"),
            PLAN: _("Create and run storage build-out planning scenarios"),
        },
        roles={
            "green_site_reporter": RoleSpec("园区/企业填报员", "Site reporter (park or factory)", (REPORT,)),
            "green_reviewer": RoleSpec("园区/城市审核员", "Park or city reviewer", (REVIEW, REGISTER)),
            "green_energy_officer": RoleSpec(
                "能源主管部门工作人员", "Energy authority officer", (STORAGE, PLAN, FACTORS, REVIEW, REGISTER)
            ),
        },
        audit_events=(
            "green.reference.load",
            "green.factor.add",
            "green.site.register",
            "green.site.certify",
            "green.site.target",
            "green.period.save",
            "green.period.import",
            "green.period.submit",
            "green.period.review",
            "green.period.return",
            "green.storage.register",
            "green.storage.stage",
            "green.scenario.create",
            "green.scenario.run",
        ),
        api_router="yrd.green.api.router",
        urls="yrd.green.urls",
        nav=(
            NavLink(_("Green transition"), "green:overview", public=True),
            NavLink(_("My sites"), "green:my-sites", actions=(REPORT, REVIEW)),
            NavLink(_("Storage"), "green:storage", public=True),
            NavLink(_("Planning"), "green:scenarios", actions=(PLAN,)),
        ),
        stats={
            "certified_parks": Stat(
                _("Certified green and low/zero-carbon parks"),
                "yrd.green.stats.certified_parks",
                plan_tasks=GREEN_TASKS,
            ),
            "certified_factories": Stat(
                _("Certified green factories"), "yrd.green.stats.certified_factories", plan_tasks=GREEN_TASKS
            ),
            "intensity_trend": Stat(
                _("Emissions per 10^4 CNY of value added, reviewed sites (latest year)"),
                "yrd.green.stats.latest_intensity",
                "tCO2/10^4 CNY",
                plan_tasks=GREEN_TASKS,
            ),
            "storage_operating_gw": Stat(
                _("Storage in operation"), "yrd.green.stats.storage_operating_gw", "GW", plan_tasks=STORAGE_TASKS
            ),
            "storage_building_gw": Stat(
                _("Storage under construction"), "yrd.green.stats.storage_building_gw", "GW", plan_tasks=STORAGE_TASKS
            ),
            "storage_planned_gw": Stat(
                _("Storage planned or approved"), "yrd.green.stats.storage_planned_gw", "GW", plan_tasks=STORAGE_TASKS
            ),
        },
        reference_loader="yrd.green.reference.load_reference",
        personal_data="yrd.green.personal.personal_data",
        demo_loader="yrd.green.demo.load_demo",
    )

    def ready(self):
        # The engines stay plain Python; their refusals are shown in the reader's language.
        i18n.translator = gettext
