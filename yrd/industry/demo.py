"""Clearly marked demo data: a fictional NEV chain across the region (names end in 演示 / "Demo"),
capacities and supply relations with a few weak points on purpose (a single-source BMS chip, pack
makers all in one city for one OEM), posted needs with contacts, a saved what-if scenario, data
centres in the two clusters and elsewhere with a year of monthly PUE, metropolitan industry
statistics and cooperation projects, and the people who work with them. Every date lies in the past
of the day it is loaded. Needs the reference data (load_reference) first."""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_person
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.writes import organisation_create
from yrd.industry import writes
from yrd.industry.apps import METRO_TASK
from yrd.industry.models import Component, Enterprise, MetroArea

SEED = 20240725
# key, city, tier, name_zh, name_en, {component: capacity per year}, certifications
ENTERPRISES = [
    ("hf-oem", "340100", "oem", "合肥示范新能源汽车", "Hefei Demo NEV", {"vehicle": 300000}, "IATF 16949"),
    ("sh-oem", "310000", "oem", "上海示范智能汽车", "Shanghai Demo Smart Auto", {"vehicle": 250000}, "IATF 16949"),
    ("nb-oem", "330200", "oem", "宁波示范汽车", "Ningbo Demo Auto", {"vehicle": 150000}, "IATF 16949"),
    (
        "cz-pack",
        "320400",
        "tier1",
        "常州示范动力电池",
        "Changzhou Demo Power Battery",
        {"battery-pack": 400000},
        "IATF 16949",
    ),
    (
        "sz-pack",
        "320500",
        "tier1",
        "苏州示范电池系统",
        "Suzhou Demo Battery Systems",
        {"battery-pack": 250000},
        "IATF 16949",
    ),
    ("hf-pack", "340100", "tier1", "合肥示范储能电池", "Hefei Demo Battery", {"battery-pack": 200000}, ""),
    ("sh-motor", "310000", "tier1", "上海示范电驱动", "Shanghai Demo E-Drive", {"e-motor": 500000}, "IATF 16949"),
    ("hz-motor", "330100", "tier1", "杭州示范电机", "Hangzhou Demo Motors", {"e-motor": 300000}, ""),
    ("wx-ctrl", "320200", "tier1", "无锡示范电控", "Wuxi Demo Controls", {"motor-controller": 800000}, "ISO 26262"),
    ("hz-bms", "330100", "tier1", "杭州示范电池管理", "Hangzhou Demo BMS", {"bms": 800000}, "ISO 26262"),
    ("cz-cell", "320400", "tier2", "常州示范电芯", "Changzhou Demo Cells", {"battery-cell": 60000000}, ""),
    ("hf-cell", "340100", "tier2", "合肥示范电芯", "Hefei Demo Cells", {"battery-cell": 40000000}, ""),
    ("wx-chip", "320200", "tier2", "无锡示范功率半导体", "Wuxi Demo Power Semiconductors", {"power-chip": 6000000}, ""),
    (
        "sh-chip",
        "310000",
        "tier2",
        "上海示范芯片",
        "Shanghai Demo Chips",
        {"bms-chip": 5000000, "power-chip": 2000000},
        "",
    ),
    ("nb-magnet", "330200", "tier2", "宁波示范磁材", "Ningbo Demo Magnets", {"rare-earth-magnet": 3000000}, ""),
    ("qz-cathode", "330800", "material", "衢州示范正极材料", "Quzhou Demo Cathode", {"cathode": 60000000}, ""),
    ("tl-cathode", "340700", "material", "铜陵示范正极材料", "Tongling Demo Cathode", {"cathode": 30000000}, ""),
    ("hu-anode", "330500", "material", "湖州示范负极材料", "Huzhou Demo Anode", {"anode": 40000000}, ""),
    (
        "sz-electrolyte",
        "320500",
        "material",
        "苏州示范电解液",
        "Suzhou Demo Electrolyte",
        {"electrolyte": 30000000},
        "",
    ),
    ("xz-lithium", "320300", "material", "徐州示范锂盐", "Xuzhou Demo Lithium", {"lithium-carbonate": 30000000}, ""),
]
# supplier, customer, component, share %, lead days, customer's inventory days
RELATIONS = [
    ("cz-pack", "hf-oem", "battery-pack", 50, 3, 4), ("hf-pack", "hf-oem", "battery-pack", 50, 1, 3),
    ("cz-pack", "sh-oem", "battery-pack", 60, 2, 5), ("sz-pack", "sh-oem", "battery-pack", 40, 1, 5),
    ("sz-pack", "nb-oem", "battery-pack", 100, 2, 6),
    ("sh-motor", "hf-oem", "e-motor", 70, 3, 7), ("hz-motor", "hf-oem", "e-motor", 30, 3, 7),
    ("sh-motor", "sh-oem", "e-motor", 100, 1, 5), ("hz-motor", "nb-oem", "e-motor", 100, 2, 8),
    ("wx-ctrl", "hf-oem", "motor-controller", 100, 3, 10), ("wx-ctrl", "sh-oem", "motor-controller", 100, 2, 10),
    ("wx-ctrl", "nb-oem", "motor-controller", 100, 2, 12),
    ("hz-bms", "hf-oem", "bms", 100, 3, 10),
    ("hz-bms", "sh-oem", "bms", 100, 2, 10),
    ("hz-bms", "nb-oem", "bms", 100, 1, 10),
    ("cz-cell", "cz-pack", "battery-cell", 80, 1, 5), ("hf-cell", "cz-pack", "battery-cell", 20, 2, 5),
    ("cz-cell", "sz-pack", "battery-cell", 100, 1, 4), ("hf-cell", "hf-pack", "battery-cell", 100, 1, 4),
    ("sh-chip", "cz-pack", "bms-chip", 100, 5, 20), ("sh-chip", "sz-pack", "bms-chip", 100, 5, 20),
    ("sh-chip", "hf-pack", "bms-chip", 100, 5, 20), ("sh-chip", "hz-bms", "bms-chip", 100, 5, 15),
    ("wx-chip", "wx-ctrl", "power-chip", 70, 2, 10), ("sh-chip", "wx-ctrl", "power-chip", 30, 3, 10),
    ("nb-magnet", "sh-motor", "rare-earth-magnet", 100, 2, 15),
    ("nb-magnet", "hz-motor", "rare-earth-magnet", 100, 2, 15),
    ("qz-cathode", "cz-cell", "cathode", 70, 3, 10), ("tl-cathode", "cz-cell", "cathode", 30, 3, 10),
    ("tl-cathode", "hf-cell", "cathode", 100, 2, 10),
    ("hu-anode", "cz-cell", "anode", 100, 2, 10), ("hu-anode", "hf-cell", "anode", 100, 3, 10),
    ("sz-electrolyte", "cz-cell", "electrolyte", 100, 1, 10), ("sz-electrolyte", "hf-cell", "electrolyte", 100, 3, 10),
    ("xz-lithium", "qz-cathode", "lithium-carbonate", 100, 4, 20),
    ("xz-lithium", "tl-cathode", "lithium-carbonate", 100, 3, 20),
    ("xz-lithium", "cz-cell", "lithium-carbonate", 100, 2, 15),
    ("xz-lithium", "hf-cell", "lithium-carbonate", 100, 3, 15),
    ("xz-lithium", "sz-electrolyte", "lithium-carbonate", 100, 2, 15),
]  # fmt: skip
# name_zh, name_en, city, cluster, racks, IT MW, utilisation, green share, price, base PUE
CENTRES = [
    (
        "青浦示范算力中心（演示）",
        "Qingpu Demo Compute Centre",
        "310000",
        "demo_zone",
        12000,
        96,
        "0.62",
        "0.30",
        "0.62",
        1.24,
    ),
    (
        "吴江示范数据中心（演示）",
        "Wujiang Demo Data Centre",
        "320500",
        "demo_zone",
        9000,
        72,
        "0.70",
        "0.25",
        "0.58",
        1.27,
    ),
    (
        "嘉善示范数据中心（演示）",
        "Jiashan Demo Data Centre",
        "330400",
        "demo_zone",
        8000,
        64,
        "0.55",
        "0.35",
        "0.56",
        1.25,
    ),
    (
        "芜湖示范算力中心（演示）",
        "Wuhu Demo Compute Centre",
        "340200",
        "wuhu",
        15000,
        120,
        "0.48",
        "0.40",
        "0.50",
        1.22,
    ),
    (
        "芜湖示范智算中心（演示）",
        "Wuhu Demo AI Compute Centre",
        "340200",
        "wuhu",
        6000,
        60,
        "0.66",
        "0.45",
        "0.50",
        1.20,
    ),
    (
        "杭州示范数据中心（演示）",
        "Hangzhou Demo Data Centre",
        "330100",
        "other",
        5000,
        40,
        "0.80",
        "0.20",
        "0.60",
        1.35,
    ),
    ("南京示范数据中心（演示）", "Nanjing Demo Data Centre", "320100", "other", 4000, 32, "0.75", "0.15", "0.59", 1.38),
]
INDUSTRIES = {  # industry -> base value added (10^8 CNY), shaped per city by the random generator
    "automotive": 400, "electronics": 500, "chemicals": 300, "textiles": 200, "equipment": 350, "software": 250,
}  # fmt: skip
PROJECTS = [  # metro area, name_zh, name_en, member cities
    (
        "hefei",
        "合芜马新能源汽车配套协作（演示）",
        "Hefei-Wuhu-Ma'anshan NEV supplier cooperation (demo)",
        ["340100", "340200", "340500"],
    ),
    (
        "suxichang",
        "苏锡常功率半导体共享中试线（演示）",
        "Su-Xi-Chang shared power-semiconductor pilot line (demo)",
        ["320500", "320200", "320400"],
    ),
    ("shanghai", "沪苏嘉算力协同调度（演示）", "Shanghai-Suzhou-Jiaxing compute scheduling (demo)",
     ["310000", "320500", "330400"]),
    ("nanjing", "宁镇扬电池回收协作（演示）", "Nanjing-Zhenjiang-Yangzhou battery recycling (demo)",
     ["320100", "321100", "321000"]),
]  # fmt: skip


def city(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code, level="city")


def organisation(name_zh: str, name_en: str, code: str, serial: int) -> Organisation:
    body = f"91{code}{serial:09d}"[:17]
    number = body + uscc.calc_check_digit(body)
    return Organisation.objects.filter(uscc=number).first() or organisation_create(
        acting_user=SYSTEM, name_zh=f"{name_zh}有限公司（演示）", name_en=f"{name_en} Co. (demo)", kind="enterprise",
        jurisdiction=city(code), uscc=number, is_demo=True,
    )  # fmt: skip


def chain() -> dict:
    components = {c.code: c for c in Component.objects.all()}
    firms = {}
    for serial, (key, code, tier, zh, en, capacity, certifications) in enumerate(ENTERPRISES, start=81000):
        firms[key] = writes.enterprise_register(
            acting_user=SYSTEM, organisation=organisation(zh, en, code, serial), city=city(code), tier=tier,
            certifications=certifications, is_demo=True,
        )  # fmt: skip
        for component, units in capacity.items():
            writes.capacity_set(acting_user=SYSTEM, enterprise=firms[key], component=components[component],
                                annual_units=Decimal(units), is_demo=True)  # fmt: skip
    for supplier, customer, component, share, lead, inventory in RELATIONS:
        data = writes.RelationInput(firms[supplier], firms[customer], components[component], Decimal(share), lead,
                                    Decimal(inventory), is_demo=True)  # fmt: skip
        writes.relation_save(acting_user=SYSTEM, data=data)
    return firms


def matching(firms: dict, today) -> None:
    components = {c.code: c for c in Component.objects.all()}
    matched = writes.need_post(
        acting_user=SYSTEM, customer=firms["nb-oem"], component=components["battery-pack"], volume=Decimal(40000),
        needed_by=today - timedelta(days=20), note="第二家电池包供应商（演示）", required_certification="IATF 16949",
        is_demo=True,
    )  # fmt: skip
    contact = writes.contact_record(
        acting_user=SYSTEM, need=matched, supplier=firms["cz-pack"], message="询价（演示）", is_demo=True
    )
    writes.contact_outcome(acting_user=SYSTEM, contact=contact, outcome="agreed")
    writes.need_post(
        acting_user=SYSTEM, customer=firms["hf-oem"], component=components["bms-chip"], volume=Decimal(300000),
        needed_by=today - timedelta(days=1), note="BMS 芯片第二来源（演示）", is_demo=True,
    )  # fmt: skip


def datacentres(today, rng: random.Random) -> None:
    for zh, en, code, cluster, racks, mw, utilisation, green, price, pue in CENTRES:
        centre = writes.datacentre_save(
            acting_user=SYSTEM,
            data=writes.CentreInput(name_zh=zh, name_en=en, city=city(code), cluster=cluster, racks=racks,
                                    it_power_mw=Decimal(mw), utilisation=Decimal(utilisation),
                                    green_share=Decimal(green),
                                    electricity_price=Decimal(price), is_demo=True),
        )  # fmt: skip
        month = today.replace(day=1)
        for back in range(12, 0, -1):
            first = (month - timedelta(days=31 * back)).replace(day=1)
            seasonal = 0.04 if first.month in (7, 8) else 0.0
            value = Decimal(str(round(pue + seasonal + rng.uniform(-0.02, 0.02), 3)))
            writes.pue_record(acting_user=SYSTEM, data_centre=centre, month=first, pue=value, is_demo=True)


def metro(today, rng: random.Random) -> None:
    members = {c for area in MetroArea.objects.prefetch_related("cities") for c in area.cities.all()}
    rows = []
    for member in sorted(members, key=lambda c: c.code):
        for industry, base in INDUSTRIES.items():
            value = Decimal(str(round(base * rng.uniform(0.2, 2.0), 1)))
            rows.append((member, industry, today.year - 2, value, "10^8 CNY", "demo (generated, not official)"))
    writes.indicators_save(acting_user=SYSTEM, rows=rows, is_demo=True)
    for area, zh, en, codes in PROJECTS:
        writes.cooperation_save(acting_user=SYSTEM, metro_area=MetroArea.objects.get(code=area), name_zh=zh, name_en=en,
                                cities=[city(c) for c in codes], plan_task=METRO_TASK, is_demo=True)  # fmt: skip


def people(firms: dict) -> list[tuple[str, str, str]]:
    hefei_oem = firms["hf-oem"]
    demo_person("industry_oem", "合肥示范新能源汽车供应链经理", organisation=hefei_oem.organisation,
                roles=[("industry_enterprise", hefei_oem.city, hefei_oem.organisation)])  # fmt: skip
    demo_person(
        "industry_js",
        "江苏省工信厅产业链处工作人员",
        roles=[("industry_official", Jurisdiction.objects.get(code="320000", level="province"))],
    )
    region = Jurisdiction.objects.get(level="region")
    demo_person("industry_region", "长三角产业链协同办工作人员", roles=[("industry_official", region)])
    demo_person("industry_planner", "长三角算力与产业规划人员", roles=[("industry_analyst", region)])
    return [
        ("industry_oem", "enterprise officer (OEM)", hefei_oem.organisation.name_en),
        ("industry_js", "industry official", "Jiangsu"),
        ("industry_region", "industry official", "YRD"),
        ("industry_planner", "compute and industry planner", "YRD"),
    ]


@transaction.atomic
def load_demo():
    today = timezone.localdate()
    rng = random.Random(SEED)
    if not Enterprise.objects.filter(is_demo=True).exists():
        firms = chain()
        matching(firms, today)
        datacentres(today, rng)
        metro(today, rng)
        writes.scenario_save(
            acting_user=SYSTEM, name="常州停产 14 天（演示）", days=14,
            jurisdiction=Jurisdiction.objects.get(level="region"),
            cities=[city("320400")], is_demo=True,
        )  # fmt: skip
    keys = {key: code for key, code, *_ in ENTERPRISES}
    firms = {
        key: Enterprise.objects.get(organisation__uscc__startswith=f"91{keys[key]}", organisation__is_demo=True,
                                    organisation__name_en__startswith=en)
        for key, _c, _t, _z, en, *_ in ENTERPRISES
    }  # fmt: skip
    return people(firms)
