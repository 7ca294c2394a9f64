"""The vocabularies the enterprise-name parser reads: YRD region names (from data/yrd_divisions.csv, GB/T 2260),
legal forms, industry words, branch / online-shop / informal-shop suffixes, and groups of look-alike characters.

Contract: every table here is immutable and built once at import; `region_entries(form)` answers which divisions
a surface form such as 苏州, 苏州市, 江苏省 or 昆山 may name (several when a district name repeats, e.g. 鼓楼区).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DIVISIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "yrd_divisions.csv"


@dataclass(frozen=True, slots=True)
class Division:
    adcode: str
    name: str
    level: str  # province | city | county
    city_adcode: str  # "" for the three provinces that are not cities themselves


@cache
def divisions() -> tuple[Division, ...]:
    with open(DIVISIONS_CSV, encoding="utf-8", newline="") as handle:
        return tuple(Division(**row) for row in csv.DictReader(handle))


def _short_forms(division: Division) -> list[str]:
    """The full name and, where it stays unambiguous enough to read as a prefix, the name without its suffix."""
    name = division.name
    forms = [name]
    for suffix in ("新区", "省", "市", "县", "区"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.append(name[: -len(suffix)])
            break
    return forms


@cache
def region_forms() -> dict[str, tuple[Division, ...]]:
    table: dict[str, list[Division]] = {}
    for division in divisions():
        for form in _short_forms(division):
            table.setdefault(form, []).append(division)
    table.setdefault("中国", [])  # a national prefix or bracket names no YRD division
    return {form: tuple(found) for form, found in table.items()}


def region_entries(form: str) -> tuple[Division, ...]:
    return region_forms().get(form, ())


def city_names() -> dict[str, str]:
    """City adcode → short Chinese name (苏州, 上海), for the generator and for display."""
    return {d.city_adcode: d.name.removesuffix("市") for d in divisions() if d.level == "city" or d.adcode == "310000"}


# Legal forms, longest first; the value is the class compared by the model. 公司 alone is the shortened form
# of any of them; 集团 before a legal form belongs to it.
LEGAL_FORMS: dict[str, str] = {
    "集团股份有限公司": "joint_stock",
    "股份有限公司": "joint_stock",
    "集团有限责任公司": "limited",
    "有限责任公司": "limited",
    "集团有限公司": "limited",
    "有限公司": "limited",
    "集团公司": "company",
    "公司": "company",
    "个人独资企业": "sole",
    "合伙企业": "partnership",
    "普通合伙": "partnership",
    "有限合伙": "partnership",
}

# Words that end a name and say it is a branch, an online shop or an informal shop sign, not the firm itself.
BRANCH_WORDS = ("分公司", "分店", "分部", "分厂", "营业部", "经营部", "办事处", "门市部", "服务部")
ONLINE_WORDS = (
    "官方旗舰店",
    "旗舰店",
    "专卖店",
    "专营店",
    "官方店",
    "网店",
    "淘宝店",
    "天猫店",
    "京东店",
    "拼多多店",
    "直播间",
)
SHOP_WORDS = (
    "培训中心",
    "健身房",
    "美发店",
    "茶庄",
    "酒行",
    "大药房",
    "药房",
    "便利店",
    "超市",
    "餐厅",
    "饭店",
    "酒楼",
    "酒家",
    "面馆",
    "小吃店",
    "火锅店",
    "奶茶店",
    "商行",
    "商店",
    "门店",
    "店",
)
OUTLET_KINDS: dict[str, str] = (
    {word: "branch" for word in BRANCH_WORDS}
    | {word: "online" for word in ONLINE_WORDS}
    | {word: "shop" for word in SHOP_WORDS}
)

# Industry words (行业用语) as they appear between trade name and legal form; a name may chain several (食品科技).
INDUSTRY_WORDS = (
    "网络科技",
    "信息科技",
    "信息技术",
    "电子科技",
    "生物科技",
    "智能科技",
    "新能源科技",
    "环保科技",
    "教育科技",
    "数码科技",
    "科技",
    "软件",
    "电子商务",
    "国际贸易",
    "进出口",
    "商贸",
    "贸易",
    "实业",
    "投资管理",
    "企业管理",
    "餐饮管理",
    "酒店管理",
    "物业管理",
    "商业管理",
    "供应链管理",
    "投资",
    "餐饮",
    "酒店",
    "房地产开发",
    "房地产经纪",
    "置业",
    "建设",
    "建筑工程",
    "装饰工程",
    "装饰设计",
    "建材",
    "家具",
    "家居",
    "服饰",
    "服装",
    "纺织",
    "鞋业",
    "皮具",
    "食品",
    "农业发展",
    "农产品",
    "生鲜",
    "水果",
    "茶业",
    "酒业",
    "乳业",
    "调味品",
    "医药",
    "大药房",
    "医疗器械",
    "化妆品",
    "日用品",
    "母婴用品",
    "电器",
    "家电",
    "五金",
    "机械",
    "机电",
    "汽车销售",
    "汽车服务",
    "汽车租赁",
    "物流",
    "运输",
    "旅行社",
    "文化传媒",
    "广告",
    "传媒",
    "影视",
    "健身",
    "体育发展",
    "美容美发",
    "美容",
    "教育咨询",
    "培训",
    "信息咨询",
    "咨询",
    "人力资源",
    "劳务",
    "家政服务",
    "珠宝",
    "眼镜",
    "通讯",
    "数码",
    "照明",
    "化工",
    "塑料",
    "包装",
    "印刷",
    "金属制品",
    "新材料",
    "光电",
    "能源",
    "超市",
    "发展",
    "管理",
    "服务",
    "技术",
)

# Groups of characters that are easily misread or mistyped for one another by shape (形近字). Each character
# belongs to one group at most; the first of a group is its canonical form.
LOOKALIKE_GROUPS = (
    "己已巳",
    "未末",
    "土士",
    "日曰",
    "人入",
    "天夭夫",
    "大太犬",
    "王玉主",
    "木术本",
    "禾秃",
    "千干于",
    "田由甲申",
    "白自百",
    "鸟乌",
    "贝见",
    "刀力",
    "折析",
    "候侯",
    "戊戌戍",
    "免兔",
    "今令",
    "宇字",
    "华毕",
    "泰秦奏",
    "远违",
    "金全余",
    "祥样",
    "康唐",
    "旺汪",
    "昌冒",
    "利刺",
    "永水",
    "明朋",
    "光先",
    "辉挥",
    "海悔梅",
    "林材",
    "东车",
    "中仲",
    "诚城",
    "正止",
    "博搏傅",
    "雅稚",
    "慧彗",
    "优忧",
    "好妤",
    "悦锐阅",
    "益盖盆",
    "万方",
    "豪毫",
    "凤风",
    "腾滕藤",
    "云去",
    "润涧",
    "泽择",
    "清请情晴睛",
    "瀚翰",
    "卓桌",
    "臻榛蓁",
    "锦绵",
    "绣锈诱",
    "成戎戒",
    "骏俊竣峻",
    "升开",
    "威咸戚",
    "雨两",
    "蓝篮",
    "绿缘",
    "紫柴",
    "彩采",
    "圆园",
)


@cache
def lookalike_table() -> dict[int, str]:
    """str.translate table mapping every look-alike character to the canonical one of its group."""
    table: dict[int, str] = {}
    for group in LOOKALIKE_GROUPS:
        for char in group[1:]:
            table[ord(char)] = group[0]
    return table
