from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import ConsentText, Manifest, NavLink, Retention, RoleSpec, Stat

REPORT = "market.report"
CASE_VIEW = "market.case.view"
CASE_WORK = "market.case.work"
REVIEW = "market.match.review"
CONSOLIDATE = "market.consolidate"
FEED = "market.feed.import"
ACCESS_MANAGE = "market.access.manage"
CONTACT = "market.report.contact"

REGULATOR_ACTIONS = (CASE_VIEW, CASE_WORK, REVIEW, CONTACT)


PIPL = "PIPL art. 19 (no longer than the purpose needs) and art. 47 (erase when the period ends)"
REPORT_BASIS = (
    "; 3 years after receipt, once the case is closed (or none was opened): the 2-year limitation period of"
    " administrative penalties (Administrative Penalty Law art. 36) and a year for review; an assumption to confirm."
)
CASE_OVER = Q(case__isnull=True) | Q(case__closed_at__isnull=False)
EVIDENCE_CASE_OVER = Q(report__case__isnull=True) | Q(report__case__closed_at__isnull=False)


class MarketConfig(AppConfig):
    name = "yrd.market"
    label = "market"
    verbose_name = _("Market violations and market access")
    manifest = Manifest(
        label="market",
        actions={
            REPORT: _("Report a market violation and follow one's own reports"),
            CASE_VIEW: _("See the cases routed to or shared with one's jurisdiction, with their reports"),
            CASE_WORK: _("Investigate, decide, close, re-open and escalate cases of one's jurisdiction"),
            REVIEW: _("Decide whether two reports name the same enterprise (merge or split)"),
            CONTACT: _("See the full contact of a reporter of a case one's jurisdiction leads (each look audited)"),
            CONSOLIDATE: _("Run the consolidation of reports into enterprises and cases"),
            FEED: _("Send a province's bulk feed of reports"),
            ACCESS_MANAGE: _("Import the market-access negative list and its region-specific measures"),
        },
        roles={
            "market_regulator": RoleSpec("市场监管人员", "Market regulator", REGULATOR_ACTIONS),
            "market_feed": RoleSpec("投诉举报数据接口", "Report feed system", (FEED,)),
            "market_reporter": RoleSpec("举报人", "Reporter", (REPORT,)),
            "market_admin": RoleSpec(
                "市场监管系统管理员", "Market system administrator", (CONSOLIDATE, ACCESS_MANAGE, *REGULATOR_ACTIONS)
            ),
        },
        audit_events=(
            "market.report.submit",
            "market.feed.import",
            "market.consolidation.run",
            "market.case.open",
            "market.case.route",
            "market.case.transition",
            "market.case.assign",
            "market.case.merge",
            "market.evidence.add",
            "market.report.reveal",
            "market.match.decide",
            "market.access.import",
        ),
        api_router="yrd.market.api.router",
        retention=(
            Retention("market.Report", "received_at", 1095, PIPL + REPORT_BASIS, CASE_OVER),
            Retention("market.Evidence", "report__received_at", 1095, PIPL + REPORT_BASIS, EVIDENCE_CASE_OVER),
        ),
        personal_data="yrd.market.personal.personal_data",
        consents={
            "market.reporter_contact": ConsentText(
                "2026-12",
                _(
                    "Your name and contact are seen only by the regulators who handle it; never by other"
                    " reporters or the public."
                ),
                withdrawal=_("your name and contact are erased from the report; the report itself stays."),
                erases=("reporter_name", "reporter_phone", "reporter_email"),
            ),
        },
        reference_loader="yrd.market.reference.load_reference",
        demo_loader="yrd.market.demo.load_demo",
        urls="yrd.market.urls",
        nav=(
            NavLink(_("Report a violation"), "market:report", public=True),
            NavLink(_("Market cases"), "market:queue", actions=(CASE_VIEW,)),
            NavLink(_("Market access check"), "market:access", public=True),
            NavLink(_("Import the negative list"), "market:access_import", actions=(ACCESS_MANAGE,)),
            NavLink(_("Send a province feed"), "market:feed_upload", actions=(FEED,)),
            NavLink(_("Market statistics"), "market:stats", public=True),
        ),
        stats={
            "reports_received": Stat(
                _("Market violation reports received"), "yrd.market.stats.reports_received", plan_tasks=("4.01",)
            ),
            "cases_decided": Stat(_("Market cases decided"), "yrd.market.stats.cases_decided", plan_tasks=("4.01",)),
            "cross_province_cases": Stat(
                _("Cross-province market cases"), "yrd.market.stats.cross_province_cases", plan_tasks=("4.01",)
            ),
            "negative_list_cases": Stat(
                _("Negative-list violation cases notified and collected"),
                "yrd.market.stats.negative_list_cases",
                plan_tasks=("4.02",),
            ),
        },
    )
