"""The demo alliance: operators and warehouses in all four provinces, a catalogue, and stock. All of it
is invented for the demo (marked demo); only the cities, their centres and the Sphere needs are real.
Warehouses sit near their city's centre (cities.csv coordinates, offset by a few kilometres)."""

from decimal import Decimal

SPHERE_SHELTER_12M2 = (
    "Sphere Handbook (2018), shelter and settlement standard 3: at least 3.5 m² covered living space per "
    "person; a 12 m² tent shelters 3.4 people"
)
SPHERE_FOOD = "Sphere Handbook (2018), food security: 2,100 kcal per person per day; one demo ration is 2,100 kcal"

# code: (name_zh, name_en, category, kind, unit, expires, shelf life days, core, litres per unit, per person)
ITEMS = {
    "family-tent-12m2": (
        "12平方米救灾帐篷",
        "Family relief tent, 12 m²",
        "shelter",
        "equipment",
        "piece",
        False,
        None,
        True,
        Decimal("180"),
        ("unit", Decimal("3.4"), SPHERE_SHELTER_12M2),
    ),
    "folding-bed": ("折叠床", "Folding bed", "shelter", "equipment", "piece", False, None, False, Decimal("60"), None),
    "cotton-quilt": ("棉被", "Cotton quilt", "shelter", "consumable", "piece", False, None, False, Decimal("25"), None),
    "food-ration": (
        "应急食品(2100千卡)",
        "Emergency food ration (2,100 kcal)",
        "food",
        "consumable",
        "pack",
        True,
        730,
        True,
        Decimal("1.5"),
        ("day", Decimal("1"), SPHERE_FOOD),
    ),
    "first-aid-kit": ("急救包", "First-aid kit", "medical", "consumable", "box", True, 1095, True, Decimal("4"), None),
    "trauma-kit": ("创伤救治包", "Trauma kit", "medical", "consumable", "box", True, 730, False, Decimal("12"), None),
    "generator-50kw": (
        "50千瓦柴油发电机",
        "Diesel generator, 50 kW",
        "power",
        "equipment",
        "set",
        False,
        None,
        False,
        Decimal("2500"),
        None,
    ),
    "drainage-pump": (
        "大流量排涝泵",
        "High-flow drainage pump",
        "pumps",
        "equipment",
        "set",
        False,
        None,
        True,
        Decimal("1800"),
        None,
    ),
    "assault-boat": (
        "冲锋舟",
        "Assault boat",
        "rescue",
        "equipment",
        "piece",
        False,
        None,
        True,
        Decimal("3000"),
        None,
    ),
    "life-jacket": ("救生衣", "Life jacket", "rescue", "equipment", "piece", False, None, True, Decimal("30"), None),
}

# Weight per unit (kg), for booking transport; demo values.
WEIGHTS = {
    "family-tent-12m2": "32",
    "folding-bed": "9",
    "cotton-quilt": "3",
    "food-ration": "0.6",
    "first-aid-kit": "1.5",
    "trauma-kit": "6",
    "generator-50kw": "1100",
    "drainage-pump": "420",
    "assault-boat": "180",
    "life-jacket": "0.8",
    "drinking-water": "1",
}

# Operators: (city adcode, name_zh, name_en); warehouses: code -> (operator index, name_zh, name_en,
# latitude offset, longitude offset (degrees), capacity m³)
OPERATORS = [
    ("310000", "上海市应急物资储备中心(演示)", "Shanghai emergency supply reserve centre (demo)"),
    ("320100", "江苏省应急物资储备库管理中心(演示)", "Jiangsu emergency reserve management centre (demo)"),
    ("330100", "浙江省应急物资保障中心(演示)", "Zhejiang emergency supply support centre (demo)"),
    ("340100", "安徽省应急物资储备中心(演示)", "Anhui emergency supply reserve centre (demo)"),
    ("330200", "宁波市救灾物资储备站(演示)", "Ningbo relief supply depot (demo)"),
]
WAREHOUSES = {
    "SH-PD01": (0, "310000", "上海浦东应急物资库", "Pudong emergency store", 0.02, 0.35, 12000),
    "SH-JD01": (0, "310000", "上海嘉定应急物资库", "Jiading emergency store", 0.15, -0.22, 8000),
    "JS-NJ01": (1, "320100", "南京江北应急物资库", "Nanjing Jiangbei emergency store", 0.08, -0.05, 10000),
    "JS-SZ01": (1, "320500", "苏州工业园应急物资库", "Suzhou Industrial Park emergency store", 0.02, 0.1, 6000),
    "JS-XZ01": (1, "320300", "徐州应急物资库", "Xuzhou emergency store", -0.05, 0.04, 6000),
    "ZJ-HZ01": (2, "330100", "杭州萧山应急物资库", "Hangzhou Xiaoshan emergency store", -0.08, 0.12, 10000),
    "ZJ-WZ01": (2, "330300", "温州应急物资库", "Wenzhou emergency store", 0.03, 0.05, 5000),
    "ZJ-NB01": (4, "330200", "宁波北仑救灾物资储备站", "Ningbo Beilun relief depot", -0.01, 0.25, 4000),
    "AH-HF01": (3, "340100", "合肥应急物资库", "Hefei emergency store", 0.04, -0.06, 9000),
    "AH-WH01": (3, "340200", "芜湖应急物资库", "Wuhu emergency store", 0.02, 0.03, 5000),
    "AH-AQ01": (3, "340800", "安庆应急物资库", "Anqing emergency store", -0.03, 0.02, 5000),
}

# warehouse -> {item: units on hand}; each split into lots on receipt
STOCK = {
    "SH-PD01": {
        "family-tent-12m2": 1200,
        "food-ration": 40000,
        "first-aid-kit": 6000,
        "life-jacket": 3000,
        "drainage-pump": 40,
        "generator-50kw": 12,
        "assault-boat": 20,
    },
    "SH-JD01": {"folding-bed": 4000, "cotton-quilt": 12000, "food-ration": 20000, "trauma-kit": 800},
    "JS-NJ01": {
        "family-tent-12m2": 2000,
        "food-ration": 30000,
        "first-aid-kit": 4000,
        "drainage-pump": 30,
        "assault-boat": 16,
        "life-jacket": 2500,
    },
    "JS-SZ01": {"cotton-quilt": 8000, "folding-bed": 2000, "generator-50kw": 10},
    "JS-XZ01": {"family-tent-12m2": 1500, "food-ration": 15000, "first-aid-kit": 1500},
    "ZJ-HZ01": {
        "family-tent-12m2": 1000,
        "food-ration": 25000,
        "first-aid-kit": 3000,
        "drainage-pump": 25,
        "life-jacket": 2000,
        "trauma-kit": 500,
    },
    "ZJ-WZ01": {"assault-boat": 10, "life-jacket": 1500, "drainage-pump": 12, "food-ration": 8000},
    "ZJ-NB01": {
        "family-tent-12m2": 300,
        "food-ration": 6000,
        "first-aid-kit": 800,
        "life-jacket": 600,
        "drainage-pump": 6,
    },
    "AH-HF01": {
        "family-tent-12m2": 1800,
        "food-ration": 20000,
        "cotton-quilt": 6000,
        "drainage-pump": 20,
        "assault-boat": 12,
    },
    "AH-WH01": {"folding-bed": 1500, "food-ration": 10000, "first-aid-kit": 1200},
    "AH-AQ01": {"drainage-pump": 15, "assault-boat": 8, "life-jacket": 1200, "generator-50kw": 6},
}
WATER_LITRES = {
    "SH-PD01": 60000,
    "JS-NJ01": 50000,
    "ZJ-HZ01": 40000,
    "ZJ-NB01": 8000,
    "AH-HF01": 30000,
    "JS-XZ01": 20000,
}

SUPPLIERS = ["中国安能集团(演示)", "国家粮食和物资储备局某直属库(演示)", "红十字会捐赠(演示)", "企业捐赠(演示)"]

# The live incident: typhoon landfall in Ningbo and Zhoushan. Sites: (name, latitude, longitude, priority,
# hours from now until needed, needs).
INCIDENT = ("台风“海燕”(演示)", "Typhoon Haiyan (demo)", "330000")
SITES = [
    ("宁波市北仑区柴桥街道安置点", 29.90, 121.88, 1, 10, {"life-jacket": 400, "first-aid-kit": 600, "assault-boat": 6}),
    ("宁波市奉化区萧王庙街道排涝点", 29.62, 121.35, 1, 8, {"drainage-pump": 20}),
    (
        "舟山市定海区城东街道安置点",
        30.02,
        122.11,
        2,
        18,
        {"family-tent-12m2": 900, "food-ration": 12000, "drinking-water": 30000},
    ),
    (
        "舟山市普陀区沈家门街道安置点",
        29.95,
        122.30,
        2,
        20,
        {"family-tent-12m2": 600, "food-ration": 9000, "cotton-quilt": 3000},
    ),
    ("宁波市象山县丹东街道安置点", 29.48, 121.87, 3, 30, {"folding-bed": 1500, "generator-50kw": 4}),
]
