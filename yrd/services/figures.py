"""Published figures (data/services.csv) as the public reads them: numbers with separators,
units and dates in the reader's language, and sources as publishers with links, not as IDs."""

import re
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext_lazy as _

# From data/SOURCES.md ("Services"): ID -> (publisher as a reader knows it, URL read).
SOURCES = {
    "PBH_2020": (_("paobohui.com news"), "http://www.paobohui.com/news/281506.htm"),
    "PBH_2022": (_("paobohui.com news"), "http://www.paobohui.com/news/320974.htm"),
    "AH_DAILY_2022": (
        _("Anhui Daily"),
        "http://ahxn.anhuinews.com/xnyw/202208/t20220829_6322446.html",
    ),
    "FAGOO_2022": (_("fagoo.com"), "http://www.fagoo.com/index.php?c=content&a=show&id=1870"),
    "CS_2019": (
        _("China Securities Journal (Xinhua)"),
        "https://cs.com.cn/xwzx/hg/201912/t20191203_6004630.html",
    ),
    "JSQD": (_("jsqdedu.cn"), "http://jsqdedu.cn/news/show-44520.html"),
    "JSCHINA_2023": (
        _("Jiangsu Network (jschina.com.cn)"),
        "https://english.jschina.com.cn/M/30144/202306/t20230607_7967376.shtml",
    ),
    "SINA_2024": (
        _("Sina Finance"),
        "https://finance.sina.cn/2024-06-06/detail-inaxuiuz4553595.d.html?vt=4",
    ),
    "PEOPLE_SSC": (
        _("People's Daily (via china.com)"),
        "https://news.china.com/domesticzq/13004215/20220930/43538691.html",
    ),
    "TIDE_2025": (_("Tide News"), "https://tidenews.com.cn/news.html?id=3145521"),
    "CD_2021": (
        _("China Daily"),
        "https://govt.chinadaily.com.cn/s/202104/21/WS6082307b498e7a02c6f6b0d7/"
        "yangtze-river-delta-region-calls-for-unified-government-services.html",
    ),
    "YPT_2021": (
        _("Yangpu Times"),
        "http://yptimes.shyp.gov.cn/html/2021-04/29/content_9406_13327249.htm",
    ),
    "CZ_WUJIN": (
        _("Changzhou administrative approval website"),
        "https://xzsp.changzhou.gov.cn/html/xzsp/2021/AEFDJONA_0423/5859.html",
    ),
    "FX361_2017": (_("fx361.cc"), "https://m.fx361.cc/news/2018/0122/4716178.html"),
}

# The fixed vocabulary of the CSV's unit column (its first word); the rest is the source's wording.
UNITS = {
    "items": _("items"),
    "windows": _("windows"),
    "cases": _("cases"),
    "times": _("times"),
    "persons": _("persons"),
    "person-times": _("person-times"),
    "cities": _("cities"),
    "points": _("points"),
}


@dataclass
class Source:
    name: str
    url: str = ""


@dataclass
class PublicFigure:
    name: str
    value: str
    unit: str
    unit_wording: str
    as_of: str
    notes: str
    sources: list


def _value(figure):
    value = figure.value
    return intcomma(int(value)) if value.isdigit() and figure.unit != "date" else value


def _unit(raw):
    """(translated unit, the source's own wording of the rest) for the unit column."""
    if raw == "date" or not raw:
        return "", ""
    head, _sep, rest = raw.partition(" ")
    if head in UNITS:
        return UNITS[head], rest.strip()
    return "", raw


def _as_of(raw):
    if raw == "n.d.":
        return _("no date given")
    if match := re.fullmatch(r"c\. (\d{4})", raw):
        return _("around %(year)s") % {"year": match.group(1)}
    return raw


def source_list(raw):
    """Sources as publishers with links. `raw` lists source IDs ("PBH_2020; CS_2019"), optionally
    after the figure they came with ("SV05: AH_DAILY_2022", as catalogue items keep them)."""
    found = []
    for code in (c.strip() for c in raw.rpartition(":")[2].split(";")):
        if code:
            name, url = SOURCES.get(code, (_("unnamed source"), ""))
            found.append(Source(str(name), url))
    return found


def _readable(text: str) -> str:
    """The source's notes with every source ID it mentions replaced by the publisher's name."""
    if not text:
        return text
    return re.sub(r"\b(" + "|".join(SOURCES) + r")\b", lambda m: str(SOURCES[m.group(1)][0]), text)


def public_figures(figures):
    rows = []
    for figure in figures:
        unit, wording = _unit(figure.unit)
        rows.append(
            PublicFigure(
                name=figure.name,
                value=_value(figure),
                unit=unit,
                unit_wording=wording,
                as_of=_as_of(figure.as_of),
                notes=_readable(figure.notes),
                sources=source_list(figure.source),
            )
        )
    return rows
