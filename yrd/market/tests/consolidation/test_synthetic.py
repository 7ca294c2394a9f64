import pandas as pd
import pytest
from stdnum.cn import uscc as stdnum_uscc

from yrd.market.consolidation.batch_io import BATCH_COLUMNS
from yrd.market.consolidation.features import add_features
from yrd.market.consolidation.synthetic import generate


@pytest.fixture(scope="module")
def reports():
    return generate(4000, seed=11)


@pytest.fixture(scope="module")
def features(reports):
    return add_features(reports).assign(enterprise_id=reports["enterprise_id"].to_numpy())


def test_the_same_seed_gives_the_same_reports_and_another_seed_other_ones(reports):
    pd.testing.assert_frame_equal(generate(4000, seed=11), reports)
    assert not generate(4000, seed=12)["subject_name"].equals(reports["subject_name"])


def test_it_gives_exactly_the_reports_asked_for_with_the_batch_columns(reports):
    assert len(reports) == 4000 and reports["report_id"].is_unique
    assert set(BATCH_COLUMNS) <= set(reports.columns)


@pytest.mark.parametrize(
    "variation",
    [
        "registered", "region_city_suffix", "region_province", "region_province_full", "region_bracket",
        "region_dropped", "legal", "informal", "branch", "online", "traditional", "homophone", "lookalike",
        "punctuation", "typo_drop", "typo_swap", "typo_insert", "typo_replace", "uscc_missing", "uscc_mistyped",
        "uscc_valid", "address_no_room",
    ],
)  # fmt: skip
def test_every_variation_of_the_issue_occurs(reports, variation):
    tags = reports["variations"].str.split(";").explode()
    assert (tags == variation).sum() >= 10


def test_a_mistyped_uscc_fails_the_check_digit_and_a_valid_one_is_the_firms(reports):
    tagged = reports["variations"].str.split(";")
    mistyped = reports[tagged.map(lambda t: "uscc_mistyped" in t)]["subject_uscc"]
    assert not any(stdnum_uscc.is_valid(code) for code in mistyped)
    valid = reports[tagged.map(lambda t: "uscc_valid" in t)]
    codes = valid["subject_uscc"].str.replace(" ", "").str.upper()
    assert all(stdnum_uscc.is_valid(code) for code in codes)
    assert codes.groupby(valid["enterprise_id"]).nunique().max() == 1


def test_different_firms_share_a_trade_name_in_other_cities(features):
    formal = features.dropna(subset=["formal_city"]).drop_duplicates(["enterprise_id"])
    per_trade = formal.groupby("trade").agg(firms=("enterprise_id", "nunique"), cities=("formal_city", "nunique"))
    assert (per_trade[(per_trade.firms > 1) & (per_trade.cities > 1)].shape[0]) >= 30


def test_different_firms_of_one_city_share_a_trade_name_in_other_industries(features):
    formal = features.dropna(subset=["formal_city", "formal_industry"]).drop_duplicates(["enterprise_id"])
    same_city = formal.groupby(["trade", "formal_city"])["formal_industry"].nunique()
    assert (same_city > 1).sum() >= 5


def test_different_firms_share_a_building_and_a_switchboard_phone(features):
    buildings = features.dropna(subset=["address_building"]).groupby("address_building")["enterprise_id"].nunique()
    phones = features.dropna(subset=["phone"]).groupby("phone")["enterprise_id"].nunique()
    assert (buildings > 1).sum() >= 30
    assert (phones > 1).sum() >= 10


def test_no_two_firms_of_one_city_have_the_same_registered_name(reports, features):
    registered = features[reports["variations"].str.startswith("registered").to_numpy()].dropna(subset=["formal_city"])
    names = registered.drop_duplicates("enterprise_id").groupby(["formal_city", "trade", "formal_industry"]).size()
    assert names.max() == 1
