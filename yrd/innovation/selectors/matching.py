"""Matchmaking over what the platform holds: capabilities offered for matching, shared instruments and
public centres, one index per process, rebuilt when what it indexes was written. Exhibitions and their meetings."""

import threading
from dataclasses import dataclass

from django.db.models import QuerySet

from yrd.core.models import AuditEntry
from yrd.innovation.matching import Doc, Index
from yrd.innovation.models import Capability, Centre, Exhibition, Instrument, Meeting

_lock = threading.Lock()
_index: tuple[object, Index, dict] | None = None


@dataclass(frozen=True)
class Match:
    key: str
    kind: str
    title: str
    text: str
    province: str
    field: str
    price: float | None
    score: float


def _documents() -> list[tuple[Doc, Match]]:
    rows = []
    for c in Capability.objects.select_related("province"):
        price = float(c.price_cny) if c.price_cny is not None else None
        doc = Doc(f"capability:{c.code}", f"{c.title} {c.text}", c.province.code, c.field, price)
        rows.append((doc, Match(doc.key, c.get_kind_display(), c.title, c.text, c.province.code, c.field, price, 0)))
    for i in Instrument.objects.select_related("city__parent"):
        text = f"{i.name_zh} {i.name_en} {i.get_category_display()} {i.conditions}"
        doc = Doc(f"instrument:{i.code}", text, i.province.code, "instrument", float(i.hourly_price))
        rows.append(
            (
                doc,
                Match(doc.key, str(Instrument._meta.verbose_name), i.name, text, doc.province, doc.field, doc.price, 0),
            )
        )
    for c in Centre.objects.filter(is_public=True).select_related("city__parent"):
        text = f"{c.name_zh} {c.name_en} {c.field} {c.major_task} {c.partner}"
        doc = Doc(f"centre:{c.pk}", text, c.city.province.code, c.field)
        rows.append((doc, Match(doc.key, c.get_kind_display(), c.name, text, doc.province, c.field, None, 0)))
    return rows


INDEXED = ("innovation.Capability", "innovation.Instrument", "innovation.Centre")


def _indexed_version() -> tuple:
    """Changes only when what is indexed changes: the hash of the last audited write (page, API,
    import or admin) of a capability, instrument or centre — a hash, not a position, because positions
    repeat after a rolled-back write — and the row counts (a deletion outside the writes)."""
    last = AuditEntry.objects.filter(object_type__in=INDEXED).order_by("-seq").values_list("hash", flat=True)[:1]
    return (*last, Capability.objects.count(), Instrument.objects.count(), Centre.objects.count())


def index() -> tuple[Index, dict]:
    global _index
    version = _indexed_version()
    with _lock:
        if _index is None or _index[0] != version:
            rows = _documents()
            _index = (version, Index([doc for doc, _m in rows]), {doc.key: match for doc, match in rows})
        return _index[1], _index[2]


def match(query: str, *, province: str = "", field: str = "", budget: float | None = None, k: int = 10) -> list[Match]:
    """The capabilities best matching a need, in either language (public: nothing here is private)."""
    found, details = index()
    hits = found.search(query, k, province=province, field=field, budget=budget)
    return [Match(**{**details[h.key].__dict__, "score": round(h.score, 3)}) for h in hits]


def fields() -> list[str]:
    return sorted(set(Capability.objects.values_list("field", flat=True)))


def exhibitions() -> QuerySet[Exhibition]:
    return Exhibition.objects.select_related("city")


def meetings_of(exhibition: Exhibition) -> QuerySet[Meeting]:
    return exhibition.meetings.select_related("exhibitor", "buyer")
