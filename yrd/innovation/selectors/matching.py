"""Matchmaking over what the platform holds: capabilities offered for matching, shared instruments and
public centres, one index per process and data version (see `index`). Exhibitions and their meetings."""

import threading
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from yrd.core.access import can, grants
from yrd.core.models import AuditEntry, Organisation
from yrd.innovation.apps import BOOK, INSTRUMENT, REGISTRY
from yrd.innovation.matching import Doc, Index, TokenCache
from yrd.innovation.models import Capability, Centre, Exhibition, Instrument, Meeting, Participant

_lock = threading.Lock()


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
    exhibitors = Participant.objects.filter(
        role=Participant.Role.EXHIBITOR, exhibition__ends_on__gte=timezone.localdate()
    )
    for p in exhibitors.exclude(offer="").select_related("organisation__jurisdiction__parent", "exhibition"):
        text = f"{p.organisation.name_zh} {p.organisation.name_en} {p.offer}"
        doc = Doc(f"exhibitor:{p.pk}", text, p.organisation.jurisdiction.province.code, "exhibitor")
        title = f"{p.organisation.name} · {p.exhibition.name}"
        kind = str(Participant.Role.EXHIBITOR.label)
        rows.append((doc, Match(doc.key, kind, title, p.offer, doc.province, doc.field, None, 0)))
    return rows


INDEXED = ("innovation.Capability", "innovation.Instrument", "innovation.Centre", "innovation.Participant")
# Up to this many documents a stale index is rebuilt in the request that finds it stale (well under a
# second); above it the request answers from the previous version while a thread builds the new one.
INLINE_LIMIT = 5_000


def _indexed_version() -> tuple:
    """Changes only when what is indexed changes: the hash of the last audited write (page, API,
    import or admin) of a capability, instrument, centre or exhibitor — a hash, not a position, because positions
    repeat after a rolled-back write — and the row counts (a deletion outside the writes)."""
    last = AuditEntry.objects.filter(object_type__in=INDEXED).order_by("-seq").values_list("hash", flat=True)[:1]
    counts = (Capability.objects.count(), Instrument.objects.count(), Centre.objects.count())
    # exhibitors of coming exhibitions only: the version also moves on the day an exhibition ends
    return (*last, *counts, Participant.objects.count(), timezone.localdate())


@dataclass(frozen=True)
class Built:
    version: tuple
    index: Index
    details: dict


class _State:
    """The process's index, keyed by the data version, and the words of every document kept between
    builds (`TokenCache`: a rebuild segments only what changed). `building` is the version a
    background thread is building, if any."""

    def __init__(self):
        self.built: Built | None = None
        self.words = TokenCache()
        self.building: tuple | None = None


_state = _State()
_build_lock = threading.Lock()  # one builder at a time (the token cache is not thread-safe)


def _build(version: tuple) -> Built:
    with _build_lock:
        if _state.built is not None and _state.built.version == version:
            return _state.built  # another request or the thread built this version while we waited
        rows = _documents()
        docs = [doc for doc, _m in rows]
        built = Built(version, Index(docs, corpus_tokens=_state.words.corpus(docs)), {d.key: m for d, m in rows})
        _state.built = built
        return built


def _build_in_background(version: tuple) -> None:
    def run():
        try:
            _build(version)
        finally:
            with _lock:
                if _state.building == version:  # not a newer version's thread started meanwhile
                    _state.building = None
            connection.close()  # the thread's own connection

    _state.building = version
    threading.Thread(target=run, name="innovation-match-index", daemon=True).start()


def _corpus_size() -> int:
    return Capability.objects.count() + Instrument.objects.count() + Centre.objects.count()


def index() -> tuple[Index, dict]:
    """The index of the current data version. Built once per version and kept in process memory;
    after a write, a small index is rebuilt on first use, a large one (above INLINE_LIMIT documents)
    in a background thread while queries read the previous version (in a new process, where there is
    no previous version, they find nothing and the page says the index is being built)."""
    version = _indexed_version()
    with _lock:
        built = _state.built
        if built is not None and built.version == version:
            return built.index, built.details
        large = len(built.index) > INLINE_LIMIT if built is not None else _corpus_size() > INLINE_LIMIT
        if large:
            if _state.building != version:
                _build_in_background(version)
            if built is None:  # a new process: nothing to answer from until the first build is done
                return Index([]), {}
            return built.index, built.details
    built = _build(version)
    return built.index, built.details


def index_building() -> bool:
    """True while a newer index is being built (answers come from the previous version)."""
    return _state.building is not None


def match(query: str, *, province: str = "", field: str = "", budget: float | None = None, k: int = 10) -> list[Match]:
    """The capabilities best matching a need, in either language (public: nothing here is private)."""
    found, details = index()
    hits = found.search(query, k, province=province, field=field, budget=budget)
    return [Match(**{**details[h.key].__dict__, "score": round(h.score, 3)}) for h in hits]


def fields() -> list[str]:
    return sorted(set(Capability.objects.values_list("field", flat=True)))


def exhibitions() -> QuerySet[Exhibition]:
    return Exhibition.objects.select_related("city")


def calendar() -> list[tuple[str, list[Exhibition]]]:
    """The exhibitions by month ("2026-11"), the coming ones first, then the past ones latest first."""
    today = timezone.localdate()
    counted = exhibitions().annotate(
        n_exhibitors=Count("participants", filter=Q(participants__role=Participant.Role.EXHIBITOR)),
        n_buyers=Count("participants", filter=Q(participants__role=Participant.Role.BUYER)),
    )
    coming = list(counted.filter(ends_on__gte=today).order_by("starts_on"))
    past = list(counted.filter(ends_on__lt=today).order_by("-starts_on"))
    months: dict[str, list[Exhibition]] = {}
    for show in coming + past:
        months.setdefault(show.starts_on.strftime("%Y-%m"), []).append(show)
    return list(months.items())


def participants(exhibition: Exhibition, role: str) -> QuerySet[Participant]:
    """Exhibitors and buyers are organisations taking part in a public fair: public."""
    return exhibition.participants.filter(role=role).select_related("organisation")


def organisations_of(user, role: str) -> QuerySet[Organisation]:
    """The organisations the user acts for at a fair: a firm's people for either role, an instrument
    provider's as an exhibitor."""
    actions = {BOOK, INSTRUMENT} if role == Participant.Role.EXHIBITOR else {BOOK}
    ids = [g.organisation_id for g in grants(user) if actions & set(g.actions) and g.organisation_id]
    return Organisation.objects.filter(pk__in=ids)


def meetings_visible_to(user, exhibition: Exhibition) -> QuerySet[Meeting]:
    """All meetings for the science officers of the exhibition's city; otherwise those of the
    organisations the user acts for (a meeting is between two parties, not public)."""
    rows = exhibition.meetings.select_related("exhibitor", "buyer")
    if can(user, REGISTRY, exhibition):
        return rows
    mine = organisations_of(user, Participant.Role.EXHIBITOR)
    return rows.filter(Q(exhibitor__in=mine) | Q(buyer__in=mine))


def slots(exhibition: Exhibition) -> list[datetime]:
    """Every slot start of the exhibition: each day from 09:00 to 17:00 on its grid."""
    step = timedelta(minutes=exhibition.slot_minutes)
    found, day = [], exhibition.starts_on
    while day <= exhibition.ends_on:
        moment = timezone.make_aware(datetime.combine(day, time(9)))
        while moment + step <= timezone.make_aware(datetime.combine(day, time(17))):
            found.append(moment)
            moment += step
        day += timedelta(days=1)
    return found


def free_slots(exhibition: Exhibition, exhibitor: Organisation, buyer: Organisation) -> list[datetime]:
    """Slots in which neither the exhibitor nor the buyer has a meeting yet."""
    taken = set(exhibition.meetings.filter(Q(exhibitor=exhibitor) | Q(buyer=buyer)).values_list("starts_at", flat=True))
    return [s for s in slots(exhibition) if s not in taken]
