"""Demo data of the low-altitude module, every row marked demo: three operators and their aircraft,
airspace officers of the four provinces, take-off and landing sites, coverage, two demo restrictions,
and yesterday's flights filed through the real conflict check (some refused, one displaced by an
emergency, one crossing from Jiangsu into Shanghai with both provinces' consent). All dates lie in
the past of the day the demo is loaded."""

import json
import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_person
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.selectors import region
from yrd.core.writes import organisation_create
from yrd.lowalt import writes
from yrd.lowalt.deconfliction import VolumeInput
from yrd.lowalt.models import Aircraft, AirspaceRestriction, Coverage, Intent, Site
from yrd.lowalt.reference import circle
from yrd.lowalt.writes.intents import IntentInput
from yrd.lowalt.writes.registry import AircraftInput, SiteInput

SEED = 14
PROVINCES = {"310000": "sh", "320000": "js", "330000": "zj", "340000": "ah"}

# account, Chinese name, English name, city, role, serial for a valid demo USCC
OPERATORS = [
    (
        "uas_sh",
        "上海云翼无人机物流有限公司（演示）",
        "Shanghai Yunyi Drone Logistics (demo)",
        "310000",
        "uas_operator",
        1,
    ),
    (
        "uas_zj",
        "杭州巡天低空科技有限公司（演示）",
        "Hangzhou Xuntian Low-Altitude Tech (demo)",
        "330100",
        "uas_operator",
        2,
    ),
    (
        "uas_ah",
        "合肥急救航空医疗服务有限公司（演示）",
        "Hefei Air Medical Services (demo)",
        "340100",
        "uas_emergency_operator",
        3,
    ),
]
# operator account → (registration, model, class, empty kg, take-off kg)
AIRCRAFT = {
    "uas_sh": [
        ("DEMO-SH-0001", "物流多旋翼 L6", "light", "3.200", "6.800"),
        ("DEMO-SH-0002", "物流多旋翼 S20", "small", "12.500", "24.000"),
    ],
    "uas_zj": [
        ("DEMO-ZJ-0001", "巡检固定翼 S15", "small", "9.800", "15.000"),
        ("DEMO-ZJ-0002", "测绘多旋翼 M60", "medium", "35.000", "60.000"),
    ],
    "uas_ah": [("DEMO-AH-0001", "医疗配送 L5", "light", "3.600", "6.500")],
}
# city, kind, name (zh, en), longitude, latitude, pads, charging points
SITES = [
    ("310000", "vertiport", "浦东低空垂直起降场（演示）", "Pudong vertiport (demo)", "121.5440", "31.2210", 4, 4),
    ("310000", "point", "金山起降点（演示）", "Jinshan landing point (demo)", "121.3420", "30.7410", 2, 1),
    (
        "320500",
        "point",
        "苏州工业园区起降点（演示）",
        "Suzhou Industrial Park landing point (demo)",
        "120.7230",
        "31.3240",
        2,
        2,
    ),
    (
        "320100",
        "vertiport",
        "南京江北垂直起降场（演示）",
        "Nanjing Jiangbei vertiport (demo)",
        "118.7270",
        "32.1580",
        4,
        2,
    ),
    (
        "330100",
        "point",
        "杭州滨江起降点（演示）",
        "Hangzhou Binjiang landing point (demo)",
        "120.2110",
        "30.2080",
        2,
        1,
    ),
    (
        "330200",
        "point",
        "宁波东部新城起降点（演示）",
        "Ningbo Eastern New Town landing point (demo)",
        "121.6140",
        "29.8680",
        1,
        1,
    ),
    ("340100", "vertiport", "合肥滨湖垂直起降场（演示）", "Hefei Binhu vertiport (demo)", "117.2960", "31.7470", 3, 3),
    ("340200", "point", "芜湖起降点（演示）", "Wuhu landing point (demo)", "118.3800", "31.3300", 1, 0),
]
CITY_CENTRES = {
    "310000": (121.4737, 31.2304),
    "320500": (120.5857, 31.2974),
    "330100": (120.2098, 30.2469),
    "340100": (117.2272, 31.8206),
}


@transaction.atomic
def load_demo():
    people, operators = _people()
    _sites(operators)
    _restrictions()
    if not Intent.objects.filter(is_demo=True).exists():
        _flights(people, operators)
    rows = [(account, "UAS operator", name_en) for account, _zh, name_en, *_rest in OPERATORS]
    rows += [(f"airspace_{short}", "airspace officer", code) for code, short in PROVINCES.items()]
    rows.append(("lowalt_infra", "low-altitude infrastructure officer", "whole region"))
    return rows


def _province(code):
    return Jurisdiction.objects.get(level=Jurisdiction.Level.PROVINCE, code=code)


def _city(code):
    return Jurisdiction.objects.get(level=Jurisdiction.Level.CITY, code=code)


def demo_uscc(adcode: str, serial: int) -> str:
    """A Unified Social Credit Code that passes both check digits (GB 11714 inside, GB 32100 outside)."""
    code = f"MA{serial:06d}"
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(w * (int(c) if c.isdigit() else ord(c) - 55) for w, c in zip(weights, code, strict=True))
    check = 11 - total % 11
    body = f"91{adcode}{code}{'X' if check == 10 else '0' if check == 11 else check}"
    number = body + uscc.calc_check_digit(body)
    if not uscc.is_valid(number):
        raise ValueError(f"demo USCC {number} does not validate")
    return number


def _company(name_zh, name_en, kind, city, serial):
    code = demo_uscc(city.code, serial)
    existing = Organisation.objects.filter(uscc=code).first()
    return existing or organisation_create(
        acting_user=SYSTEM, name_zh=name_zh, name_en=name_en, kind=kind, jurisdiction=city, uscc=code, is_demo=True
    )


def _people():
    people, operators = {}, {}
    for account, name_zh, name_en, city_code, role, serial in OPERATORS:
        operator = _company(name_zh, name_en, "operator", _city(city_code), serial)
        operators[account] = operator
        people[account] = demo_person(
            account, f"{name_zh}调度员", organisation=operator, roles=[(role, region(), operator)]
        )
        for registration, model, aircraft_class, empty, takeoff in AIRCRAFT[account]:
            if not Aircraft.objects.filter(registration=registration).exists():
                data = AircraftInput(registration, model, aircraft_class, Decimal(empty), Decimal(takeoff))
                writes.aircraft_register(acting_user=SYSTEM, operator=operator, data=data, is_demo=True)
    for code, short in PROVINCES.items():
        province = _province(code)
        people[f"airspace_{short}"] = demo_person(
            f"airspace_{short}", f"{province.name_zh}低空空域管理人员", roles=[("airspace_authority", province)]
        )
    people["lowalt_infra"] = demo_person(
        "lowalt_infra", "低空基础设施管理人员（演示）", roles=[("lowalt_infrastructure_officer", region())]
    )
    return people, operators


def _sites(operators):
    owner = _company(
        "长三角低空基础设施运营有限公司（演示）",
        "YRD Low-Altitude Infrastructure (demo)",
        "enterprise",
        _city("310000"),
        4,
    )
    for city, kind, name_zh, name_en, lon, lat, pads, charging in SITES:
        if Site.objects.filter(name_zh=name_zh).exists():
            continue
        data = SiteInput(kind, name_zh, name_en, _city(city), owner, Decimal(lon), Decimal(lat), pads, charging)
        writes.site_save(acting_user=SYSTEM, data=data, is_demo=True)
    if not Coverage.objects.filter(is_demo=True).exists():
        provider = _company("长三角通信运营商（演示）", "YRD Telecom (demo)", "enterprise", _city("310000"), 5)
        for city, (lon, lat) in CITY_CENTRES.items():
            writes.coverage_save(
                acting_user=SYSTEM,
                kind="communication",
                technology="5G-A",
                provider=provider,
                city=_city(city),
                outline=circle(lon, lat, 25_000, 24),
                ceiling_m=300,
                is_demo=True,
            )


def _restrictions():
    yesterday = timezone.localdate() - timedelta(days=1)
    features = {
        "310000": {
            "id": "DEMO-LJZ",
            "name_zh": "陆家嘴工作日早高峰禁飞区（演示）",
            "name_en": "Lujiazui weekday morning no-fly area (demo)",
            "kind": "no_fly",
            "ring": circle(121.5050, 31.2400, 1500, 24),
            "active": {"type": "weekly", "weekdays": [0, 1, 2, 3, 4], "start": "07:00", "end": "09:00"},
        },
        "320000": {
            "id": "DEMO-SZ-EVENT",
            "name_zh": "苏州奥体中心大型活动管制空域（演示）",
            "name_en": "Suzhou Olympic Sports Centre event airspace (demo)",
            "kind": "controlled",
            "ring": circle(120.7420, 31.3190, 2000, 24),
            "active": {
                "type": "windows",
                "windows": [
                    [
                        timezone.make_aware(datetime.combine(yesterday, time(18))).isoformat(),
                        timezone.make_aware(datetime.combine(yesterday, time(22))).isoformat(),
                    ]
                ],
            },
        },
    }
    for code, f in features.items():
        if AirspaceRestriction.objects.filter(ref=f["id"]).exists():
            continue
        properties = {k: f[k] for k in ("id", "name_zh", "name_en", "kind", "active")} | {"lower_m": 0, "upper_m": 300}
        geometry = {"type": "Polygon", "coordinates": [[*f["ring"], f["ring"][0]]]}
        text = json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "geometry": geometry, "properties": properties}],
            }
        )
        writes.restrictions_import(acting_user=SYSTEM, province=_province(code), text=text, is_demo=True)


def _flights(people, operators):
    """Yesterday's traffic, filed the day before through the real check, in the order operators filed it."""
    rng = random.Random(SEED)
    day = timezone.localdate() - timedelta(days=1)
    filed_at = timezone.make_aware(datetime.combine(day - timedelta(days=1), time(9)))
    plans = [(account, city) for account, city in (("uas_sh", "310000"), ("uas_zj", "330100"), ("uas_ah", "340100"))]
    for account, city in plans * 12:
        lon, lat = CITY_CENTRES[city]
        start = timezone.make_aware(datetime.combine(day, time(rng.randint(8, 18), rng.choice([0, 15, 30, 45]))))
        route = [[lon + rng.uniform(-0.05, 0.05), lat + rng.uniform(-0.05, 0.05)]]
        route.append([route[0][0] + rng.uniform(-0.03, 0.03), route[0][1] + rng.uniform(-0.03, 0.03)])
        lower = rng.choice([30, 60, 90])
        volume = VolumeInput(
            "route", route, 30, lower, lower + 30, start, start + timedelta(minutes=rng.choice([20, 30, 45]))
        )
        registration = AIRCRAFT[account][0][0]
        _file(people[account], operators[account], IntentInput(registration, "同城配送（演示）", [volume]), filed_at)
    # A delivery from Suzhou to Hongqiao: crosses Jiangsu then Shanghai, so both consent in that order.
    start = timezone.make_aware(datetime.combine(day, time(10, 30)))
    crossing = VolumeInput(
        "route", [[120.62, 31.30], [121.32, 31.19]], 50, 90, 120, start, start + timedelta(minutes=75)
    )
    outcome = _file(
        people["uas_sh"],
        operators["uas_sh"],
        IntentInput("DEMO-SH-0002", "苏州至虹桥跨省配送（演示）", [crossing]),
        filed_at,
    )
    if outcome.accepted:
        for officer in ("airspace_js", "airspace_sh"):
            writes.consent_decide(
                acting_user=people[officer], number=outcome.intent.number, grant=True, note="演示同意"
            )
    # A second flight filed into the same corridor at the same time is refused, with a free window offered.
    late = IntentInput("DEMO-SH-0001", "跨省配送加班（演示）", [crossing])
    _file(people["uas_sh"], operators["uas_sh"], late, filed_at)
    # A medical emergency over the same street as a normal delivery: accepted, the delivery displaced.
    start = timezone.make_aware(datetime.combine(day, time(14)))
    street = [[117.2272, 31.8206], [117.2600, 31.8400]]
    normal = VolumeInput("route", street, 30, 30, 60, start, start + timedelta(minutes=30))
    _file(people["uas_ah"], operators["uas_ah"], IntentInput("DEMO-AH-0001", "药品配送（演示）", [normal]), filed_at)
    urgent = VolumeInput("route", street, 30, 30, 60, start + timedelta(minutes=10), start + timedelta(minutes=40))
    _file(
        people["uas_ah"],
        operators["uas_ah"],
        IntentInput("DEMO-AH-0001", "急救血液转运（演示）", [urgent], emergency=True),
        filed_at,
    )


def _file(person, operator, data, at):
    return writes.intent_submit(acting_user=person, operator=operator, data=data, at=at, is_demo=True)
