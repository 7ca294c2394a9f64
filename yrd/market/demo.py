"""Demo data for the market module, clearly marked: regulators of the four provinces, a reporter and a feed
account; ~300 synthetic reports (yrd.market.consolidation.synthetic: invented firms, codes, addresses and phones)
received over the last 150 days through the three doors; a consolidation run; cases in every state; and a demo
negative list (legal bases prefixed 演示). Loading again changes nothing."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_person
from yrd.core.selectors import jurisdiction_by_code, region
from yrd.market.consolidation.synthetic import generate
from yrd.market.models import AccessMeasure, Case, Report
from yrd.market.writes import access_list_import, case_transition, consolidation_run, feed_import, report_submit
from yrd.market.writes.cases import TransitionInput
from yrd.market.writes.reports import ReportInput

SEED = 2026
PROVINCES = {"310000": "sh", "320000": "js", "330000": "zj", "340000": "ah"}
ACCESS_LIST = """code,activity_code,activity_zh,activity_en,kind,authority,legal_basis,enterprise_types,area_adcode
D-001,A01,互联网新闻信息服务,Online news information services,licence,网信部门,演示：依法须经许可,,
D-002,A02,烟草专卖品批发,Tobacco wholesale,licence,烟草专卖行政主管部门,演示：依法须经许可,,
D-003,A02,烟草专卖品批发,Tobacco wholesale,prohibited,,演示：外商投资准入特别管理措施,foreign,
D-004,A03,医疗机构设置,Setting up a medical institution,licence,卫生健康行政部门,演示：依法须经审批,,
D-005,A03,医疗机构设置,Setting up a medical institution,eased,,演示：浦东新区放宽准入特别措施,,310115
"""


def _people():
    regulators = {
        code: demo_person(f"regulator_{short}", f"市场监管人员（{short}）",
                          roles=[("market_regulator", jurisdiction_by_code(code, "province"))])
        for code, short in PROVINCES.items()
    }  # fmt: skip
    admin = demo_person("market_admin", "市场监管系统管理员", roles=[("market_admin", region())])
    reporter = demo_person("reporter_li", "李举报")
    feed = demo_person(
        "feed_js", "江苏12315数据接口", roles=[("market_feed", jurisdiction_by_code("320000", "province"))]
    )
    return regulators, admin, reporter, feed


def _reports(rng, reporter, feed):
    rows = generate(300, seed=SEED)
    rows = rows[rows["incident_city_adcode"] != ""]
    created, feed_records = [], []
    for index, row in enumerate(rows.itertuples(index=False)):
        data = ReportInput(
            subject_name=row.subject_name, subject_uscc=row.subject_uscc, subject_address=row.subject_address,
            subject_phone=row.subject_phone, category=row.category, incident_city=row.incident_city_adcode,
            description=row.description, reporter_phone=f"139{rng.randint(0, 99_999_999):08d}",
        )  # fmt: skip
        if index % 5 == 4 and row.incident_city_adcode.startswith("32"):
            data.external_id = f"JS-DEMO-{index:05d}"
            feed_records.append(data)
            continue
        actor = reporter if index % 7 == 0 else SYSTEM
        created.append(report_submit(acting_user=actor, data=data, channel="web" if index % 3 else "open311"))
    created += feed_import(acting_user=feed, source="js-12315-demo", records=feed_records)
    now = timezone.now()
    for report in created:  # demo dates lie in the past of the day they are loaded
        Report.objects.filter(pk=report.pk).update(is_demo=True, received_at=now - timedelta(days=rng.randint(1, 150)))


def _work_cases(rng, regulators):
    for case in Case.objects.order_by("pk"):
        Case.objects.filter(pk=case.pk).update(is_demo=True)
        lead = regulators[case.lead_jurisdiction.province.code]
        step = rng.random()
        if step < 0.4:
            continue
        case_transition(acting_user=lead, case=case, name="investigate")
        if step < 0.6:
            continue
        if step < 0.7:
            case_transition(acting_user=lead, case=case, name="close_without_effect",
                            data=TransitionInput(note="演示：经核查未发现违法事实"))  # fmt: skip
            continue
        decision = TransitionInput(
            outcome="penalty", decision_text="演示：责令改正，罚款", legal_basis="演示：相关法律条款",
            penalty_cny=rng.choice([5000, 20000, 50000, 100000]), publish=True,
        )  # fmt: skip
        case_transition(acting_user=lead, case=case, name="decide", data=decision)
        if step > 0.85:
            case_transition(acting_user=lead, case=case, name="close")


@transaction.atomic
def load_demo():
    regulators, admin, reporter, feed = _people()
    if not Report.objects.filter(is_demo=True).exists():
        rng = random.Random(SEED)
        _reports(rng, reporter, feed)
        consolidation_run(acting_user=SYSTEM, mode="batch")
        _work_cases(rng, regulators)
    if not AccessMeasure.objects.exists():  # the reference list, when loaded, is kept
        access_list_import(
            acting_user=SYSTEM, name="demo-negative-list.csv", content=ACCESS_LIST.encode(), is_demo=True
        )
    rows = [(f"regulator_{short}", "market regulator", code) for code, short in PROVINCES.items()]
    rows += [("market_admin", "market system administrator", "region"), ("reporter_li", "reporter", "own reports"),
             ("feed_js", "report feed", "Jiangsu")]  # fmt: skip
    return rows
