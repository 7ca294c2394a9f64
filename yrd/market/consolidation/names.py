"""Normalisation and structure of Chinese enterprise names.

`normalise_text` folds what does not distinguish two firms: full- and half-width forms (NFKC), traditional
characters (OpenCC t2s), bracket styles, spaces and decorative punctuation, letter case.

`parse_name` reads a name as [region] trade-name [industry] [(region)] [legal form] [branch place + branch word |
online-shop word | shop word] — e.g. 江苏省苏州市美佳食品有限公司杭州分公司 → region 江苏省苏州市 (city 320500),
trade 美佳, industry 食品, legal form `limited`, outlet `branch` in 330100. Each part is a separate comparison
feature of the linkage model; `trade_pinyin` (pypinyin, toneless) and `trade_shape` (look-alike characters folded)
let homophones and look-alike characters meet.

Contract: both functions are total (any string in, no exception) and idempotent on their own output; the trade
name is never empty when the input has a letter, digit or CJK character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc
from pypinyin import lazy_pinyin
from rapidfuzz.distance import Levenshtein

from .lexicon import (
    INDUSTRY_WORDS,
    LEGAL_FORMS,
    OUTLET_KINDS,
    Division,
    lookalike_table,
    region_entries,
    region_forms,
)

_T2S = opencc.OpenCC("t2s")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")", "{": "(", "}": ")"})
_NOISE = re.compile(r"[\s·•・'\"“”‘’「」『』《》<>,，、.。;；:：!！?？*#_]+")
_BRACKET_GROUP = re.compile(r"\(([^()]*)\)")
_MIN_TRADE = 2  # a trade name (字号) has at least two characters by the naming rules; never strip below that


def _longest_first(words) -> re.Pattern:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_OUTLET_SUFFIX = re.compile(f"(?:{_longest_first(OUTLET_KINDS)})$")
_LEGAL_SUFFIX = re.compile(f"(?:{_longest_first(LEGAL_FORMS)})$")
_INDUSTRY_SUFFIX = re.compile(f"(?:{_longest_first(INDUSTRY_WORDS)})$")
_ONLY_INDUSTRY = re.compile(f"(?:{_longest_first(INDUSTRY_WORDS)})+")
_REGION_PREFIX = re.compile(f"(?:{_longest_first(region_forms())})")
_REGION_SUFFIX = re.compile(f"(?:{_longest_first(region_forms())})$")
_FUZZY_LEGAL = tuple(form for form in LEGAL_FORMS if len(form) >= 4)


@dataclass(frozen=True, slots=True)
class NameParts:
    text: str  # the normalised full name
    region: str | None  # the region words as written (苏州市, 江苏苏州, 苏州 from a bracket)
    city: str | None  # city adcode of that region; None when absent or ambiguous (鼓楼区 alone)
    province: str | None  # two-digit province code of that region
    trade: str  # trade name (字号)
    industry: str | None
    legal_form: str | None  # class: limited | joint_stock | company | sole | partnership
    outlet: str | None  # branch | online | shop
    outlet_word: str | None
    outlet_city: str | None  # city adcode of a branch's place when named (…有限公司杭州分公司)

    @property
    def is_formal(self) -> bool:
        """A registered name with a legal form and not an outlet: its region is the registration region."""
        return self.legal_form is not None and self.outlet is None

    @property
    def trade_pinyin(self) -> str:
        return pinyin_key(self.trade)

    @property
    def trade_shape(self) -> str:
        return shape_key(self.trade)


def plausible_trade_name(text: str) -> bool:
    """Whether `text` can be a trade name under the naming rules: at least two characters, not beginning with
    an administrative division's name, not ending in an industry word, a legal form or an outlet word."""
    return (
        len(text) >= _MIN_TRADE
        and _REGION_PREFIX.match(text) is None
        and not any(pattern.search(text) for pattern in (_INDUSTRY_SUFFIX, _LEGAL_SUFFIX, _OUTLET_SUFFIX))
    )


def normalise_text(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "")
    text = _T2S.convert(text).translate(_BRACKETS)
    text = _NOISE.sub("", text).replace("()", "").upper()
    return unicodedata.normalize("NFKC", text)  # removing a space can leave a combining mark to compose


def pinyin_key(text: str) -> str:
    """Toneless pinyin of every character, so 美佳 and 美家 share a key; other characters pass through. Each
    character is read alone (its commonest reading), so one character always sounds the same in every name."""
    return "".join(_char_pinyin(char) for char in text)


@lru_cache(maxsize=50_000)
def _char_pinyin(char: str) -> str:
    return lazy_pinyin(char)[0]


def shape_key(text: str) -> str:
    return text.translate(lookalike_table())


@lru_cache(maxsize=500_000)
def parse_name(raw: str) -> NameParts:
    text = normalise_text(raw)
    rest, bracket_regions, bracket_form = _take_brackets(text)
    outlet_word, rest = _take_suffix(_OUTLET_SUFFIX, rest)
    outlet_city = None
    if outlet_word and OUTLET_KINDS[outlet_word] == "branch":
        place, rest = _take_suffix(_REGION_SUFFIX, rest)
        outlet_city = _resolve_city([place]) if place else None
    legal_text, rest = _take_legal_form(rest)
    prefix, rest = _take_region_prefix(rest)
    industry, trade = _split_industry(rest)
    region_words = prefix + bracket_regions
    city, province = _resolve(region_words)
    legal = LEGAL_FORMS[legal_text] if legal_text else bracket_form
    return NameParts(
        text=text,
        region="".join(region_words) or None,
        city=city,
        province=province,
        trade=trade,
        industry=industry,
        legal_form=legal,
        outlet=OUTLET_KINDS[outlet_word] if outlet_word else None,
        outlet_word=outlet_word,
        outlet_city=outlet_city,
    )


def _take_brackets(text: str) -> tuple[str, list[str], str | None]:
    """Pull bracketed regions (美佳食品（苏州）有限公司) and partnership forms out; keep other bracket text inline."""
    regions: list[str] = []
    legal: list[str] = []

    def replace(match: re.Match) -> str:
        inner = match.group(1)
        if inner in region_forms():
            regions.append(inner)
            return ""
        if inner in LEGAL_FORMS:
            legal.append(LEGAL_FORMS[inner])
            return ""
        return "" if inner == "集团" else inner

    rest = _BRACKET_GROUP.sub(replace, text).replace("(", "").replace(")", "")
    return rest, regions, legal[0] if legal else None


def _take_suffix(pattern: re.Pattern, text: str) -> tuple[str | None, str]:
    match = pattern.search(text)
    if match is None or match.start() < 1:
        return None, text
    return match.group(0), text[: match.start()]


def _take_legal_form(text: str) -> tuple[str | None, str]:
    form, rest = _take_suffix(_LEGAL_SUFFIX, text)
    if form is not None:
        return form, rest
    for candidate in _FUZZY_LEGAL:  # a typo in the legal form (有限公可) still ends the name
        tail = text[-len(candidate) :]
        if len(text) > len(candidate) + 1 and Levenshtein.distance(tail, candidate, score_cutoff=1) <= 1:
            return candidate, text[: -len(candidate)]
    return None, text


def _take_region_prefix(text: str) -> tuple[list[str], str]:
    words: list[str] = []
    while match := _REGION_PREFIX.match(text):
        after = text[match.end() :]
        if len(after) < _MIN_TRADE or _ONLY_INDUSTRY.fullmatch(after):
            break  # the word is the trade name itself (苏州永康食品有限公司), not one more region
        words.append(match.group(0))
        text = text[match.end() :]
    return words, text


def strip_region_words(text: str) -> str:
    """Drop every leading province / city / district word (for addresses: 江苏省苏州市姑苏区人民路1号 → 人民路1号)."""
    while match := _REGION_PREFIX.match(text):
        text = text[match.end() :]
    return text


def _split_industry(text: str) -> tuple[str | None, str]:
    words: list[str] = []
    while (match := _INDUSTRY_SUFFIX.search(text)) and match.start() >= _MIN_TRADE:
        words.insert(0, match.group(0))
        text = text[: match.start()]
    return ("".join(words) or None), text


def _resolve(words: list[str]) -> tuple[str | None, str | None]:
    """The city and province a sequence of region words names; each word narrows the candidates. 江苏 + 鼓楼区
    leaves Nanjing and Xuzhou: the city stays unknown, the province is Jiangsu."""
    province = None
    cities: set[str] | None = None
    for word in words:
        entries = region_entries(word)
        province = _province_of(entries) or province
        found = {d.city_adcode for d in entries if d.city_adcode}
        if found:
            cities = found if cities is None else (cities & found) or found
    if province and cities:
        cities = {c for c in cities if c.startswith(province)} or cities
    city = next(iter(cities)) if cities and len(cities) == 1 else None
    if city:
        province = city[:2]
    elif cities and len({c[:2] for c in cities}) == 1:
        province = next(iter(cities))[:2]
    return city, province


def _province_of(entries: tuple[Division, ...]) -> str | None:
    codes = {d.adcode[:2] for d in entries}
    return next(iter(codes)) if len(codes) == 1 else None


def _resolve_city(words: list[str]) -> str | None:
    return _resolve(words)[0]
