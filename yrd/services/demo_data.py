"""Demo values for the services app (see demo.py): material types, departments (real names; their
role as competent authority here is demo), item details, windows, applicant names."""

TYPES = {  # code: (zh, en)
    "id-card": ("居民身份证", "Resident ID card"),
    "hukou-booklet": ("居民户口簿", "Household register booklet"),
    "photo": ("证件照片", "ID photo"),
    "insurance-proof": ("参保凭证", "Proof of insurance"),
    "purchase-contract": ("购房合同", "Home purchase contract"),
    "retirement-proof": ("退休证明", "Proof of retirement"),
    "migration-cert": ("准予迁入证明", "Permit to move in"),
    "business-licence": ("营业执照", "Business licence"),
    "change-resolution": ("变更决议", "Resolution on the change"),
}
DEPARTMENTS = {  # kind: {province: (name zh, name en, seat adcode)}
    "police": {
        "310000": ("上海市公安局", "Shanghai Municipal Public Security Bureau", "310000"),
        "320000": ("江苏省公安厅", "Jiangsu Provincial Public Security Department", "320100"),
        "330000": ("浙江省公安厅", "Zhejiang Provincial Public Security Department", "330100"),
        "340000": ("安徽省公安厅", "Anhui Provincial Public Security Department", "340100"),
    },
    "medical": {
        "310000": ("上海市医疗保障局", "Shanghai Healthcare Security Administration", "310000"),
        "320000": ("江苏省医疗保障局", "Jiangsu Healthcare Security Administration", "320100"),
        "330000": ("浙江省医疗保障局", "Zhejiang Healthcare Security Administration", "330100"),
        "340000": ("安徽省医疗保障局", "Anhui Healthcare Security Administration", "340100"),
    },
    "fund": {
        "310000": (
            "上海市公积金管理中心",
            "Shanghai Housing Provident Fund Management Centre",
            "310000",
        ),
        "320000": (
            "南京住房公积金管理中心",
            "Nanjing Housing Provident Fund Management Centre",
            "320100",
        ),
        "330000": (
            "杭州住房公积金管理中心",
            "Hangzhou Housing Provident Fund Management Centre",
            "330100",
        ),
        "340000": (
            "合肥市住房公积金管理中心",
            "Hefei Housing Provident Fund Management Centre",
            "340100",
        ),
    },
    "civil": {
        "310000": ("上海市民政局", "Shanghai Civil Affairs Bureau", "310000"),
        "320000": ("江苏省民政厅", "Jiangsu Civil Affairs Department", "320100"),
        "330000": ("浙江省民政厅", "Zhejiang Civil Affairs Department", "330100"),
        "340000": ("安徽省民政厅", "Anhui Civil Affairs Department", "340100"),
    },
    "market": {
        "310000": (
            "上海市市场监督管理局",
            "Shanghai Administration for Market Regulation",
            "310000",
        ),
        "320000": (
            "江苏省市场监督管理局",
            "Jiangsu Administration for Market Regulation",
            "320100",
        ),
        "330000": (
            "浙江省市场监督管理局",
            "Zhejiang Administration for Market Regulation",
            "330100",
        ),
        "340000": ("安徽省市场监督管理局", "Anhui Administration for Market Regulation", "340100"),
    },
}
# item code: (department, modes, working days, [(type, mandatory, formats)], decision becomes)
DETAILS = {
    "resident-id-first": (
        "police",
        ("remote",),
        20,
        [("hukou-booklet", True, ("pdf", "jpeg", "png")), ("photo", False, ("jpeg", "png"))],
        None,
    ),
    "medical-insurance-transfer": (
        "medical",
        ("online", "joint"),
        15,
        [("id-card", True, ("pdf", "jpeg", "png")), ("insurance-proof", True, ("pdf",))],
        None,
    ),
    "provident-fund-loan-certificate": (
        "fund",
        ("online", "remote"),
        3,
        [("id-card", True, ("pdf", "jpeg", "png"))],
        None,
    ),
    "provident-fund-home-purchase": (
        "fund",
        ("online",),
        5,
        [("id-card", True, ("pdf", "jpeg", "png")), ("purchase-contract", True, ("pdf",))],
        None,
    ),
    "provident-fund-retirement": (
        "fund",
        ("online",),
        5,
        [("id-card", True, ("pdf", "jpeg", "png")), ("retirement-proof", True, ("pdf",))],
        None,
    ),
    "hukou-transfer": (
        "police",
        ("remote", "joint"),
        20,
        [
            ("id-card", True, ("pdf", "jpeg", "png")),
            ("hukou-booklet", True, ("pdf", "jpeg", "png")),
            ("migration-cert", False, ("pdf",)),
        ],
        "migration-cert",
    ),
    "marriage-archive-query": (
        "civil",
        ("online", "remote"),
        5,
        [("id-card", True, ("pdf", "jpeg", "png"))],
        None,
    ),
    "company-change-registration": (
        "market",
        ("online", "remote"),
        3,
        [("business-licence", True, ("pdf", "jpeg", "png")), ("change-resolution", True, ("pdf",))],
        "business-licence",
    ),
}
WINDOWS = {  # province: (name zh, name en, city adcode)
    "310000": (
        "浦东新区市民中心长三角“一网通办”专窗",
        "Pudong Citizen Centre YRD window",
        "310000",
    ),
    "320000": (
        "苏州市政务服务中心长三角“一网通办”专窗",
        "Suzhou Government Service Centre YRD window",
        "320500",
    ),
    "330000": ("嘉兴市民中心长三角“一网通办”专窗", "Jiaxing Citizen Centre YRD window", "330400"),
    "340000": (
        "合肥市政务服务中心长三角“一网通办”专窗",
        "Hefei Government Service Centre YRD window",
        "340100",
    ),
}
NAMES = [
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨磊",
    "赵敏",
    "黄强",
    "周杰",
    "吴霞",
    "徐丽",
    "孙浩",
    "胡斌",
    "朱琳",
    "高翔",
    "林涛",
    "何佳",
    "郭鹏",
    "马超",
    "罗兰",
]
BIRTH_PLACES = ["310101", "310104", "340104", "330106", "320102", "340102"]
SHORT = {"310000": "sh", "320000": "js", "330000": "zj", "340000": "ah"}
