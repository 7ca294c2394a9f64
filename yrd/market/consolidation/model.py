"""The Fellegi–Sunter linkage model (Splink): its comparisons, blocking rules and unsupervised training.

Each part of a parsed name is a separate comparison (trade name, region, industry, legal form, outlet), next to
the USCC, phone and address. The region and the city of the incident are one comparison ("place": the name's
region when it has one, else the incident's city), not two: they mostly say the same thing, and Fellegi–Sunter
would count one fact twice (two firms of one city would gain ~5 bits for nothing). The SQL of
every level is plain enough to run unchanged on DuckDB and on Spark (=, levenshtein, instr), so one trained
model scores the same on both. Training needs no labels: the prior from reports sharing a valid USCC, u from
random sampling, m by expectation maximisation on three independent blockings (same trade-name sound, same
phone, same building).

Contract: `settings()` is the untrained model; `train(linker)` fits it in place; the trained model is the dict from
`linker.misc.save_model_to_json()`, which `Linker(..., settings=model)` reloads on any backend.
"""

from __future__ import annotations

import logging
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator

# Blocking rules for prediction: each pair that shares one of these keys is scored. All are equi-joins, so the
# cost grows with the size of the largest key groups, not with n²; at a million reports the largest groups
# are the commonest trade-name sounds (a few hundred reports).
PREDICTION_BLOCKS = (
    ("trade_pinyin",),
    ("trade_shape",),
    ("trade_head",),
    ("phone",),
    ("address_building",),
    ("uscc_head",),
    ("uscc_tail",),
    ("region_city", "industry", "trade_first"),
    ("region_city", "industry", "trade_last"),
)
TRAINING_BLOCKS = (("trade_pinyin", "industry"), ("phone",), ("address_building",))
U_SAMPLE_SEED = 20240101
logger = logging.getLogger(__name__)
TF_COMPARISON = "trade_name"  # the one comparison with term-frequency adjustment (a rare trade name says more)


# Every level and rule is written as plain, unquoted SQL: a model saved from DuckDB keeps its SQL verbatim, and
# Spark would read DuckDB's "quoted" identifiers as string literals (a null level that never fires).


def _levels(*levels: cll.ComparisonLevelCreator) -> list:
    return list(levels)


def _custom(sql: str, label: str) -> cll.CustomLevel:
    return cll.CustomLevel(sql, label_for_charts=label)


def _null(column: str) -> cll.CustomLevel:
    level = _custom(f"{column}_l is null or {column}_r is null", "not known for both")
    level.configure(is_null_level=True)
    return level


def _exact(column: str, label: str, *, term_frequencies: bool = False) -> cll.CustomLevel:
    level = _custom(f"{column}_l = {column}_r", label)
    if term_frequencies:
        level.configure(tf_adjustment_column=column, tf_adjustment_weight=1.0)
    return level


def _else() -> cll.ElseLevel:
    return cll.ElseLevel()


def blocking_rule(keys: tuple[str, ...]) -> str:
    return " and ".join(f"l.{key} = r.{key}" for key in keys)


def comparisons() -> list:
    trade = cl.CustomComparison(
        output_column_name="trade_name",
        comparison_levels=_levels(
            _null("trade"),
            _exact("trade", "same trade name", term_frequencies=True),
            _custom("trade_shape_l = trade_shape_r", "same but for look-alike characters"),
            _custom("trade_pinyin_l = trade_pinyin_r", "same sound (pinyin)"),
            _custom("instr(trade_l, trade_r) > 0 or instr(trade_r, trade_l) > 0", "one contains the other"),
            _custom("levenshtein(trade_l, trade_r) <= 1", "one character apart"),
            _else(),
        ),
    )
    place = cl.CustomComparison(
        output_column_name="place",
        comparison_levels=_levels(
            _null("place_province"),
            _custom("region_city_l = region_city_r", "same city in both names"),
            _custom("place_city_l = place_city_r", "same city (name or incident)"),
            _custom("place_province_l = place_province_r", "same province"),
            _else(),
        ),
    )
    industry = cl.CustomComparison(
        output_column_name="industry",
        comparison_levels=_levels(
            _null("industry"),
            _exact("industry", "same industry"),
            _custom("instr(industry_l, industry_r) > 0 or instr(industry_r, industry_l) > 0", "one contains the other"),
            _else(),
        ),
    )
    legal_form = cl.CustomComparison(
        output_column_name="legal_form",
        comparison_levels=_levels(
            _null("legal_form"),
            _exact("legal_form", "same legal form"),
            _custom("legal_form_l = 'company' or legal_form_r = 'company'", "one shortened to 公司"),
            _else(),
        ),
    )
    outlet = cl.CustomComparison(
        output_column_name="outlet",
        comparison_levels=_levels(_null("outlet"), _exact("outlet", "same kind of outlet, same place"), _else()),
    )
    uscc = cl.CustomComparison(
        output_column_name="uscc",
        comparison_levels=_levels(
            _null("uscc"),
            _exact("uscc", "same code"),
            _custom("levenshtein(uscc_l, uscc_r) <= 2", "a typo apart"),
            _else(),
        ),
    )
    phone = cl.CustomComparison(
        output_column_name="phone",
        comparison_levels=_levels(
            _null("phone"),
            _exact("phone", "same number"),
            _custom("phone_tail_l = phone_tail_r", "same local number"),
            _else(),
        ),
    )
    address = cl.CustomComparison(
        output_column_name="address",
        comparison_levels=_levels(
            _null("address"),
            _exact("address", "same address"),
            _custom("address_building_l = address_building_r", "same building"),
            _custom("levenshtein(address_l, address_r) <= 2", "two characters apart"),
            _else(),
        ),
    )
    return [trade, place, industry, legal_form, outlet, uscc, phone, address]


# What each comparison looks at, for people reading the review queue (the app translates these).
DESCRIPTIONS = {
    "trade_name": "Trade name",
    "place": "Region",
    "industry": "Industry",
    "legal_form": "Legal form",
    "outlet": "Branch or shop",
    "uscc": "USCC",
    "phone": "Phone",
    "address": "Address",
}


def comparison_names() -> list[str]:
    return [comparison.create_output_column_name() for comparison in comparisons()]


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=[blocking_rule(keys) for keys in PREDICTION_BLOCKS],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
        additional_columns_to_retain=[],
        max_iterations=25,
        em_convergence=0.0001,
    )


def train(linker: Linker, *, valid_uscc_share: float, u_pairs: float) -> dict[str, Any]:
    """Fit the model without labels and return it (smoothed, see `smooth`).

    The prior (probability that two random reports are about one enterprise) comes from the one rule that is
    certain: reports sharing a valid USCC. That rule finds a matching pair only when both reports carry the code,
    so its recall is the share of reports with a valid USCC, squared (reporters give the code independently of
    one another). u comes from random pairs (seeded), m from EM on three independent blockings, all pairs of each
    (no sampling, so the same data always trains the same model).
    """
    if valid_uscc_share > 0:
        linker.training.estimate_probability_two_random_records_match(
            [blocking_rule(("uscc_valid",))], recall=min(1.0, max(valid_uscc_share**2, 1e-6))
        )
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=U_SAMPLE_SEED)
    for keys in TRAINING_BLOCKS:
        _expectation_maximisation(linker, keys)
    return smooth(linker.misc.save_model_to_json())


def _expectation_maximisation(linker: Linker, keys: tuple[str, ...]) -> None:
    """One EM session. When a level never occurs among the likely matches of the session, EM drives its m to zero
    and Splink 5.0 refuses the value once it underflows (ValueError "below the minimum allowed value"): the
    session is then left out; the other sessions estimate the same comparisons, and `smooth` fills the rest."""
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(
            blocking_rule(keys), estimate_without_term_frequencies=True
        )
    except ValueError as error:
        if "below the minimum allowed value" not in str(error):
            raise
        logger.warning("EM blocked on %s left out: %s", keys, error)


def smooth(model: dict[str, Any], *, pseudo: float = 1e-3, u_floor: float = 1e-7) -> dict[str, Any]:
    """Keep every level's weight finite: EM gives m = 0 to a level it never saw among matches (−184 bits would
    veto a pair on one feature), and a level never seen in the u sample would get u = 0. Add a pseudo-count to m,
    a floor to u, and give a level with no estimate at all a neutral weight (m = u)."""
    for comparison in model["comparisons"]:
        levels = [level for level in comparison["comparison_levels"] if not level.get("is_null_level")]
        for level in levels:
            if not isinstance(level.get("u_probability"), float | int):
                level["u_probability"] = 1e-3
            if not isinstance(level.get("m_probability"), float | int):
                level["m_probability"] = level["u_probability"]
            level["u_probability"] = max(level["u_probability"], u_floor)
        total = sum(level["m_probability"] for level in levels) + pseudo * len(levels)
        for level in levels:
            level["m_probability"] = (level["m_probability"] + pseudo) / total
    return model
