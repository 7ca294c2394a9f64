"""Where the plan's reference data comes from, as readers know it: the source IDs of data/plan.csv
(see data/SOURCES.md) turned into a publisher's name and the address that was read. Pages show
these, never the IDs."""

import logging
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

# From data/SOURCES.md, "Three-Year Action Plan 2024-2026 (plan.csv)": ID -> (publisher, URL read).
SOURCES = {
    "XINHUA_ZH": (
        _("Xinhua News Agency, 25 July 2024 (Guangming Online)"),
        "https://politics.gmw.cn/2024-07/25/content_37460738.htm",
    ),
    "SHGOV_EN": (
        _("Shanghai Municipal People's Government (English portal)"),
        "https://english.shanghai.gov.cn/en-Policies/20240731/538a0a5b68dd47c8bbc1e107b32bfaaa.html",
    ),
    "PR_ZH_COPY": (
        _("Summary of the press conference of 25 July 2024 (repost)"),
        "http://weimeishiting.com/case/1738.html",
    ),
    "SHINE": (_("SHINE (Shanghai Daily)"), "https://www.shine.cn/news/metro/2407250266/"),
    "PEOPLE_EN": (_("People's Daily Online (English)"), "http://en.people.cn/n3/2024/0726/c90000-20198421.html"),
    "DAWAN_CITY": (_("Dawan News (repost)"), "http://www.x9aky.com/newsflash/2024/0725/2719429.html"),
    "SHIO_PR": (
        _("Shanghai Municipal Information Office (press release)"),
        "https://en.shio.gov.cn/TrueCMS/shxwbgs/newss/content/20240725233654352.html",
    ),
    "NAXIE": (_("naxietime.com"), "http://naxietime.com/site/content/17874.html"),
}
SOURCE_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b")


@dataclass(frozen=True)
class Source:
    name: str
    url: str


def cited(raw: str) -> list[Source]:
    """The sources a `source` field names ("PR_ZH_COPY; SHGOV_EN"), each once, in order. An ID
    this module does not know is logged and left out rather than shown as a code."""
    found = []
    for source_id in dict.fromkeys(SOURCE_ID.findall(raw or "")):
        if source_id in SOURCES:
            name, url = SOURCES[source_id]
            found.append(Source(str(name), url))
        else:
            log.warning("Unknown plan source ID %r in %r", source_id, raw)
    return found
