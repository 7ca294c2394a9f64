"""A deterministic generator of synthetic violation reports about synthetic enterprises, with the truth known.

`generate(n_reports, seed)` returns one row per report: the batch columns (report_id, subject_name, subject_uscc,
subject_address, subject_phone, incident_city_adcode, category, reported_at, description) plus the truth
(`enterprise_id`) and the variations applied (`variations`, ';'-separated tags). Same (n_reports, seed) → same rows.

The enterprises follow the naming rules (region + trade name + industry + legal form; a trade name is never an
administrative division's name, and no two firms of one city share region + trade name + industry). The reports
vary the way people write a firm's name: city present, with 市 or its province, in brackets, or dropped; legal form
shortened or dropped; trade name + informal word (店, 餐厅, 超市); branches and online shops; traditional characters;
homophones and look-alike characters; full- and half-width punctuation; typos; missing and mistyped USCCs
(mistyped codes fail the GB 32100 check digit). The hard negatives are built in: firms of other cities (and some
of the same city, in another industry) share a trade name, and firms share a building's address and switchboard
phone. Nothing here is real: names, codes, addresses and phones are invented.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import opencc
import pandas as pd
from pypinyin import lazy_pinyin
from stdnum.cn import uscc as stdnum_uscc

from ..categories import VIOLATION_CATEGORIES
from .lexicon import LOOKALIKE_GROUPS, Division, divisions
from .names import plausible_trade_name

# Characters of trade names: the popular auspicious ones first (drawn twice as often), then others.
POPULAR_TRADE_CHARS = (
    "华美佳鑫盛源德瑞恒泰丰隆新达通宏远金福祥和安康宁兴旺昌荣利发永嘉明光辉星天宇海江川山林森禾田春秋晨阳东南西北中"
    "信诚正博雅睿智慧创优品惠好乐欣悦益万千百合众联汇聚鼎豪龙凤鹏腾飞云润泽清涵浩瀚卓越尚臻锦绣玉宝银成景晟骏俊亿圣升"
    "振威力铭雨露蓝青绿红紫彩日月大方圆"
)
OTHER_TRADE_CHARS = (
    "鸿运航顺意禄寿喜吉如富贵满堂君仁义礼忠勤朴真善佩琪琳瑶璐珊珍琦璞琛骐驰骋翔翼羽霞虹霖雪冰洁澜波涛滨湖溪泉潭沁芳芝"
    "兰菊梅竹松柏桂桐楠枫杨柳樱桃李杏橙柚棠荷莲萍茂蔚蓓蕾菲薇丹朱彤黄墨素皓昊旭昕晓曦朗炫烨熠灿炜煜耀麒麟狮虎鹰鹤燕鸣"
    "凰骅拓展启静逸悠韵诗书画艺文英杰哲思维伟久长友邦世纪元亨贞祺祯"
)
TRADE_CHARS = POPULAR_TRADE_CHARS + OTHER_TRADE_CHARS
_TRADE_DRAW = POPULAR_TRADE_CHARS * 2 + OTHER_TRADE_CHARS
# Industry words of the generated firms, with the informal shop word people use for each and whether it sells online.
INDUSTRIES: dict[str, tuple[str, bool]] = {
    "食品": ("食品店", True),
    "餐饮管理": ("餐厅", False),
    "餐饮": ("饭店", False),
    "商贸": ("商行", True),
    "贸易": ("商行", True),
    "超市": ("超市", False),
    "网络科技": ("店", True),
    "电子商务": ("网店", True),
    "科技": ("店", True),
    "服饰": ("服装店", True),
    "家居": ("家居店", True),
    "电器": ("电器店", True),
    "医药": ("大药房", True),
    "化妆品": ("化妆品店", True),
    "母婴用品": ("母婴店", True),
    "教育咨询": ("培训中心", False),
    "健身": ("健身房", False),
    "汽车销售": ("4S店", False),
    "装饰工程": ("装饰店", False),
    "物业管理": ("物业", False),
    "酒业": ("酒行", True),
    "茶业": ("茶庄", True),
    "眼镜": ("眼镜店", True),
    "五金": ("五金店", True),
    "旅行社": ("旅行社门店", False),
    "美容美发": ("美发店", False),
}
LEGAL_FORM_WEIGHTS = (("有限公司", 0.62), ("有限责任公司", 0.2), ("股份有限公司", 0.08), ("", 0.1))  # "" = 个体工商户
ONLINE_SHOP_WORDS = ("旗舰店", "官方旗舰店", "专卖店", "专营店", "淘宝店", "直播间")
BRANCH_WORDS = ("分公司", "分店", "营业部")
ROADS = (
    "人民路 解放路 中山路 建设路 长江路 淮海路 新华路 和平路 东方路 世纪大道 学府路 文化路 青年路 胜利路 光明路 "
    "滨河路 湖滨路 工业园路 科技大道 创业路 金融街 商业街 园区路 振兴路 红旗路 迎宾大道 北京路 南京路 上海路 "
    "杭州路 黄山路 望江路 太湖大道 钱江路 运河路 凤凰路 梧桐路 香樟路"
).split()
BUILDING_WORDS = ("大厦", "国际广场", "商务中心", "科技园", "产业园", "金融中心", "写字楼", "商城")
# Long-distance area codes of the 41 cities, as published in telephone directories; used only to make the synthetic
# landline numbers look like the real thing.
AREA_CODES = {
    "310000": "021", "320100": "025", "320200": "0510", "320300": "0516", "320400": "0519", "320500": "0512",
    "320600": "0513", "320700": "0518", "320800": "0517", "320900": "0515", "321000": "0514", "321100": "0511",
    "321200": "0523", "321300": "0527", "330100": "0571", "330200": "0574", "330300": "0577", "330400": "0573",
    "330500": "0572", "330600": "0575", "330700": "0579", "330800": "0570", "330900": "0580", "331000": "0576",
    "331100": "0578", "340100": "0551", "340200": "0553", "340300": "0552", "340400": "0554", "340500": "0555",
    "340600": "0561", "340700": "0562", "340800": "0556", "341000": "0559", "341100": "0550", "341200": "0558",
    "341300": "0557", "341500": "0564", "341600": "0558", "341700": "0566", "341800": "0563",
}  # fmt: skip
NAME_FORMS = (
    ("registered", 0.36),
    ("region", 0.24),
    ("legal", 0.14),
    ("informal", 0.1),
    ("branch", 0.07),
    ("online", 0.09),
)
PROVINCE_NAMES = {"31": "上海", "32": "江苏", "33": "浙江", "34": "安徽"}
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FIRST_DAY = date(2024, 1, 1)
DAYS = 900

_S2T = opencc.OpenCC("s2t")
_ROOM = re.compile(r"\d+室$")


@dataclass(frozen=True, slots=True)
class Building:
    city: str
    county: Division
    address: str  # without the room
    switchboard: str


@dataclass(slots=True)
class Enterprise:
    id: str
    city: str
    county: Division
    region_word: str  # the region word of the registered name: 苏州 or 昆山
    trade: str
    industry: str
    legal_form: str  # "" for an individual business (个体工商户)
    bracketed: bool  # registered as 美佳食品（苏州）有限公司
    uscc: str
    address: str
    phone: str
    online: bool
    branch_cities: tuple[str, ...] = field(default=())

    @property
    def registered_name(self) -> str:
        if not self.legal_form:
            shop_word = INDUSTRIES[self.industry][0]
            return f"{self.county.name}{self.trade}{shop_word}"
        if self.bracketed:
            return f"{self.trade}{self.industry}（{self.region_word}）{self.legal_form}"
        return f"{self.region_word}{self.trade}{self.industry}{self.legal_form}"


class _World:
    """The synthetic economy: cities, districts, buildings and enterprises, grown from one random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.cities = sorted(AREA_CODES)
        self.counties: dict[str, list[Division]] = {}
        for division in divisions():
            if division.level == "county":
                self.counties.setdefault(division.city_adcode, []).append(division)
        self.city_words = {d.city_adcode: d.name.removesuffix("市") for d in divisions() if d.adcode == d.city_adcode}
        self.province_of = {c: c[:2] for c in self.cities}
        self.buildings: dict[str, list[Building]] = {}
        self.names_taken: set[tuple[str, str, str]] = set()
        self.homophones = _homophone_table()
        self.lookalikes = {c: group for group in LOOKALIKE_GROUPS for c in group}
        self.serial = 0

    # --- enterprises -----------------------------------------------------------------------------------------
    def enterprise(self, index: int, family: list[Enterprise]) -> Enterprise:
        rng = self.rng
        relative = rng.choice(family) if family and rng.random() < 0.3 else None
        city = rng.choice(self.cities)
        industry = rng.choice(list(INDUSTRIES))
        trade = relative.trade if relative else self.trade_name()
        if relative:  # a hard negative: same trade name, another firm
            same_city = rng.random() < 0.25
            city = relative.city if same_city else rng.choice([c for c in self.cities if c != relative.city])
            industry = relative.industry if not same_city else rng.choice([i for i in INDUSTRIES if i != industry])
        if (city, trade, industry) in self.names_taken:
            trade = self.trade_name()
        self.names_taken.add((city, trade, industry))
        county = rng.choice(self.counties.get(city) or [self._shanghai_county()])
        region_word = self.city_words[city]
        if county.name.endswith("市") and rng.random() < 0.5:  # a county-level city registers under its own name
            region_word = county.name.removesuffix("市")
        legal_form = _weighted(rng, LEGAL_FORM_WEIGHTS)
        building = self.building(city, county)
        room = f"{rng.randint(1, 30)}{rng.randint(1, 20):02d}室"
        shares_switchboard = rng.random() < 0.3
        return Enterprise(
            id=f"E{index:07d}",
            city=city,
            county=county,
            region_word=region_word,
            trade=trade,
            industry=industry,
            legal_form=legal_form,
            bracketed=bool(legal_form) and rng.random() < 0.08,
            uscc=self.uscc(county.adcode, individual=not legal_form),
            address=building.address + room,
            phone=building.switchboard if shares_switchboard else self.phone(city),
            online=INDUSTRIES[industry][1] and rng.random() < 0.5,
            branch_cities=tuple(rng.sample(self.cities, rng.randint(1, 3))) if rng.random() < 0.2 else (),
        )

    def _shanghai_county(self) -> Division:
        return self.counties["310000"][0]

    def trade_name(self) -> str:
        rng = self.rng
        while True:
            size = _weighted(rng, ((2, 0.7), (3, 0.25), (4, 0.05)))
            name = "".join(rng.choice(_TRADE_DRAW) for _ in range(size))
            if len(set(name)) == size and plausible_trade_name(name):
                return name

    def building(self, city: str, county: Division) -> Building:
        rng = self.rng
        known = self.buildings.setdefault(city, [])
        if known and rng.random() < 0.3:  # an office building of the city that already houses other firms
            return rng.choice(known[-50:])
        number = rng.randint(1, 999)
        words = f"{''.join(rng.choice(TRADE_CHARS) for _ in range(2))}{rng.choice(BUILDING_WORDS)}"
        address = f"{rng.choice(ROADS)}{number}号{words}"
        building = Building(city, county, address, self.phone(city))
        known.append(building)
        return building

    def phone(self, city: str) -> str:
        rng = self.rng
        if rng.random() < 0.45:
            return f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}"
        area = AREA_CODES[city]
        return f"{area}{rng.randint(2, 8)}{rng.randint(0, 10 ** (11 - len(area)) - 1):0{11 - len(area)}d}"

    def uscc(self, county_adcode: str, *, individual: bool) -> str:
        body = ("92" if individual else "91") + county_adcode + self.org_code()
        return body + stdnum_uscc.calc_check_digit(body)

    def org_code(self) -> str:
        """A nine-character organisation code with its GB 11714 check character."""
        self.serial += 1
        rng = self.rng
        stem = "".join(rng.choice(ORG_ALPHABET[:10] if i < 2 else ORG_ALPHABET) for i in range(8))
        weights = (3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(ORG_ALPHABET.index(c) * w for c, w in zip(stem, weights, strict=True))
        check = 11 - total % 11
        return stem + {10: "X", 11: "0"}.get(check, str(check))

    # --- reports ---------------------------------------------------------------------------------------------
    def report(self, firm: Enterprise) -> dict:
        rng = self.rng
        tags: list[str] = []
        form = _weighted(rng, NAME_FORMS)
        if form == "online" and not firm.online:
            form = "informal"
        if form == "branch" and not firm.legal_form:
            form = "registered"
        name, incident_city = self.name(firm, form, tags)
        name = self.noise(name, firm, tags)
        uscc = self.reported_uscc(firm, form, tags)
        address = self.reported_address(firm, form, tags)
        phone = self.reported_phone(firm, form, tags)
        category = rng.choice(list(VIOLATION_CATEGORIES))
        return {
            "subject_name": name,
            "subject_uscc": uscc,
            "subject_address": address,
            "subject_phone": phone,
            "incident_city_adcode": incident_city if rng.random() < 0.9 else "",
            "category": category,
            "reported_at": (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat(),
            "description": f"{VIOLATION_CATEGORIES[category][0]}：消费者反映的问题（合成数据）",
            "enterprise_id": firm.id,
            "variations": ";".join(tags),
        }

    def name(self, firm: Enterprise, form: str, tags: list[str]) -> tuple[str, str]:
        rng = self.rng
        tags.append(form)
        if form == "registered":
            return firm.registered_name, firm.city
        if form == "region":
            return self.region_variant(firm, tags), firm.city
        if form == "legal":
            return self.legal_variant(firm), firm.city
        if form == "informal":
            place = self.city_words[firm.city] if rng.random() < 0.3 else ""
            return f"{place}{firm.trade}{INDUSTRIES[firm.industry][0]}", firm.city
        if form == "branch":
            city = rng.choice(firm.branch_cities or self.cities)
            name = f"{firm.registered_name}{self.city_words[city]}{rng.choice(BRANCH_WORDS)}"
            return name, city
        industry = firm.industry if rng.random() < 0.5 else ""
        return f"{firm.trade}{industry}{rng.choice(ONLINE_SHOP_WORDS)}", rng.choice(self.cities)

    def region_variant(self, firm: Enterprise, tags: list[str]) -> str:
        rng = self.rng
        if not firm.legal_form:
            return f"{firm.trade}{INDUSTRIES[firm.industry][0]}"
        city_word = self.city_words[firm.city]
        province = PROVINCE_NAMES[firm.city[:2]]
        options = {
            "city_suffix": f"{city_word}市",
            "province": f"{province}{city_word}" if firm.city != "310000" else "上海市",
            "province_full": f"{province}省{city_word}市" if firm.city != "310000" else "上海市",
            "bracket": None,
            "dropped": "",
        }
        variant = rng.choice(list(options))
        tags.append(f"region_{variant}")
        if variant == "bracket":
            return f"{firm.trade}{firm.industry}（{city_word}）{firm.legal_form}"
        return f"{options[variant]}{firm.trade}{firm.industry}{firm.legal_form}"

    def legal_variant(self, firm: Enterprise) -> str:
        rng = self.rng
        if not firm.legal_form:
            return f"{firm.trade}{firm.industry}"
        shorter = rng.choice(["公司", "", "有限公司" if firm.legal_form != "有限公司" else "有限责任公司"])
        region = self.city_words[firm.city] if rng.random() < 0.6 else ""
        return f"{region}{firm.trade}{firm.industry}{shorter}"

    def noise(self, name: str, firm: Enterprise, tags: list[str]) -> str:
        rng = self.rng
        if rng.random() < 0.06:
            name = self.swap_char(name, firm.trade, self.homophones, "homophone", tags)
        if rng.random() < 0.04:
            name = self.swap_char(name, firm.trade, self.lookalikes, "lookalike", tags)
        if rng.random() < 0.05:
            name = self.typo(name, firm, tags)
        if rng.random() < 0.08:
            name = _S2T.convert(name)
            tags.append("traditional")
        if rng.random() < 0.15:
            name = self.punctuation(name)
            tags.append("punctuation")
        return name

    def swap_char(self, name: str, trade: str, table: dict[str, str], tag: str, tags: list[str]) -> str:
        rng = self.rng
        positions = [i for i, c in enumerate(trade) if len(table.get(c, "")) > 1]
        if not positions or trade not in name:
            return name
        i = rng.choice(positions)
        replacement = rng.choice([c for c in table[trade[i]] if c != trade[i]])
        tags.append(tag)
        return name.replace(trade, trade[:i] + replacement + trade[i + 1 :], 1)

    def typo(self, name: str, firm: Enterprise, tags: list[str]) -> str:
        rng = self.rng
        core = firm.trade + firm.industry
        start = name.find(firm.trade)
        if start < 0:
            return name
        span = name[start : start + len(core)] if name.startswith(core, start) else firm.trade
        chars = list(span)
        kind = rng.choice(("drop", "swap", "insert", "replace"))
        i = rng.randrange(len(chars))
        if kind == "drop" and len(chars) > 2:
            del chars[i]
        elif kind == "swap":
            i = min(i, len(chars) - 2)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif kind == "insert":
            chars.insert(i, rng.choice(TRADE_CHARS))
        else:
            chars[i] = rng.choice(TRADE_CHARS)
        tags.append(f"typo_{kind}")
        return name[:start] + "".join(chars) + name[start + len(span) :]

    def punctuation(self, name: str) -> str:
        rng = self.rng
        style = rng.choice(("halfwidth", "fullwidth", "spaces", "square"))
        if style == "halfwidth":
            return name.replace("（", "(").replace("）", ")")
        if style == "fullwidth":
            return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name)
        if style == "spaces":
            i = rng.randrange(1, max(2, len(name)))
            return name[:i] + rng.choice((" ", "\u3000", "·")) + name[i:]
        return name.replace("（", "【").replace("）", "】")

    def reported_uscc(self, firm: Enterprise, form: str, tags: list[str]) -> str:
        rng = self.rng
        given = 0.22 if form in ("online", "informal", "branch") else 0.55
        if rng.random() >= given:
            tags.append("uscc_missing")
            return ""
        if rng.random() < 0.2:
            tags.append("uscc_mistyped")
            return self.mistype(firm.uscc)
        tags.append("uscc_valid")
        code = firm.uscc
        return code if rng.random() < 0.8 else f"{code[:8]} {code[8:]}".lower()

    def mistype(self, code: str) -> str:
        rng = self.rng
        while True:
            chars = list(code)
            i = rng.randrange(18)
            if rng.random() < 0.5 and i < 17:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars[i] = rng.choice(USCC_ALPHABET)
            typed = "".join(chars)
            if typed != code and not stdnum_uscc.is_valid(typed):
                return typed

    def reported_address(self, firm: Enterprise, form: str, tags: list[str]) -> str:
        rng = self.rng
        if rng.random() >= (0.2 if form == "online" else 0.6):
            return ""
        address = firm.address
        if rng.random() < 0.2:
            address = _ROOM.sub("", address)
            tags.append("address_no_room")
        prefix = rng.choice(("", "", self.city_words[firm.city] + "市", self.city_words[firm.city] + firm.county.name))
        return prefix + address

    def reported_phone(self, firm: Enterprise, form: str, tags: list[str]) -> str:
        rng = self.rng
        if rng.random() >= (0.35 if form == "online" else 0.5):
            return ""
        phone = firm.phone
        if phone.startswith("1"):
            return rng.choice((phone, f"{phone[:3]} {phone[3:7]} {phone[7:]}", f"+86 {phone}"))
        area = phone[:3] if phone.startswith("02") else phone[:4]
        local = phone[len(area) :]
        return rng.choice((f"{area}-{local}", f"({area}){local}", f"+86 {area[1:]} {local}", local))


def _weighted(rng: random.Random, options):
    pick = rng.random()
    for value, weight in options:
        pick -= weight
        if pick < 0:
            return value
    return options[-1][0]


def _homophone_table() -> dict[str, str]:
    """Trade-name characters grouped by toneless pinyin (佳, 家, 嘉 → jia), from pypinyin."""
    groups: dict[str, str] = {}
    for char in TRADE_CHARS + "家加甲化花每梅心新昕信达答通同红宏洪鸿运韵远园元原汇惠会慧辉鸿":
        key = lazy_pinyin(char)[0]
        if char not in groups.get(key, ""):
            groups[key] = groups.get(key, "") + char
    return {char: group for group in groups.values() for char in group}


def _report_sizes(rng: random.Random, n_reports: int) -> list[int]:
    """How many reports each enterprise gets: most one to three, a long tail up to 40."""
    sizes: list[int] = []
    total = 0
    while total < n_reports:
        size = min(40, 1 + int(rng.expovariate(1 / 2.2)))
        size = min(size, n_reports - total)
        sizes.append(size)
        total += size
    return sizes


def generate(n_reports: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    world = _World(rng)
    rows: list[dict] = []
    family: list[Enterprise] = []
    for index, size in enumerate(_report_sizes(rng, n_reports)):
        firm = world.enterprise(index, family[-2000:])
        family.append(firm)
        rows.extend(world.report(firm) for _ in range(size))
    rng.shuffle(rows)
    frame = pd.DataFrame(rows)
    frame.insert(0, "report_id", [f"R{i:08d}" for i in range(len(frame))])
    return frame
