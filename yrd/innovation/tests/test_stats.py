"""The figures the plan tracker shows on area 1's tasks, computed from what is stored."""

from yrd.core.actors import SYSTEM
from yrd.core.registry import registry
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import stats, writes
from yrd.innovation.tests import factories as f


def test_the_figures_are_declared_on_the_plan_tasks_they_report_on():
    assert "innovation.joint_fund_projects" in registry.stats_for_plan_task("1.03")
    assert "innovation.consortia" in registry.stats_for_plan_task("1.04")
    assert "innovation.recognitions" in registry.stats_for_plan_task("1.05")
    assert {"innovation.instruments_shared", "innovation.vouchers_redeemed_cross_province"} <= set(
        registry.stats_for_plan_task("1.06")
    )
    assert "innovation.cooperation_underway" in registry.stats_for_plan_task("1.07")


def test_only_redemptions_in_another_province_count_as_cross_province(world):
    sh_programme, js_programme = f.programme("310000"), f.programme("320000")
    sh_firm = f.firm("310000")
    sem = f.instrument(world.sh_lab)
    writes.voucher_redeem(acting_user=SYSTEM, voucher=f.voucher(js_programme, world.js_firm),
                          booking=f.used_booking(sem, world.js_firm, days=-3))  # fmt: skip
    writes.voucher_redeem(acting_user=SYSTEM, voucher=f.voucher(sh_programme, sh_firm),
                          booking=f.used_booking(sem, sh_firm, days=-2))  # fmt: skip
    assert stats.vouchers_redeemed_cross_province() == 1
    assert registry.stat("innovation.instruments_shared")[1]() == 1


def test_cooperation_projects_by_stage(world):
    for stage in ("proposed", "underway", "completed"):
        writes.cooperation_save(
            acting_user=SYSTEM,
            data=writes.CooperationInput(
                title_zh=f"项目{stage}", title_en="", partner_country="FI", partner_name="芬兰伙伴",
                lead=world.sh_lab, city=jurisdiction("310000", "city"), stage=stage,
            ),
        )  # fmt: skip
    assert stats.cooperation_by_stage() == {"proposed": 1, "signed": 0, "underway": 1, "completed": 1}
    assert stats.cooperation_underway() == 2
