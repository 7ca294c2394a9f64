"""Demo data of the culture module, every row marked demo: heritage officers of Suzhou, Jiaxing and
Huzhou, the Jiangsu and Zhejiang reviewers, the joint bid office and a visitor; sites in the water
towns and along the two cultural parks (one with its location withheld); condition assessments;
components of the reference water towns with dossiers in every state; park projects; and visits
booked over the last two months (one site in hourly entry slots); milestones toward submission.
All dates lie in the past of the day the demo is loaded; loading twice adds nothing. Places are
real, the records about them are invented (names end in "demo")."""

import random
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_person
from yrd.core.models import Jurisdiction
from yrd.culture import writes
from yrd.culture.inputs import ResourceInput
from yrd.culture.models import Component, HeritageResource, Reservation
from yrd.culture.writes.milestones import MilestoneInput
from yrd.culture.writes.parks import ProjectInput
from yrd.culture.writes.slots import SlotInput
from yrd.culture.writes.visits import BookingInput

SEED = 16
# code, city, kind, zh, en, lon, lat, protection, park, capacity, sensitive, period
SITES = [
    (
        "demo-shuangqiao",
        "320500",
        "bridge",
        "周庄双桥",
        "Twin Bridges, Zhouzhuang",
        120.8493,
        31.1170,
        "provincial",
        "",
        2000,
        False,
        "明",
    ),
    (
        "demo-shenting",
        "320500",
        "building",
        "周庄沈厅",
        "Shen Residence, Zhouzhuang",
        120.8478,
        31.1158,
        "provincial",
        "",
        800,
        False,
        "清",
    ),
    (
        "demo-tuisi",
        "320500",
        "building",
        "同里退思园",
        "Tuisi Garden, Tongli",
        120.7236,
        31.1588,
        "national",
        "",
        1200,
        False,
        "清",
    ),
    (
        "demo-panmen",
        "320500",
        "park_site",
        "苏州盘门",
        "Pan Gate, Suzhou",
        120.6110,
        31.2925,
        "national",
        "grand_canal",
        3000,
        False,
        "元—明",
    ),
    (
        "demo-kunqu",
        "320500",
        "intangible",
        "昆曲",
        "Kunqu opera",
        120.9808,
        31.3846,
        "national",
        "",
        None,
        False,
        "明—今",
    ),
    (
        "demo-xitang-corridor",
        "330400",
        "historic_area",
        "西塘烟雨长廊",
        "Misty Rain Corridor, Xitang",
        120.8891,
        30.9441,
        "municipal",
        "",
        1500,
        False,
        "明—清",
    ),
    (
        "demo-zhaoming",
        "330400",
        "building",
        "乌镇昭明书院",
        "Zhaoming Academy, Wuzhen",
        120.4871,
        30.7452,
        "municipal",
        "",
        600,
        False,
        "清",
    ),
    (
        "demo-xiaolian",
        "330500",
        "building",
        "南浔小莲庄",
        "Xiaolian Villa, Nanxun",
        120.4285,
        30.8769,
        "national",
        "",
        900,
        False,
        "清",
    ),
    (
        "demo-hulu-site",
        "330500",
        "historic_area",
        "湖州某水下遗址",
        "An underwater site near Huzhou",
        120.1812,
        30.9234,
        "provincial",
        "",
        None,
        True,
        "宋",
    ),
]
SECTION_TEXT = ("本节为演示文本。", "This section is demo text.")
# town code -> sections accepted, then the state of the next one
DOSSIERS = {"zhouzhuang": (7, None), "tongli": (3, "submitted"), "wuzhen": (2, "returned"), "xitang": (0, "draft")}
# park, province, segment, zh, en, stage, progress, visitors last year, lon, lat
PROJECTS = [
    (
        "grand_canal",
        "320000",
        "苏州段",
        "大运河苏州段文化带",
        "Suzhou section of the canal (demo)",
        "open",
        100,
        1850000,
        120.61,
        31.29,
    ),
    (
        "grand_canal",
        "320000",
        "扬州段",
        "扬州运河三湾（演示）",
        "Yangzhou Sanwan (demo)",
        "completed",
        100,
        920000,
        119.42,
        32.36,
    ),
    (
        "grand_canal",
        "330000",
        "杭州段",
        "拱宸桥运河文化区（演示）",
        "Gongchen Bridge canal area (demo)",
        "open",
        100,
        2100000,
        120.14,
        30.32,
    ),
    (
        "grand_canal",
        "330000",
        "嘉兴段",
        "嘉兴长虹桥保护（演示）",
        "Changhong Bridge conservation (demo)",
        "building",
        60,
        None,
        120.68,
        30.76,
    ),
    (
        "grand_canal",
        "340000",
        "淮北段",
        "柳孜运河遗址展示（演示）",
        "Liuzi canal site display (demo)",
        "building",
        35,
        None,
        116.63,
        33.48,
    ),
    (
        "yangtze",
        "310000",
        "吴淞口段",
        "吴淞口长江文化展示（演示）",
        "Wusong estuary display (demo)",
        "planned",
        5,
        None,
        121.50,
        31.39,
    ),
    (
        "yangtze",
        "320000",
        "南京段",
        "阅江楼长江文化园（演示）",
        "Yuejiang Tower Yangtze park (demo)",
        "open",
        100,
        1300000,
        118.74,
        32.09,
    ),
    (
        "yangtze",
        "340000",
        "马鞍山段",
        "采石矶长江文化园（演示）",
        "Caishiji Yangtze park (demo)",
        "building",
        70,
        None,
        118.45,
        31.66,
    ),
    (
        "yangtze",
        "340000",
        "安庆段",
        "安庆长江文化展示（演示）",
        "Anqing Yangtze display (demo)",
        "planned",
        0,
        None,
        117.05,
        30.52,
    ),
]


@transaction.atomic
def load_demo():
    _people()
    if not HeritageResource.objects.filter(is_demo=True).exists():
        _sites()
        _dossiers()
        _projects()
        _slots()
        _visits()
        _milestones()
    return [
        ("culture_sz", "city heritage officer", "Suzhou"),
        ("culture_jx", "city heritage officer", "Jiaxing"),
        ("culture_hz", "city heritage officer", "Huzhou"),
        ("culture_js", "provincial heritage reviewer", "Jiangsu"),
        ("culture_zj", "provincial heritage reviewer", "Zhejiang"),
        ("culture_office", "joint bid coordinating office", "whole region"),
        ("culture_visitor", "visitor", "-"),
    ]


def _place(code: str) -> Jurisdiction:
    level = "province" if code.endswith("0000") and code != "310000" else "city"
    return Jurisdiction.objects.get(code=code, level=level)


def _people():
    region = Jurisdiction.objects.get(level="region")
    for username, name, role, where in (
        ("culture_sz", "苏州市文物局 顾敏", "culture_city_officer", _place("320500")),
        ("culture_jx", "嘉兴市文广旅局 沈涛", "culture_city_officer", _place("330400")),
        ("culture_hz", "湖州市文广旅局 钱琳", "culture_city_officer", _place("330500")),
        (
            "culture_js",
            "江苏省文物局 陆洋",
            "culture_province_reviewer",
            Jurisdiction.objects.get(code="320000", level="province"),
        ),
        (
            "culture_zj",
            "浙江省文物局 杨帆",
            "culture_province_reviewer",
            Jurisdiction.objects.get(code="330000", level="province"),
        ),
        ("culture_office", "联合申遗办公室 周琪", "culture_bid_office", region),
    ):
        demo_person(username, name, roles=[(role, where)])
    demo_person("culture_visitor", "游客 王芳", language="en")


def _sites():
    resources = {}
    for code, city, kind, zh, en, lon, lat, protection, park, capacity, sensitive, period in SITES:
        resources[code] = writes.resource_save(
            acting_user=SYSTEM,
            data=ResourceInput(
                code=code,
                city=_place(city),
                kind=kind,
                name_zh=f"{zh}（演示）",
                name_en=f"{en} (demo)",
                description_zh=f"{zh}，演示记录：用于试用平台，并非官方资料。",
                description_en=f"{en}: a demo record for trying the platform, not official data.",
                visiting_zh="开放时间 8:30–17:00，需提前预约。" if capacity else "",
                visiting_en="Open 8:30–17:00; book ahead." if capacity else "",
                period=period,
                protection=protection,
                listing_document="演示：公布文件从略" if protection != "none" else "",
                park=park,
                geometry={"type": "Point", "coordinates": [lon, lat]},
                sensitive=sensitive,
                published=True,
                daily_capacity=capacity,
                is_demo=True,
            ),
        )
    writes.resource_relate(acting_user=SYSTEM, resource=resources["demo-shuangqiao"], other=resources["demo-shenting"])
    today = timezone.localdate()
    for n, (code, condition) in enumerate(
        [("demo-shuangqiao", "fair"), ("demo-shuangqiao", "good"), ("demo-tuisi", "good"), ("demo-hulu-site", "poor")]
    ):
        writes.condition_record(
            acting_user=SYSTEM,
            resource=resources[code],
            assessed_on=today - timedelta(days=400 - 100 * n),
            assessor="演示评估组 Demo assessors",
            condition=condition,
            threats="客流、潮湿" if condition != "good" else "",
            actions="限流，加固" if condition != "good" else "",
        )


def _town_square(resource, half):
    lon, lat = resource.longitude, resource.latitude
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def _dossiers():
    for town in HeritageResource.objects.filter(kind="water_town", is_demo=False):
        if Component.objects.filter(resource=town).exists():
            continue
        component = writes.component_save(
            acting_user=SYSTEM,
            resource=town,
            boundary=_town_square(town, 0.004),
            buffer_zone=_town_square(town, 0.015),
            attributes_zh="演示：河道、桥梁、街巷与民居构成的水乡格局。",
            attributes_en="Demo: the water-town pattern of canals, bridges, lanes and houses.",
            management_plan=Component.Plan.ADOPTED if town.code in DOSSIERS else Component.Plan.DRAFTING,
        )
        accepted, next_state = DOSSIERS.get(town.code, (0, None))
        for section in component.sections.all():
            if section.number <= accepted:
                _advance(section, ("submit", "accept"))
            elif section.number == accepted + 1 and next_state:
                moves = {"draft": (), "submitted": ("submit",), "returned": ("submit", "return")}[next_state]
                _advance(section, moves)


def _advance(section, moves):
    section = writes.dossier_save(acting_user=SYSTEM, section=section, text_zh=SECTION_TEXT[0], text_en=SECTION_TEXT[1])
    for move in moves:
        note = "演示：请补充对比分析。Demo: add the comparative analysis." if move == "return" else ""
        section = writes.dossier_move(acting_user=SYSTEM, section=section, transition=move, note=note)


def _projects():
    for park, province, segment, zh, en, stage, progress, visitors, lon, lat in PROJECTS:
        writes.park_project_save(
            acting_user=SYSTEM,
            data=ProjectInput(
                park=park,
                province=Jurisdiction.objects.get(code=province, level="province"),
                segment=segment,
                name_zh=zh if zh.endswith("（演示）") else f"{zh}（演示）",
                name_en=en,
                stage=stage,
                progress=progress,
                visitors_last_year=visitors,
                longitude=lon,
                latitude=lat,
                is_demo=True,
            ),
        )


# code, days before today it was due, days before today it was done (None: not yet), zh, en
MILESTONES = [
    ("demo-tentative-list", 200, 210, "更新预备名单文本（演示）", "Tentative list entry updated (demo)"),
    (
        "demo-boundaries-agreed",
        120,
        118,
        "各组成部分边界与缓冲区协商一致（演示）",
        "Boundaries and buffer zones agreed (demo)",
    ),
    (
        "demo-plans-adopted",
        60,
        None,
        "各组成部分保护管理规划批准（演示）",
        "Management plans of all components adopted (demo)",
    ),
    ("demo-draft-dossier", 20, None, "申报文本初稿汇总（演示）", "Draft nomination dossier assembled (demo)"),
]


def _milestones():
    """Milestones toward submission, all due in the past: two done, two late; one per component too."""
    today = timezone.localdate()
    for code, due, done, zh, en in MILESTONES:
        data = MilestoneInput(code=code, name_zh=zh, name_en=en, due=today - timedelta(days=due))
        saved = writes.milestone_save(acting_user=SYSTEM, data=data, is_demo=True)
        if done is not None:
            writes.milestone_done(acting_user=SYSTEM, milestone=saved, done_on=today - timedelta(days=done))
    for n, component in enumerate(Component.objects.select_related("resource")[:3]):
        data = MilestoneInput(
            code=f"demo-survey-{component.resource.code}"[:40],
            name_zh=f"{component.resource.name_zh}遗产要素测绘（演示）",
            name_en=f"Survey of the attributes, {component.resource.name_en or component.resource.code} (demo)",
            due=today - timedelta(days=30 + 10 * n),
            component=component,
        )
        saved = writes.milestone_save(acting_user=SYSTEM, data=data, is_demo=True)
        if n % 2 == 0:
            writes.milestone_done(acting_user=SYSTEM, milestone=saved, done_on=today - timedelta(days=35 + 10 * n))


def _slots():
    """The first bookable demo site takes visitors in hourly entries, 8:30 to 16:30."""
    site = HeritageResource.objects.filter(is_demo=True, daily_capacity__isnull=False).order_by("code").first()
    hourly = site.daily_capacity // 8
    entries = [SlotInput(starts=time(8 + h, 30), ends=time(9 + h, 30), capacity=hourly) for h in range(8)]
    writes.entry_slots_save(acting_user=SYSTEM, resource=site, slots=entries)


def _visits():
    rng = random.Random(SEED)
    today = timezone.localdate()
    sites = list(HeritageResource.objects.filter(is_demo=True, daily_capacity__isnull=False))
    for day_back in range(1, 61):
        day: date = today - timedelta(days=day_back)
        for site in rng.sample(sites, 3):
            size = rng.choice([1, 2, 2, 3, 4, 12])
            entries = list(site.slots.all())
            writes.reservation_book(
                acting_user=SYSTEM,
                resource=site,
                data=BookingInput(
                    visit_date=day,
                    party_size=size,
                    contact_name="演示游客",
                    contact_phone="13800000000",
                    group_name="演示研学团" if size >= 10 else "",
                    slot=rng.choice(entries).starts if entries else None,
                ),
                is_demo=True,
            )
    return Reservation.objects.filter(is_demo=True).count()
