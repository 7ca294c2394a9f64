"""Timetables written the way a dispatcher writes them, e.g. ``daily 08:00 20:00; sat 10:30`` or
``mon-fri 06:15``: entries separated by ';', each a set of days (``daily``, a day, a range ``mon-fri``
or a list ``mon,wed,fri``) and one or more departure times HH:MM. `parse_departures` returns a
`Timetable` or raises ValueError naming the entry that is wrong; `format_departures` writes one back."""

import re

from .data import Timetable

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_departures(text: str) -> Timetable | None:
    """None for an empty text (no timetable: the mode leaves when loaded)."""
    entries = [e.strip() for e in (text or "").split(";") if e.strip()]
    if not entries:
        return None
    hours: set[float] = set()
    for entry in entries:
        days_word, *times = entry.lower().split()
        if not times:
            raise ValueError(f"“{entry}”: give the days, then at least one time HH:MM")
        days = _days(days_word, entry)
        for time in times:
            match = TIME.match(time)
            if not match:
                raise ValueError(f"“{entry}”: “{time}” is not a time HH:MM")
            for day in days:
                hours.add(day * 24 + int(match[1]) + int(match[2]) / 60)
    return Timetable(tuple(sorted(hours)))


def _days(word: str, entry: str) -> list[int]:
    if word == "daily":
        return list(range(7))
    days: list[int] = []
    for part in word.split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f"“{entry}”: “{part}” is not a day (mon … sun), a range mon-fri or “daily”")
        a, b = DAYS.index(first), DAYS.index(last or first)
        if b < a:
            raise ValueError(f"“{entry}”: the range “{part}” runs backwards")
        days += range(a, b + 1)
    return days


def format_departures(timetable: Timetable | None) -> str:
    if timetable is None:
        return ""
    by_time: dict[str, list[int]] = {}
    for h in timetable.week_hours:
        day, minutes = divmod(round(h * 60), 24 * 60)
        by_time.setdefault(f"{minutes // 60:02d}:{minutes % 60:02d}", []).append(day)
    entries = []
    for time, days in sorted(by_time.items()):
        word = "daily" if len(days) == 7 else ",".join(DAYS[d] for d in days)
        entries.append(f"{word} {time}")
    return "; ".join(entries)
