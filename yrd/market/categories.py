"""The published list of market-violation categories: code → (Chinese, English) name. Codes are stable: reports,
feeds, Open311 service codes and the consolidation engine's synthetic generator all use them."""

VIOLATION_CATEGORIES: dict[str, tuple[str, str]] = {
    "false_advertising": ("虚假宣传", "False advertising"),
    "unfair_competition": ("不正当竞争", "Unfair competition"),
    "unlicensed_operation": ("无照经营", "Unlicensed operation"),
    "product_quality": ("产品质量问题", "Product quality"),
    "price_fraud": ("价格欺诈", "Price fraud"),
    "food_safety": ("食品安全", "Food safety"),
    "counterfeit": ("假冒伪劣与商标侵权", "Counterfeits and trademark infringement"),
    "consumer_rights": ("侵害消费者权益", "Infringement of consumer rights"),
    "weights_measures": ("计量违法", "Weights and measures"),
    "online_trading": ("网络交易违法", "Illegal online trading"),
}
