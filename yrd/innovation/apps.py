from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec, Stat

REGISTRY = "innovation.registry.manage"
INSTRUMENT = "innovation.instrument.manage"
BOOK = "innovation.instrument.book"
VOUCHER = "innovation.voucher.issue"
FUND = "innovation.fund.manage"
APPLY = "innovation.fund.apply"
REVIEW = "innovation.fund.review"

# Plan area 1 task codes as the plan module numbers them ('<area>.<nn>' in source order).
JOINT_FUND_TASK = "1.03"
CONSORTIA_TASK = "1.04"
TALENT_TASK = "1.05"
CENTRES_TASK = "1.06"
COOPERATION_TASK = "1.07"


class InnovationConfig(AppConfig):
    name = "yrd.innovation"
    label = "innovation"
    verbose_name = _("Innovation and openness")
    manifest = Manifest(
        label="innovation",
        actions={
            REGISTRY: _(
                "Keep the registry of R&D centres, joint laboratories, consortia, cooperation projects, "
                "experts and mutually recognised qualifications"
            ),
            INSTRUMENT: _("Keep an organisation's shared instruments, decide their bookings and record usage"),
            BOOK: _("Book shared instruments for a firm, hold its innovation vouchers and redeem them"),
            VOUCHER: _("Issue a province's innovation vouchers and read its settlements and anomalies"),
            FUND: _("Run joint-fund calls: assign reviewers, rank proposals and award within budget"),
            APPLY: _("Submit proposals to joint-fund calls and report on awarded projects"),
            REVIEW: _("Review the joint-fund proposals assigned to you"),
        },
        roles={
            "innovation_officer": RoleSpec("科技协同专员", "Science and technology officer", (REGISTRY, VOUCHER)),
            "instrument_provider": RoleSpec("仪器共享服务方", "Shared instrument provider", (INSTRUMENT,)),
            "innovation_firm": RoleSpec("科技型中小企业", "Innovative small firm", (BOOK, APPLY)),
            "fund_manager": RoleSpec("联合基金管理员", "Joint fund manager", (FUND,)),
            "fund_reviewer": RoleSpec("联合基金评审专家", "Joint fund reviewer", (REVIEW,)),
        },
        audit_events=(
            "innovation.reference.load",
            "innovation.demo.load",
            "innovation.centre.save",
            "innovation.cooperation.save",
            "innovation.milestone.done",
            "innovation.expert.save",
            "innovation.recognition.save",
            "innovation.instrument.save",
            "innovation.booking.request",
            "innovation.booking.decide",
            "innovation.booking.cancel",
            "innovation.usage.record",
            "innovation.programme.open",
            "innovation.voucher.issue",
            "innovation.voucher.redeem",
            "innovation.relation.declare",
            "innovation.call.open",
            "innovation.proposal.submit",
            "innovation.reviewer.enrol",
            "innovation.reviewers.assign",
            "innovation.review.submit",
            "innovation.awards.decide",
            "innovation.report.submit",
            "innovation.capability.save",
            "innovation.exhibition.save",
            "innovation.meeting.book",
            "innovation.participant.register",
        ),
        api_router="yrd.innovation.api.router",
        urls="yrd.innovation.urls",
        nav=(
            NavLink(_("Innovation"), "innovation:overview", public=True),
            NavLink(_("Vouchers"), "innovation:vouchers", actions=(BOOK, VOUCHER)),
            NavLink(_("Joint fund"), "innovation:fund", actions=(FUND, REVIEW, APPLY)),
        ),
        stats={
            "instruments_shared": Stat(
                _("Large instruments shared across the four provinces"),
                "yrd.innovation.stats.instruments_shared",
                plan_tasks=(CENTRES_TASK,),
            ),
            "vouchers_redeemed_cross_province": Stat(
                _("Innovation vouchers redeemed at a provider in another province"),
                "yrd.innovation.stats.vouchers_redeemed_cross_province",
                plan_tasks=(CENTRES_TASK,),
            ),
            "joint_fund_projects": Stat(
                _("Joint-fund projects awarded"),
                "yrd.innovation.stats.joint_fund_projects",
                plan_tasks=(JOINT_FUND_TASK,),
            ),
            "cooperation_underway": Stat(
                _("International cooperation projects under way or completed"),
                "yrd.innovation.stats.cooperation_underway",
                plan_tasks=(COOPERATION_TASK,),
            ),
            "consortia": Stat(
                _("Innovation consortia"), "yrd.innovation.stats.consortia", plan_tasks=(CONSORTIA_TASK,)
            ),
            "recognitions": Stat(
                _("Talent qualifications recognised in another province"),
                "yrd.innovation.stats.recognitions",
                plan_tasks=(TALENT_TASK,),
            ),
        },
        reference_loader="yrd.innovation.reference.load_reference",
        demo_loader="yrd.innovation.demo.load_demo",
        plan_milestones="yrd.innovation.interface.plan_milestones",
    )
