"""Demo innovation data, clearly marked: laboratories and their shared instruments in the four
provinces, small firms with vouchers of their province redeemed for used time (some in another
province), a province's anomaly, a joint-fund call reviewed and awarded, centres, consortia,
cooperation projects with Singapore and Finland, recognised qualifications, capabilities for
matchmaking and meetings at the last import expo. Everything goes through the module's writes,
written by SYSTEM; every date is in the past of the day it is loaded. Loading twice adds nothing."""

import csv
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_organisation, demo_person
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.writes import organisation_create
from yrd.innovation import writes
from yrd.innovation.models import Call, Capability, Centre, Exhibition, Instrument, Meeting
from yrd.innovation.reference import DATA, load_reference

LABS = [
    ("sh", "310000", "上海张江综合测试平台（演示）", "Zhangjiang Testing Platform (demo)"),
    ("hf", "340100", "合肥综合性科学中心仪器平台（演示）", "Hefei Science Centre Instruments (demo)"),
    ("nj", "320100", "南京先进材料分析中心（演示）", "Nanjing Materials Analysis Centre (demo)"),
    ("hz", "330100", "杭州生命科学公共平台（演示）", "Hangzhou Life Science Platform (demo)"),
]
FIRMS = [
    ("js", "320500", "苏州纳微新材料有限公司（演示）", "Suzhou Nanowei Materials (demo)", 1),
    ("zj", "330100", "杭州启明生物科技有限公司（演示）", "Hangzhou Qiming Biotech (demo)", 2),
    ("ah", "340200", "芜湖新能电池有限公司（演示）", "Wuhu Xinneng Battery (demo)", 3),
    ("sh", "310000", "上海芯测半导体有限公司（演示）", "Shanghai Xince Semiconductor (demo)", 4),
]
INSTRUMENTS = [
    ("DEMO-SH-SEM", "sh", "场发射扫描电镜", "Field-emission SEM", "microscopy", "600"),
    ("DEMO-SH-FIB", "sh", "聚焦离子束系统", "Focused ion beam system", "fabrication", "1500"),
    ("DEMO-HF-TEM", "hf", "球差校正透射电镜", "Aberration-corrected TEM", "microscopy", "1200"),
    ("DEMO-HF-HPC", "hf", "高性能计算集群", "HPC cluster", "computing", "80"),
    ("DEMO-NJ-XRD", "nj", "X射线衍射仪", "X-ray diffractometer", "analysis", "400"),
    ("DEMO-NJ-XPS", "nj", "X射线光电子能谱仪", "X-ray photoelectron spectrometer", "spectroscopy", "700"),
    ("DEMO-HZ-SEQ", "hz", "高通量测序仪", "High-throughput sequencer", "life", "900"),
    ("DEMO-HZ-LCMS", "hz", "液相色谱质谱联用仪", "LC-MS", "analysis", "800"),
]
# (firm, instrument, days ago, hours, redeem with a voucher)
USES = [
    ("js", "DEMO-SH-SEM", 40, 3, True),
    ("js", "DEMO-HF-TEM", 33, 2, True),
    ("js", "DEMO-NJ-XRD", 30, 4, True),
    ("zj", "DEMO-SH-SEM", 26, 2, True),
    ("zj", "DEMO-HZ-LCMS", 21, 3, True),
    ("ah", "DEMO-NJ-XPS", 19, 2, True),
    ("ah", "DEMO-HF-HPC", 15, 8, True),
    ("sh", "DEMO-HZ-SEQ", 12, 5, True),
    ("sh", "DEMO-SH-FIB", 9, 2, False),
]


def _province(code):
    return Jurisdiction.objects.get(level="province", code=code)


def _city(code):
    return Jurisdiction.objects.get(level="city", code=code)


def _firm(city, name_zh, name_en, serial):
    body = f"91{city}{90100 + serial:09d}"[:17]
    code = body + uscc.calc_check_digit(body)
    return Organisation.objects.filter(uscc=code).first() or organisation_create(
        acting_user=SYSTEM,
        name_zh=name_zh,
        name_en=name_en,
        kind=Organisation.Kind.ENTERPRISE,
        jurisdiction=_city(city),
        uscc=code,
        is_demo=True,
    )


def _moment(days_ago: int, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(hour)))


@transaction.atomic
def load_demo():
    load_reference()
    labs = {key: demo_organisation(zh, en, Organisation.Kind.RESEARCH, _city(city)) for key, city, zh, en in LABS}
    firms = {key: _firm(city, zh, en, n) for key, city, zh, en, n in FIRMS}
    logins = _people(labs, firms)
    if not Instrument.objects.filter(is_demo=True).exists():
        _instruments(labs)
        _vouchers(labs, firms)
    if not Centre.objects.filter(is_demo=True).exists():
        _registry(labs, firms)
    if not Capability.objects.filter(is_demo=True).exists():
        _capabilities()
    if not Call.objects.filter(is_demo=True).exists():
        _fund(labs, firms, logins)
    _meetings(firms)
    return [(username, role, scope) for username, role, scope, _user in logins]


def _people(labs, firms):
    region = Jurisdiction.objects.get(level="region")
    rows = []
    for key, city, _zh, _en in LABS:
        province = _city(city).province
        user = demo_person(
            f"lab_{key}",
            "仪器共享管理员（演示）",
            organisation=labs[key],
            roles=[("instrument_provider", province, labs[key])],
        )
        rows.append((user.username, "instrument_provider", labs[key].name_en, user))
    for key, city, _zh, _en, _n in FIRMS:
        province = _city(city).province
        user = demo_person(
            f"firm_{key}",
            "企业科技专员（演示）",
            organisation=firms[key],
            roles=[("innovation_firm", province, firms[key])],
        )
        rows.append((user.username, "innovation_firm", firms[key].name_en, user))
    for code in ("310000", "320000", "330000", "340000"):
        user = demo_person(
            f"sci_officer_{code[:2]}", "科技厅协同专员（演示）", roles=[("innovation_officer", _province(code))]
        )
        rows.append((user.username, "innovation_officer", code, user))
    user = demo_person("fund_manager", "联合基金管理员（演示）", roles=[("fund_manager", region)])
    rows.append((user.username, "fund_manager", "YRD", user))
    for n in range(1, 7):
        user = demo_person(f"reviewer_{n}", "评审专家（演示）", roles=[("fund_reviewer", region)])
        rows.append((user.username, "fund_reviewer", "YRD", user))
    return rows


def _instruments(labs):
    weekdays = tuple((d, time(8, 30), time(17, 30)) for d in range(5))
    for code, lab, zh, en, category, price in INSTRUMENTS:
        writes.instrument_save(
            acting_user=SYSTEM,
            data=writes.InstrumentInput(
                code=code,
                name_zh=f"{zh}（演示）",
                name_en=f"{en} (demo)",
                category=category,
                owner=labs[lab],
                city=labs[lab].jurisdiction,
                hourly_price=Decimal(price),
                conditions="需经培训后上机；样品须提前登记。",
                windows=weekdays if category != "computing" else (),
                is_demo=True,
            ),
        )


def _weekday(days_ago: int) -> int:
    """The same or an earlier day that is a Monday to Friday, as days ago."""
    while (timezone.localdate() - timedelta(days=days_ago)).weekday() > 4:
        days_ago += 1
    return days_ago


def _vouchers(labs, firms):
    today = timezone.localdate()
    issued_on = max(date(today.year, 1, 1), today - timedelta(days=60))
    programmes = {
        code: writes.programme_open(
            acting_user=SYSTEM,
            province=_province(code),
            year=today.year,
            budget_cny=Decimal("5000000"),
            firm_cap_cny=Decimal("50000"),
            is_demo=True,
        )
        for code in ("310000", "320000", "330000", "340000")
    }
    for firm_key, code, days_ago, hours, redeem in USES:
        firm, instrument = firms[firm_key], Instrument.objects.get(code=code)
        days_ago = _weekday(days_ago)
        start = _moment(days_ago)
        booking = writes.booking_request(
            acting_user=SYSTEM,
            instrument=instrument,
            firm=firm,
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            purpose="样品测试（演示）",
            is_demo=True,
        )
        writes.booking_decide(acting_user=SYSTEM, booking=booking, approve=True)
        writes.usage_record(
            acting_user=SYSTEM, instrument=instrument, booking=booking, hours=hours, used_on=start.date(), is_demo=True
        )
        if redeem:
            voucher = writes.voucher_issue(
                acting_user=SYSTEM,
                programme=programmes[firm.jurisdiction.province.code],
                firm=firm,
                amount_cny=Decimal("5000"),
                issued_on=issued_on,
                is_demo=True,
            )
            writes.voucher_redeem(
                acting_user=SYSTEM, voucher=voucher, booking=booking, on=max(issued_on, start.date()), is_demo=True
            )
    for firm in firms.values():  # one unspent voucher each, to try redeeming
        writes.voucher_issue(
            acting_user=SYSTEM,
            programme=programmes[firm.jurisdiction.province.code],
            firm=firm,
            amount_cny=Decimal("3000"),
            issued_on=issued_on,
            is_demo=True,
        )
    sem = Instrument.objects.get(code="DEMO-SH-SEM")
    writes.usage_record(
        acting_user=SYSTEM,
        instrument=sem,
        firm=firms["zj"],
        hours=1,
        used_on=_moment(_weekday(5)).date(),
        note="未预约上机（演示异常）",
        is_demo=True,
    )
    writes.relation_declare(
        acting_user=SYSTEM, firm=firms["sh"], provider=labs["hz"], kind="同一集团（演示）", is_demo=True
    )
    start = _moment(_weekday(2), 14)
    writes.booking_request(
        acting_user=SYSTEM,
        instrument=Instrument.objects.get(code="DEMO-NJ-XRD"),
        firm=firms["zj"],
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        purpose="物相分析（演示，待审批）",
        is_demo=True,
    )


def _registry(labs, firms):
    today = timezone.localdate()
    centres = [
        (
            "joint_lab",
            "长三角先进材料联合实验室（演示）",
            "YRD Advanced Materials Joint Lab (demo)",
            labs["nj"],
            "320100",
            "materials",
            "",
            "",
            (labs["sh"], labs["hf"]),
        ),
        (
            "rd_centre",
            "某世界500强企业上海研发中心（演示）",
            "Fortune 500 firm's Shanghai R&D centre (demo)",
            firms["sh"],
            "310000",
            "semiconductor",
            "Fortune 500（演示）",
            "",
            (),
        ),
        (
            "consortium",
            "长三角集成电路创新联合体（演示）",
            "YRD Integrated Circuit Innovation Consortium (demo)",
            labs["sh"],
            "310000",
            "semiconductor",
            "",
            "先进封装关键装备攻关",
            (firms["sh"], labs["hf"], labs["nj"]),
        ),
        (
            "consortium",
            "长三角动力电池创新联合体（演示）",
            "YRD Power Battery Innovation Consortium (demo)",
            firms["ah"],
            "340200",
            "energy",
            "",
            "固态电池材料与安全",
            (labs["hf"], firms["js"]),
        ),
        (
            "joint_lab",
            "长三角生物医药联合实验室（演示）",
            "YRD Biomedicine Joint Lab (demo)",
            labs["hz"],
            "330100",
            "biomedicine",
            "",
            "",
            (labs["sh"],),
        ),
    ]
    for kind, zh, en, lead, city, field, partner, task, members in centres:
        writes.centre_save(
            acting_user=SYSTEM,
            data=writes.CentreInput(
                kind=kind,
                name_zh=zh,
                name_en=en,
                organisation=lead,
                city=_city(city),
                field=field,
                partner=partner,
                major_task=task,
                members=members,
                established_on=today - timedelta(days=400),
                is_demo=True,
            ),
        )
    projects = [
        (
            "长三角—新加坡智慧水务合作项目（演示）",
            "YRD–Singapore smart water project (demo)",
            "SG",
            "新加坡合作方（演示）",
            labs["sh"],
            "310000",
            "underway",
        ),
        (
            "长三角—芬兰清洁能源合作项目（演示）",
            "YRD–Finland clean energy project (demo)",
            "FI",
            "芬兰合作方（演示）",
            firms["ah"],
            "340200",
            "signed",
        ),
        (
            "长三角—芬兰森林生物材料项目（演示）",
            "YRD–Finland forest biomaterials project (demo)",
            "FI",
            "芬兰合作方（演示）",
            labs["nj"],
            "320100",
            "proposed",
        ),
        (
            "长三角—新加坡生物医药项目（演示）",
            "YRD–Singapore biomedicine project (demo)",
            "SG",
            "新加坡合作方（演示）",
            labs["hz"],
            "330100",
            "completed",
        ),
    ]
    for zh, en, country, partner, lead, city, stage in projects:
        writes.cooperation_save(
            acting_user=SYSTEM,
            data=writes.CooperationInput(
                title_zh=zh,
                title_en=en,
                partner_country=country,
                partner_name=partner,
                lead=lead,
                city=_city(city),
                stage=stage,
                plan_task="1.07",
                milestones=(
                    ("签署合作协议", "Agreement signed", today - timedelta(days=200)),
                    ("中期评估", "Mid-term review", today - timedelta(days=20)),
                ),
                is_demo=True,
            ),
        )
    experts = [
        ("王立新（演示）", labs["sh"], "材料,电镜"),
        ("李慧敏（演示）", labs["hz"], "生物,测序"),
        ("陈志远（演示）", labs["hf"], "量子,计算"),
    ]
    for name, institution, fields in experts:
        writes.expert_save(
            acting_user=SYSTEM, name=name, institution=institution, fields=fields, is_public=True, is_demo=True
        )
    for issued, accepted in (("310000", "320000"), ("320000", "310000"), ("330000", "340000"), ("340000", "330000")):
        writes.recognition_save(
            acting_user=SYSTEM,
            name_zh="高级工程师职称（演示）",
            name_en="Senior engineer title (demo)",
            issued_in=_province(issued),
            accepted_in=_province(accepted),
            since=today - timedelta(days=300),
            basis="演示数据，非官方互认文件",
            is_demo=True,
        )


def _capabilities():
    provinces = {p.code: p for p in Jurisdiction.objects.filter(level="province")}
    with (DATA / "match_capabilities.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            writes.capability_save(
                acting_user=SYSTEM,
                code=f"DEMO-{row['code']}",
                kind=row["kind"],
                title=row["title"],
                text=row["text"],
                province=provinces[row["province"]],
                field=row["field"],
                price_cny=Decimal(row["price"]) if row["price"] else None,
                is_demo=True,
            )


def _fund(labs, firms, logins):
    today = timezone.localdate()
    call = writes.call_open(
        acting_user=SYSTEM,
        data=writes.CallInput(
            code="JF-DEMO",
            title_zh="长三角基础研究联合基金（演示）",
            title_en="YRD joint fund for basic research (demo)",
            topics="量子,材料,生物,能源",
            budget_cny=Decimal("3000000"),
            opens_on=today - timedelta(days=120),
            closes_on=today - timedelta(days=60),
            reviewers_per_proposal=2,
            is_demo=True,
        ),
    )
    proposals = [
        ("拓扑量子材料输运研究", "量子,材料", labs["sh"], "1200000", (labs["hf"],)),
        ("固态电池界面稳定性", "能源,材料", labs["hf"], "1000000", (firms["ah"],)),
        ("单细胞组学与免疫", "生物", labs["hz"], "900000", ()),
        ("二维半导体器件", "材料,量子", labs["nj"], "800000", ()),
    ]
    for title, keywords, lead, requested, partners in proposals:
        writes.proposal_submit(
            acting_user=SYSTEM,
            on=today - timedelta(days=90),
            data=writes.ProposalInput(
                call=call,
                title=f"{title}（演示）",
                abstract=f"{title}：演示申请书摘要。",
                keywords=keywords,
                lead=lead,
                requested_cny=Decimal(requested),
                partners=partners,
                is_demo=True,
            ),
        )
    fields = ["量子,材料", "材料,能源", "生物", "量子", "能源", "生物,材料"]
    homes = [labs["sh"], labs["nj"], labs["hz"], labs["hf"], labs["nj"], labs["sh"]]
    reviewers = [user for username, role, _s, user in logins if role == "fund_reviewer"]
    for user, field, home in zip(reviewers, fields, homes, strict=True):
        writes.reviewer_enrol(acting_user=SYSTEM, user=user, institution=home, fields=field, max_load=3, is_demo=True)
    for n, assignment in enumerate(writes.reviewers_assign(acting_user=SYSTEM, call=call)):
        writes.review_submit(
            acting_user=SYSTEM, assignment=assignment, score=5 + (n * 3) % 5, comment="创新性较强，方案可行（演示）。"
        )
    writes.awards_decide(acting_user=SYSTEM, call=call)


def _meetings(firms):
    expo = Exhibition.objects.filter(ends_on__lt=timezone.localdate()).order_by("-starts_on").first()
    if expo is None or Meeting.objects.filter(is_demo=True).exists():
        return
    exhibitor = demo_organisation("进博会演示展商", "CIIE demo exhibitor", Organisation.Kind.OPERATOR, expo.city)
    offer = "进口医疗器械与检测设备（演示）"
    for show in (expo, _coming_fair(expo)):
        writes.participant_register(
            acting_user=SYSTEM, exhibition=show, organisation=exhibitor, role="exhibitor", offer=offer, is_demo=True
        )
    for n, buyer in enumerate(firms.values()):
        start = timezone.make_aware(datetime.combine(expo.starts_on, time(9, 0))) + timedelta(minutes=30 * n)
        writes.meeting_book(
            acting_user=SYSTEM, exhibition=expo, exhibitor=exhibitor, buyer=buyer, starts_at=start, is_demo=True
        )


def _coming_fair(expo):
    """A demo matchmaking fair a month ahead, so that meetings can be booked on the page."""
    starts = timezone.localdate() + timedelta(days=30)
    return writes.exhibition_save(
        acting_user=SYSTEM,
        name_zh="长三角科技成果对接会（演示）",
        name_en="YRD technology matchmaking fair (demo)",
        city=expo.city,
        starts_on=starts,
        ends_on=starts + timedelta(days=1),
        is_demo=True,
    )
