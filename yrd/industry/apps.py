from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec, Stat

MAINTAIN = "industry.enterprise.maintain"
REVIEW = "industry.chain.review"
ANALYSE = "industry.chain.analyse"
MATCH = "industry.match.post"
REFERENCE = "industry.reference.manage"
PLACE = "industry.compute.place"
DATACENTRE = "industry.datacentre.maintain"

# Plan task codes as the plan module numbers them (area.nn in the order of plan.csv): 2.02 "jointly
# build a YRD new-energy-vehicle industry chain system", 2.06 "accelerate the two data-centre
# clusters", 8.01 "linked development of the six metropolitan areas".
NEV_TASK = "2.02"
DATA_CENTRE_TASK = "2.06"
METRO_TASK = "8.01"


class IndustryConfig(AppConfig):
    name = "yrd.industry"
    label = "industry"
    verbose_name = _("Industry clusters")
    manifest = Manifest(
        label="industry",
        actions={
            MAINTAIN: _("Keep one's own enterprise's capacities and supply relations"),
            REVIEW: _("Review the supply relations of enterprises in one's province and read them in detail"),
            ANALYSE: _("Run weak-point and disruption analyses and save what-if scenarios"),
            MATCH: _("Post supply needs and record contacts with candidate suppliers"),
            REFERENCE: _("Keep the component taxonomy, data centres and metropolitan statistics"),
            PLACE: _("Run compute placement across data centres"),
            DATACENTRE: _(
                "Keep the data centres of one's jurisdiction: racks, IT power, PUE by month, utilisation, green power"
            ),
        },
        roles={
            "industry_enterprise": RoleSpec("产业链企业填报员", "Supply-chain enterprise officer", (MAINTAIN, MATCH)),
            "industry_official": RoleSpec(
                "产业链主管部门工作人员", "Industry-chain authority officer", (REVIEW, ANALYSE, PLACE, DATACENTRE)
            ),
            "industry_analyst": RoleSpec(
                "产业与算力规划人员", "Industry and compute planner", (ANALYSE, REFERENCE, PLACE, DATACENTRE)
            ),
        },
        audit_events=(
            "industry.reference.load",
            "industry.component.save",
            "industry.enterprise.register",
            "industry.capacity.set",
            "industry.relation.save",
            "industry.relation.review",
            "industry.chain.import",
            "industry.scenario.save",
            "industry.need.post",
            "industry.need.contact",
            "industry.need.outcome",
            "industry.datacentre.save",
            "industry.pue.record",
            "industry.indicator.import",
            "industry.indicator.set",
            "industry.cooperation.save",
        ),
        api_router="yrd.industry.api.router",
        urls="yrd.industry.urls",
        nav=(
            NavLink(_("Industry"), "industry:overview", public=True),
            NavLink(_("Supply-chain analysis"), "industry:weak-points", actions=(REVIEW, ANALYSE, MAINTAIN)),
            NavLink(_("Matching board"), "industry:needs", actions=(MATCH, REVIEW)),
        ),
        stats={
            "nev_enterprises": Stat(
                _("NEV supply-chain enterprises registered"),
                "yrd.industry.stats.nev_enterprises",
                plan_tasks=(NEV_TASK,),
            ),
            "single_source_links": Stat(
                _("OEM components from a single supplier"),
                "yrd.industry.stats.single_source_links",
                plan_tasks=(NEV_TASK,),
            ),
            "needs_matched": Stat(
                _("Supply needs matched on the board"), "yrd.industry.stats.needs_matched", plan_tasks=(NEV_TASK,)
            ),
            "cluster_it_mw": Stat(
                _("IT power of data centres in the two clusters"),
                "yrd.industry.stats.cluster_it_mw",
                "MW",
                plan_tasks=(DATA_CENTRE_TASK,),
            ),
            "cluster_pue": Stat(
                _("Average PUE of the two clusters, latest month"),
                "yrd.industry.stats.cluster_pue",
                plan_tasks=(DATA_CENTRE_TASK,),
            ),
            "metro_projects": Stat(
                _("Metropolitan cooperation projects"), "yrd.industry.stats.metro_projects", plan_tasks=(METRO_TASK,)
            ),
        },
        reference_loader="yrd.industry.reference.load_reference",
        demo_loader="yrd.industry.demo.load_demo",
    )
