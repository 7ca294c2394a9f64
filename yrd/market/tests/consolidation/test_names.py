import opencc
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from yrd.market.consolidation.lexicon import LEGAL_FORMS
from yrd.market.consolidation.names import normalise_text, parse_name, pinyin_key, plausible_trade_name, shape_key
from yrd.market.consolidation.synthetic import INDUSTRIES, TRADE_CHARS

S2T = opencc.OpenCC("s2t")

trade_names = st.text(alphabet=TRADE_CHARS, min_size=2, max_size=4).filter(plausible_trade_name)
industries = st.sampled_from(sorted(INDUSTRIES))
cities = st.sampled_from(
    [("苏州", "320500", "江苏"), ("杭州", "330100", "浙江"), ("合肥", "340100", "安徽"), ("南京", "320100", "江苏")]
)
legal_forms = st.sampled_from(["有限公司", "有限责任公司", "股份有限公司"])


def region_written(city: tuple[str, str, str], style: str) -> str:
    short, _, province = city
    return {"short": short, "full": f"{short}市", "province": f"{province}{short}", "both": f"{province}省{short}市"}[
        style
    ]


def test_it_reads_the_parts_of_a_registered_branch_name():
    parts = parse_name("江苏省苏州市美佳食品有限公司杭州分公司")
    assert (parts.region, parts.city, parts.trade, parts.industry) == ("江苏省苏州市", "320500", "美佳", "食品")
    assert (parts.legal_form, parts.outlet, parts.outlet_city) == ("limited", "branch", "330100")


def test_it_reads_traditional_characters_and_full_width_brackets_as_the_same_name():
    assert parse_name("蘇州美佳食品（中國）有限公司").trade == parse_name("苏州美佳食品(中国)有限公司").trade == "美佳"


def test_it_takes_a_bracketed_region_as_the_region():
    parts = parse_name("美佳食品（苏州）有限公司")
    assert (parts.city, parts.trade, parts.legal_form) == ("320500", "美佳", "limited")


def test_it_reads_a_trade_name_with_an_informal_word_as_a_shop():
    parts = parse_name("美佳超市")
    assert (parts.trade, parts.outlet, parts.legal_form) == ("美佳", "shop", None)


def test_it_reads_an_online_shop():
    parts = parse_name("美佳食品官方旗舰店")
    assert (parts.trade, parts.industry, parts.outlet) == ("美佳", "食品", "online")


def test_a_county_level_city_names_its_prefecture():
    assert parse_name("昆山鑫源机械有限公司").city == "320500"


def test_a_district_name_shared_by_two_cities_leaves_the_city_unknown_but_the_province_known():
    parts = parse_name("鼓楼区华联超市")
    assert (parts.city, parts.province, parts.trade) == (None, "32", "华联")


def test_a_trade_name_that_is_an_industry_word_or_a_place_is_not_plausible():
    assert plausible_trade_name("美佳")
    assert not plausible_trade_name("发展") and not plausible_trade_name("苏州美") and not plausible_trade_name("美")


def test_a_trade_name_that_is_also_a_place_name_stays_the_trade_name():
    assert parse_name("苏州永康食品有限公司").trade == "永康"


def test_a_typo_in_the_legal_form_still_ends_the_name():
    parts = parse_name("美佳食品有限公可")
    assert (parts.trade, parts.industry, parts.legal_form) == ("美佳", "食品", "limited")


def test_homophones_share_a_pinyin_key_and_look_alikes_a_shape_key():
    assert pinyin_key("美佳") == pinyin_key("美家") == "meijia"
    assert shape_key("华泰") == shape_key("毕秦")
    assert shape_key("华泰") != shape_key("华美")


@pytest.mark.parametrize("legal", sorted(LEGAL_FORMS))
def test_every_legal_form_is_recognised(legal):
    assert parse_name(f"苏州美佳食品{legal}").legal_form == LEGAL_FORMS[legal]


@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_full_width_and_half_width_forms_normalise_alike(text):
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert normalise_text(full_width) == normalise_text(text)


@given(trade_names, industries, legal_forms)
def test_traditional_characters_normalise_to_the_simplified_name(trade, industry, legal):
    name = f"苏州{trade}{industry}{legal}"
    assume(opencc.OpenCC("t2s").convert(S2T.convert(name)) == name)
    assert normalise_text(S2T.convert(name)) == normalise_text(name)


@given(st.text())
def test_parsing_never_fails_and_keeps_a_trade_name_when_there_is_text(text):
    parts = parse_name(text)
    if any(c.isalnum() for c in normalise_text(text)):
        assert parts.trade


@given(trade_names, industries, legal_forms, cities, st.sampled_from(["short", "full", "province", "both", "bracket"]))
def test_the_parts_of_a_composed_name_are_read_back(trade, industry, legal, city, style):
    if style == "bracket":
        name = f"{trade}{industry}（{city[0]}）{legal}"
    else:
        name = f"{region_written(city, style)}{trade}{industry}{legal}"
    parts = parse_name(name)
    assert (parts.trade, parts.industry, parts.city, parts.legal_form) == (trade, industry, city[1], LEGAL_FORMS[legal])
    assert parts.is_formal


@given(trade_names, industries, st.sampled_from(["分公司", "分店", "营业部"]), cities, cities)
def test_a_branch_keeps_its_parent_region_apart_from_its_own_place(trade, industry, word, home, place):
    parts = parse_name(f"{home[0]}{trade}{industry}有限公司{place[0]}{word}")
    assert (parts.trade, parts.city, parts.outlet, parts.outlet_city) == (trade, home[1], "branch", place[1])
    assert not parts.is_formal


@given(st.text(min_size=1))
def test_parsing_the_normalised_text_gives_the_same_parts(text):
    parts = parse_name(text)
    assert parse_name(parts.text) == parts
