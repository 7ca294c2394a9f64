from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, Retention, RoleSpec, Stat

SUBMIT = "lowalt.intent.submit"
EMERGENCY = "lowalt.intent.emergency"
CONSENT = "lowalt.intent.consent"
OVERSEE = "lowalt.intent.oversee"
FLEET = "lowalt.fleet.manage"
AIRSPACE = "lowalt.airspace.manage"
INFRASTRUCTURE = "lowalt.infrastructure.manage"

OPERATOR_ACTIONS = (SUBMIT, FLEET)
AUTHORITY_ACTIONS = (CONSENT, OVERSEE, AIRSPACE)

LOW_ALTITUDE_TASK = "2.03"  # 支持低空经济、通用航空发展，布局低空基础设施、产品研制和制造


PIPL = "PIPL art. 19 (no longer than the purpose needs) and art. 47 (erase when the period ends)"


class LowaltConfig(AppConfig):
    name = "yrd.lowalt"
    label = "lowalt"
    verbose_name = _("Low-altitude economy")
    manifest = Manifest(
        label="lowalt",
        actions={
            SUBMIT: _("File, change and withdraw one's organisation's low-altitude operational intents"),
            EMERGENCY: _("File emergency operations, which take priority over normal intents"),
            CONSENT: _("Consent to or refuse operations in the province's airspace, in turn"),
            OVERSEE: _("See every operation in the province's airspace and who flies it"),
            FLEET: _("Register one's organisation's unmanned aircraft"),
            AIRSPACE: _("Keep the province's no-fly and controlled airspace volumes, import and export them"),
            INFRASTRUCTURE: _("Register take-off and landing sites, vertiports and coverage"),
        },
        roles={
            "uas_operator": RoleSpec("无人驾驶航空器运营人", "UAS operator", OPERATOR_ACTIONS),
            "uas_emergency_operator": RoleSpec(
                "应急飞行运营人", "Emergency flight operator", (*OPERATOR_ACTIONS, EMERGENCY)
            ),
            "airspace_authority": RoleSpec("低空空域管理人员", "Low-altitude airspace officer", AUTHORITY_ACTIONS),
            "lowalt_infrastructure_officer": RoleSpec(
                "低空基础设施管理人员", "Low-altitude infrastructure officer", (INFRASTRUCTURE,)
            ),
        },
        audit_events=(
            "lowalt.reference.load",
            "lowalt.intent.submit",
            "lowalt.intent.refuse",
            "lowalt.intent.update",
            "lowalt.intent.withdraw",
            "lowalt.intent.displace",
            "lowalt.consent.grant",
            "lowalt.consent.refuse",
            "lowalt.aircraft.register",
            "lowalt.site.save",
            "lowalt.coverage.save",
            "lowalt.restriction.import",
            "lowalt.restriction.save",
            "lowalt.restriction.withdraw",
        ),
        api_router="yrd.lowalt.api.router",
        urls="yrd.lowalt.urls",
        nav=(
            NavLink(_("Low-altitude map"), "lowalt:map", public=True),
            NavLink(_("My flight plans"), "lowalt:intents", actions=(SUBMIT,)),
            NavLink(_("Airspace queue"), "lowalt:queue", actions=(CONSENT, AIRSPACE)),
        ),
        stats={
            "sites": Stat(
                _("Low-altitude take-off and landing sites operating"),
                "yrd.lowalt.selectors.figures.sites_operating",
                plan_tasks=(LOW_ALTITUDE_TASK,),
            ),
            "approved_operations": Stat(
                _("Low-altitude operations approved"),
                "yrd.lowalt.selectors.figures.operations_approved",
                plan_tasks=(LOW_ALTITUDE_TASK,),
            ),
            "conflicts_prevented": Stat(
                _("Airspace conflicts prevented at filing"),
                "yrd.lowalt.selectors.figures.conflicts_prevented",
                plan_tasks=(LOW_ALTITUDE_TASK,),
            ),
        },
        reference_loader="yrd.lowalt.reference.load_reference",
        retention=(
            Retention(
                "lowalt.Consent",
                "intent__ends_at",
                1095,
                PIPL + "; 3 years after the flight, an assumption, as for the flight records.",
            ),
        ),
        personal_data="yrd.lowalt.personal.personal_data",
        demo_loader="yrd.lowalt.demo.load_demo",
    )
