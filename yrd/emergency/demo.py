"""Demo alliance, clearly marked: operators and eleven warehouses in all four provinces, a catalogue,
stock received over the past months, and a live incident (a typhoon over Ningbo and Zhoushan) with
requests, commitments on the way and one received with damage, a warehouse's own restocking request,
and, when the transport module gives travel times, an allocation run and a what-if drill.

Everything goes through the module's writes (so the ledger and the audit chain are as real use would
leave them); dates of past stock movements are then set back into the past. Loading twice adds nothing."""

import logging
import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_organisation, demo_person
from yrd.core.models import Organisation
from yrd.core.selectors import jurisdiction_by_code, region
from yrd.emergency import writes
from yrd.emergency.demo_data import (
    INCIDENT,
    ITEMS,
    OPERATORS,
    SITES,
    STOCK,
    SUPPLIERS,
    WAREHOUSES,
    WATER_LITRES,
    WEIGHTS,
)
from yrd.emergency.models import (
    Commitment,
    CommitmentPick,
    Drill,
    Incident,
    Item,
    Member,
    StockTransaction,
    SupplyRequest,
    Warehouse,
)
from yrd.emergency.reference import load_reference
from yrd.emergency.travel import TravelTimesUnavailable

SEED = 2024
log = logging.getLogger(__name__)


@transaction.atomic
def load_demo():
    load_reference()
    items = _catalogue()
    organisations = _operators()
    warehouses = _warehouses(organisations)
    people = _people(organisations, warehouses)
    if not StockTransaction.objects.filter(is_demo=True).exists():
        _stock(random.Random(SEED), warehouses, items, people)
    if not Incident.objects.filter(is_demo=True).exists():
        _incident(items, warehouses, people)
    return [
        ("em_coordinator", "emergency supply coordinator", "Yangtze River Delta"),
        ("em_coordinator_zj", "emergency supply coordinator", "Zhejiang"),
        ("em_operator_sh", "warehouse operator", "Shanghai reserve centre: SH-PD01, SH-JD01"),
        ("em_operator_nb", "warehouse operator", "Ningbo relief depot: ZJ-NB01"),
        ("em_operator_ah", "warehouse operator", "Anhui reserve centre: AH-HF01, AH-WH01, AH-AQ01"),
        ("em_site_zs", "incident site requester", "Zhoushan"),
        ("em_site_nb", "incident site requester", "Ningbo"),
        ("em_admin", "alliance administrator", "Yangtze River Delta"),
    ]


def _catalogue() -> dict[str, Item]:
    items = {}
    for code, (zh, en, category, kind, unit, expires, shelf, core, litres, need) in ITEMS.items():
        values = {
            "name_zh": zh,
            "name_en": en,
            "category": category,
            "kind": kind,
            "unit": unit,
            "expires": expires,
            "shelf_life_days": shelf,
            "core": core,
            "unit_volume_litres": litres,
            "unit_weight_kg": Decimal(WEIGHTS[code]),
            "is_demo": True,
        }
        if need is not None:
            per, value, source = need
            values["per_person_per_day" if per == "day" else "persons_per_unit"] = value
            values["norm_source"] = source
        items[code] = writes.item_save(acting_user=SYSTEM, code=code, **values)
    items["drinking-water"] = writes.item_save(
        acting_user=SYSTEM, code="drinking-water", unit_weight_kg=Decimal(WEIGHTS["drinking-water"])
    )
    return items


def _operators() -> list[Organisation]:
    organisations = []
    for city_code, zh, en in OPERATORS:
        city = jurisdiction_by_code(city_code, "city")
        organisation = demo_organisation(zh, en, Organisation.Kind.OPERATOR, city)
        if not Member.objects.filter(organisation=organisation).exists():
            writes.member_join(
                acting_user=SYSTEM,
                organisation=organisation,
                jurisdiction=city,
                kind=Member.Kind.OPERATOR,
                joined_on=date(2024, 7, 25),
                is_demo=True,
            )
        organisations.append(organisation)
    return organisations


def _warehouses(organisations) -> dict[str, Warehouse]:
    warehouses = {}
    for code, (operator, city_code, zh, en, d_lat, d_lon, capacity) in WAREHOUSES.items():
        city = jurisdiction_by_code(city_code, "city")
        warehouses[code] = Warehouse.objects.filter(code=code).first() or writes.warehouse_save(
            acting_user=SYSTEM,
            data=writes.WarehouseInput(
                code=code,
                name_zh=zh + "(演示)",
                name_en=en + " (demo)",
                member=organisations[operator].emergency_member,
                city=city,
                address=f"{city.name_zh}(演示地址)",
                latitude=(city.latitude + Decimal(str(d_lat))).quantize(Decimal("0.000001")),
                longitude=(city.longitude + Decimal(str(d_lon))).quantize(Decimal("0.000001")),
                capacity_m3=capacity,
                is_demo=True,
            ),
        )
    return warehouses


def _people(organisations, warehouses) -> dict:
    sh, js, zj, ah, nb = organisations
    zhejiang, ningbo = jurisdiction_by_code("330000", "province"), jurisdiction_by_code("330200", "city")
    zhoushan = jurisdiction_by_code("330900", "city")
    return {
        "coordinator": demo_person(
            "em_coordinator", "应急物资协调员(长三角)", roles=[("emergency_coordinator", region())]
        ),
        "coordinator_zj": demo_person(
            "em_coordinator_zj", "应急物资协调员(浙江)", roles=[("emergency_coordinator", zhejiang)]
        ),
        "operator_sh": demo_person(
            "em_operator_sh", "上海库管员", organisation=sh, roles=[("warehouse_operator", sh.jurisdiction, sh)]
        ),
        "operator_nb": demo_person(
            "em_operator_nb", "宁波库管员", organisation=nb, roles=[("warehouse_operator", nb.jurisdiction, nb)]
        ),
        "operator_zj": demo_person(
            "em_operator_zj", "浙江库管员", organisation=zj, roles=[("warehouse_operator", zhejiang, zj)]
        ),
        "operator_js": demo_person(
            "em_operator_js", "江苏库管员", organisation=js, roles=[("warehouse_operator", js.jurisdiction.parent, js)]
        ),
        "operator_ah": demo_person(
            "em_operator_ah", "安徽库管员", organisation=ah, roles=[("warehouse_operator", ah.jurisdiction.parent, ah)]
        ),
        "site_zs": demo_person("em_site_zs", "舟山现场申报员", roles=[("site_requester", zhoushan)]),
        "site_nb": demo_person("em_site_nb", "宁波现场申报员", roles=[("site_requester", ningbo)]),
        "admin": demo_person("em_admin", "应急联盟管理员", roles=[("alliance_admin", region())]),
    }


def _stock(rng: random.Random, warehouses, items, people) -> None:
    today = timezone.localdate()
    for code, holdings in STOCK.items():
        holdings = holdings | ({"drinking-water": WATER_LITRES[code]} if code in WATER_LITRES else {})
        lines = []
        for item_code, quantity in holdings.items():
            item = items[item_code]
            parts = [quantity // 2, quantity - quantity // 2] if quantity > 10 and item.expires else [quantity]
            for n, part in enumerate(parts):
                expires = today + timedelta(days=rng.randint(20, 700)) if item.expires else None
                lines.append(
                    writes.ReceiptLine(
                        item, f"{code[-4:]}-{item_code.replace('-', '')[:6].upper()}-{n + 1}", part, expires
                    )
                )
        receipt = writes.stock_receive(
            acting_user=SYSTEM, warehouse=warehouses[code], lines=lines, counterpart=rng.choice(SUPPLIERS)
        )
        StockTransaction.objects.filter(pk=receipt.pk).update(
            is_demo=True, at=timezone.now() - timedelta(days=rng.randint(60, 300))
        )
    # A stock count in Shanghai found a damaged box of first-aid kits.
    lot = warehouses["SH-PD01"].lots.filter(item=items["first-aid-kit"]).first()
    count = writes.stock_adjust(
        acting_user=people["operator_sh"], lot=lot, change=-12, reason="damage", note="盘点发现受潮(演示)"
    )
    StockTransaction.objects.filter(pk=count.pk).update(is_demo=True, at=timezone.now() - timedelta(days=20))


def _incident(items, warehouses, people) -> None:
    now = timezone.now()
    incident = writes.incident_open(
        acting_user=people["coordinator_zj"],
        name_zh=INCIDENT[0],
        name_en=INCIDENT[1],
        kind=Incident.Kind.TYPHOON,
        jurisdiction=jurisdiction_by_code(INCIDENT[2], "province"),
        started_at=now - timedelta(hours=18),
        description="台风在宁波、舟山沿海登陆,多地内涝,转移安置群众约20万人(演示)。",
    )
    requests = []
    for site, latitude, longitude, priority, hours, needs in SITES:
        requester = people["site_zs"] if latitude > 29.9 and longitude > 122 else people["site_nb"]
        requests.append(
            writes.request_raise(
                acting_user=requester,
                data=writes.RequestInput(
                    priority=priority,
                    needed_by=now + timedelta(hours=hours),
                    needs=[writes.Need(items[code], quantity) for code, quantity in needs.items()],
                    incident=incident,
                    site=site + "(演示)",
                    latitude=latitude,
                    longitude=longitude,
                    contact_name="李明",
                    contact_phone="13900000000",
                ),
            )
        )
    _commitments(items, warehouses, people, requests)
    writes.request_raise(
        acting_user=people["operator_nb"],
        data=writes.RequestInput(
            priority=3,
            needed_by=now + timedelta(hours=72),
            needs=[writes.Need(items["food-ration"], 8000), writes.Need(items["first-aid-kit"], 600)],
            warehouse=warehouses["ZJ-NB01"],
            note="台风期间库存消耗,申请补库(演示)",
        ),
    )
    SupplyRequest.objects.filter(incident=incident).update(is_demo=True)
    Incident.objects.filter(pk=incident.pk).update(is_demo=True)
    _allocation(people)


def _commitments(items, warehouses, people, requests) -> None:
    """Ningbo's own depot answered first with its own vehicles: life jackets and first-aid kits,
    dispatched and received (a few damaged); Hangzhou sent pumps, booked with the transport module and
    on the way."""
    life_saving, pumps = requests[0], requests[1]
    lines = {line.item.code: line for line in life_saving.lines.all()}
    local = writes.commitment_create(
        acting_user=people["operator_nb"],
        warehouse=warehouses["ZJ-NB01"],
        request=life_saving,
        offers=[writes.Offer(lines["life-jacket"], 300), writes.Offer(lines["first-aid-kit"], 400)],
    )
    writes.commitment_dispatch(acting_user=people["operator_nb"], commitment=local, shipment="宁波站自有车辆(演示)")
    damaged = {"first-aid-kit": 5}  # one carton crushed on the way
    arrivals = []
    for pick in CommitmentPick.objects.filter(line__commitment=local).select_related("lot__item").order_by("pk"):
        broken = min(damaged.pop(pick.lot.item.code, 0), pick.quantity)
        arrivals.append(writes.Arrival(pick, pick.quantity - broken, broken))
    writes.commitment_receive(
        acting_user=people["site_nb"], commitment=local, arrivals=arrivals, note="5箱急救包外包装破损(演示)"
    )
    pump_line = pumps.lines.get()
    on_the_way = writes.commitment_create(
        acting_user=people["operator_zj"],
        warehouse=warehouses["ZJ-HZ01"],
        request=pumps,
        offers=[writes.Offer(pump_line, 12)],
    )
    writes.commitment_dispatch(acting_user=people["operator_zj"], commitment=on_the_way)  # booked with transport
    Commitment.objects.filter(pk__in=[local.pk, on_the_way.pk]).update(is_demo=True)


def _allocation(people) -> None:
    """An allocation run over the whole region, left for the coordinator to confirm; and the drill
    the issue names. Both need travel times from the transport module."""
    try:
        run = writes.allocation_run(acting_user=people["coordinator"], jurisdiction=region())
        run.is_demo = True
        run.save(update_fields=["is_demo"])
        drill = writes.drill_run(
            acting_user=people["coordinator"],
            jurisdiction=region(),
            scenario=writes.Scenario(
                name="台风:宁波、舟山转移安置20万人(演练)",
                displaced={
                    jurisdiction_by_code("330200", "city"): 120_000,
                    jurisdiction_by_code("330900", "city"): 80_000,
                },
                days=3,
                within_hours=24,
            ),
        )
        Drill.objects.filter(pk=drill.pk).update(is_demo=True)
    except TravelTimesUnavailable as unavailable:
        log.warning("emergency demo: no allocation run or drill (%s)", unavailable.message)
