"""Clearly marked demo data: fictional parks and factories (names end in 演示), their certifications,
targets and several years of energy data in every state (reviewed, submitted, draft), storage
projects at every stage, a planning scenario, and the people who work with them. Every date lies
in the past of the day it is loaded. Needs the reference factors (load_reference) first."""

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
from yrd.green import writes
from yrd.green.models import Site, StorageProject
from yrd.green.scenarios import default_inputs

SEED = 20240731
PARKS = [  # city, name_zh, name_en, sector, certification kind
    ("320500", "苏州示范零碳园区（演示）", "Suzhou Demo Zero-Carbon Park", "electronics", "zero_carbon_park"),
    ("330200", "宁波示范绿色化工园区（演示）", "Ningbo Demo Green Chemical Park", "chemicals", "green_park"),
    (
        "340100",
        "合肥示范低碳产业园（演示）",
        "Hefei Demo Low-Carbon Industrial Park",
        "new energy vehicles",
        "low_carbon_park",
    ),
    ("310000", "上海示范绿色制造园区（演示）", "Shanghai Demo Green Manufacturing Park", "equipment", "green_park"),
]
FACTORIES = [  # park index (or None), city, name_zh, name_en, sector, output unit, scale
    (0, "320500", "苏州示范电子有限公司（演示）", "Suzhou Demo Electronics Co.", "electronics", "10^4 pieces", 1.0),
    (0, "320500", "苏州示范精密制造有限公司（演示）", "Suzhou Demo Precision Co.", "machinery", "t", 0.6),
    (1, "330200", "宁波示范新材料有限公司（演示）", "Ningbo Demo Materials Co.", "chemicals", "t", 2.5),
    (2, "340100", "合肥示范汽车零部件有限公司（演示）", "Hefei Demo Auto Parts Co.", "automotive", "10^4 sets", 1.2),
    (None, "320200", "无锡示范纺织有限公司（演示）", "Wuxi Demo Textiles Co.", "textiles", "t", 0.8),
]
STORAGE = [  # city, name, technology, MW, MWh, stage
    ("340800", "安庆示范抽水蓄能电站（演示）", "pumped_hydro", 1200, 7200, "construction"),
    ("330100", "杭州示范抽水蓄能电站（演示）", "pumped_hydro", 1400, 8400, "operation"),
    ("320900", "盐城示范电化学储能电站（演示）", "electrochemical", 200, 400, "operation"),
    ("320500", "苏州示范用户侧储能（演示）", "electrochemical", 50, 100, "approved"),
    ("320300", "徐州示范压缩空气储能（演示）", "compressed_air", 300, 1800, "construction"),
    ("310000", "上海示范电网侧储能（演示）", "electrochemical", 100, 200, "planned"),
    ("340200", "芜湖示范储能电站（演示）", "electrochemical", 150, 300, "planned"),
    ("330300", "温州示范抽水蓄能电站（演示）", "pumped_hydro", 1200, 7200, "approved"),
]


def city(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code, level="city")


def enterprise(name_zh: str, name_en: str, code: str, serial: int) -> Organisation:
    body = f"91{code}{serial:09d}"[:17]
    number = body + uscc.calc_check_digit(body)
    return Organisation.objects.filter(uscc=number).first() or organisation_create(
        acting_user=SYSTEM,
        name_zh=name_zh.replace("（演示）", "") + "（演示）",
        name_en=name_en,
        kind="enterprise",
        jurisdiction=city(code),
        uscc=number,
        is_demo=True,
    )


def register_sites() -> tuple[list[Site], list[Site]]:
    parks, factories = [], []
    for index, (code, zh, en, sector, _kind) in enumerate(PARKS):
        organisation = enterprise(zh, en, code, 95000 + index)
        data = writes.SiteInput(
            kind=Site.Kind.PARK,
            name_zh=zh,
            name_en=en,
            organisation=organisation,
            city=city(code),
            sector=sector,
            is_demo=True,
        )
        parks.append(writes.site_register(acting_user=SYSTEM, data=data))
    for index, (park, code, zh, en, sector, unit, _scale) in enumerate(FACTORIES):
        organisation = enterprise(zh, en, code, 96000 + index)
        data = writes.SiteInput(
            kind=Site.Kind.FACTORY,
            name_zh=zh,
            name_en=en,
            organisation=organisation,
            city=city(code),
            park=parks[park] if park is not None else None,
            sector=sector,
            output_unit=unit,
            is_demo=True,
        )
        factories.append(writes.site_register(acting_user=SYSTEM, data=data))
    return parks, factories


def certify(parks: list[Site], factories: list[Site], today) -> None:
    for park, (_c, _zh, _en, _s, kind) in zip(parks, PARKS, strict=True):
        writes.certification_add(
            acting_user=SYSTEM,
            site=park,
            kind=kind,
            level="national",
            issuing_body="工业和信息化部（演示）",
            issued_on=today - timedelta(days=700),
            expires_on=today + timedelta(days=400),
            is_demo=True,
        )
    for factory in factories[:3]:
        writes.certification_add(
            acting_user=SYSTEM,
            site=factory,
            kind="green_factory",
            level="provincial",
            issuing_body="省工业和信息化厅（演示）",
            issued_on=today - timedelta(days=500),
            expires_on=today + timedelta(days=600),
            is_demo=True,
        )


def entries(rng: random.Random, scale: float, drift: float) -> list[writes.Entry]:
    def q(base: float) -> Decimal:
        return Decimal(str(round(base * scale * drift * rng.uniform(0.9, 1.1), 2)))

    grid = q(30000)
    return [
        writes.Entry("grid_electricity", grid, "MWh"),
        writes.Entry(
            "green_certificates", (grid * Decimal("0.2") * Decimal(str(2 - drift))).quantize(Decimal("0.01")), "MWh"
        ),
        writes.Entry("own_renewable_electricity", q(3000) * Decimal(str(2 - drift)), "MWh"),
        writes.Entry("natural_gas", q(120), "10^4 Nm3"),
        writes.Entry("diesel", q(80), "t"),
        writes.Entry("purchased_heat", q(40000), "GJ"),
    ]


def report_years(sites: list[Site], scales: list[float], year: int) -> None:
    """Two reviewed years, last year submitted for one site and a draft for another."""
    rng = random.Random(SEED)
    for position, (site, scale) in enumerate(zip(sites, scales, strict=True)):
        for offset, drift in ((3, 1.08), (2, 1.0), (1, 0.93)):
            data = writes.PeriodInput(
                year - offset,
                None,
                entries(rng, scale, drift),
                Decimal(str(round(10000 * scale, 1))),
                Decimal(str(round(50000 * scale / drift, 1))),
            )
            period = writes.period_save(acting_user=SYSTEM, site=site, data=data, is_demo=True)
            if offset > 1 or position % 3 == 0:
                writes.period_submit(acting_user=SYSTEM, period=period)
            if offset > 1:
                writes.period_review(acting_user=SYSTEM, period=period, note="演示数据")


def report_month(site: Site, scale: float, today) -> None:
    """Last month's figures of one factory, a draft its reporter may still change: monthly reporting."""
    last = today.replace(day=1) - timedelta(days=1)
    data = writes.PeriodInput(
        last.year,
        last.month,
        entries(random.Random(SEED + 1), scale / 12, 1.0),
        Decimal(str(round(10000 * scale / 12, 1))),
        Decimal(str(round(50000 * scale / 12, 1))),
    )
    writes.period_save(acting_user=SYSTEM, site=site, data=data, is_demo=True)


def storage_projects(owner_serial: int, today) -> None:
    for index, (code, name, technology, mw, mwh, stage) in enumerate(STORAGE):
        owner = enterprise(
            "长三角示范储能投资有限公司（演示）", "YRD Demo Storage Investment Co.", code, owner_serial + index
        )
        data = writes.ProjectInput(
            name_zh=name,
            technology=technology,
            power_mw=Decimal(mw),
            energy_mwh=Decimal(mwh),
            city=city(code),
            owner=owner,
            planned_on=today - timedelta(days=1400 - index * 30),
            plan_tasks="",
            is_demo=True,
        )
        project = writes.storage_register(acting_user=SYSTEM, data=data)
        order = StorageProject.STAGE_ORDER
        for step, next_stage in enumerate(order[1 : order.index(stage) + 1], start=1):
            writes.storage_advance(
                acting_user=SYSTEM, project=project, stage=next_stage, on=data.planned_on + timedelta(days=300 * step)
            )


def people(parks: list[Site], factories: list[Site]) -> list[tuple[str, str, str]]:
    suzhou, jiangsu = city("320500"), Jurisdiction.objects.get(code="320000", level="province")
    region = Jurisdiction.objects.get(level="region")
    demo_person(
        "green_reporter",
        "苏州示范电子填报员",
        organisation=factories[0].organisation,
        roles=[("green_site_reporter", suzhou, factories[0].organisation)],
    )
    demo_person(
        "green_park",
        "苏州示范园区审核员",
        organisation=parks[0].organisation,
        roles=[("green_reviewer", suzhou, parks[0].organisation)],
    )
    demo_person("green_city", "苏州市工信局审核员", roles=[("green_reviewer", suzhou)])
    demo_person("green_energy_js", "江苏省能源局工作人员", roles=[("green_energy_officer", jiangsu)])
    demo_person("green_planner", "长三角能源规划人员", roles=[("green_energy_officer", region)])
    return [
        ("green_reporter", "site reporter", factories[0].name_en),
        ("green_park", "park reviewer", parks[0].name_en),
        ("green_city", "city reviewer", "Suzhou"),
        ("green_energy_js", "energy authority officer", "Jiangsu"),
        ("green_planner", "energy authority officer (planning)", "YRD"),
    ]


@transaction.atomic
def load_demo():
    today = timezone.localdate()
    if not Site.objects.filter(is_demo=True).exists():
        parks, factories = register_sites()
        certify(parks, factories, today)
        for site, target in (
            (factories[0], ("intensity_per_value_added", "0.9", "0.6")),
            (parks[0], ("renewable_share", "0.1", "0.5")),
        ):
            writes.target_set(
                acting_user=SYSTEM,
                site=site,
                metric=target[0],
                base_year=today.year - 4,
                base_value=Decimal(target[1]),
                target_year=today.year + 1,
                target_value=Decimal(target[2]),
            )
        report_years(parks + factories, [6.0, 9.0, 5.0, 4.0] + [f[6] for f in FACTORIES], today.year)
        report_month(factories[0], FACTORIES[0][6], today)
        storage_projects(97000, today)
        writes.scenario_create(
            acting_user=SYSTEM,
            name="江苏 40% 可再生能源（演示）",
            jurisdiction=Jurisdiction.objects.get(level="region"),
            inputs=default_inputs(["320000"]),
            is_demo=True,
        )
    parks = list(Site.objects.filter(is_demo=True, kind=Site.Kind.PARK).order_by("pk"))
    factories = list(Site.objects.filter(is_demo=True, kind=Site.Kind.FACTORY).order_by("pk"))
    return people(parks, factories)
