"""When a restriction is active: always, in listed windows, or on a weekly schedule in local time.

`active_from_dict` / `active_to_dict` read and write the JSON form (the GeoJSON `active` property);
a bad form raises ValueError with a message marked for translation.

Each kind answers `intervals(t0, t1)`: the active intervals [start, end) (epoch seconds, unclipped)
that overlap [t0, t1). Weekly schedules are read in the restriction's own time zone (China Standard
Time by default); a daily window whose end is not after its start runs past midnight into the next
day (e.g. 22:00–06:00 night closures). `valid_from` / `valid_until` are inclusive local dates on which
a day's window may *start*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .problems import gettext_noop
from .volumes import TimeWindow

Interval = tuple[float, float]


@dataclass(frozen=True)
class Always:
    def intervals(self, t0: float, t1: float) -> list[Interval]:
        return [(t0, t1)] if t0 < t1 else []

    def describe(self) -> str:
        return "always"


@dataclass(frozen=True)
class Windows:
    windows: tuple[TimeWindow, ...]

    def intervals(self, t0: float, t1: float) -> list[Interval]:
        return sorted((w.t0, w.t1) for w in self.windows if w.t0 < t1 and t0 < w.t1)

    def describe(self) -> str:
        return ", ".join(
            f"{w.start.isoformat(timespec='minutes')}–{w.end.isoformat(timespec='minutes')}" for w in self.windows
        )


@dataclass(frozen=True)
class Weekly:
    weekdays: frozenset[int]  # 0 = Monday … 6 = Sunday
    start: time
    end: time
    timezone: str = "Asia/Shanghai"
    valid_from: date | None = None
    valid_until: date | None = None

    def __post_init__(self):
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError("weekdays must be a non-empty set of 0 (Monday) to 6 (Sunday)")

    def intervals(self, t0: float, t1: float) -> list[Interval]:
        zone = ZoneInfo(self.timezone)
        first = datetime.fromtimestamp(t0, zone).date() - timedelta(days=1)
        last = datetime.fromtimestamp(t1, zone).date()
        found = []
        day = first
        while day <= last:
            if self._runs_on(day):
                start = datetime.combine(day, self.start, zone).timestamp()
                end_day = day if self.end > self.start else day + timedelta(days=1)
                end = datetime.combine(end_day, self.end, zone).timestamp()
                if start < t1 and t0 < end:
                    found.append((start, end))
            day += timedelta(days=1)
        return found

    def _runs_on(self, day: date) -> bool:
        if day.weekday() not in self.weekdays:
            return False
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until
        )

    def describe(self) -> str:
        days = ",".join(str(d) for d in sorted(self.weekdays))
        return f"weekly on {days} {self.start:%H:%M}–{self.end:%H:%M} ({self.timezone})"


ActiveTimes = Always | Windows | Weekly


def active_from_dict(data: dict) -> ActiveTimes:
    """Read {"type": "always" | "windows" | "weekly", ...} (the GeoJSON `active` property); ValueError when bad."""
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "always":
        return Always()
    if kind == "windows":
        return Windows(tuple(_window(pair) for pair in data["windows"]))
    if kind == "weekly":
        weekdays = data["weekdays"]
        if not weekdays or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in weekdays):
            raise ValueError(gettext_noop("weekdays must be numbers from 0 (Monday) to 6 (Sunday)"))
        valid_from, valid_until = (
            date.fromisoformat(v) if v else None for v in (data.get("valid_from"), data.get("valid_until"))
        )
        if valid_from and valid_until and valid_until < valid_from:
            raise ValueError(gettext_noop("valid_until is before valid_from"))
        return Weekly(
            frozenset(weekdays),
            time.fromisoformat(data["start"]),
            time.fromisoformat(data["end"]),
            data.get("timezone", "Asia/Shanghai"),
            valid_from,
            valid_until,
        )
    raise ValueError(gettext_noop("type must be always, windows or weekly"))


def active_to_dict(active: ActiveTimes) -> dict:
    """The inverse of `active_from_dict`."""
    if isinstance(active, Windows):
        return {"type": "windows", "windows": [[w.start.isoformat(), w.end.isoformat()] for w in active.windows]}
    if isinstance(active, Weekly):
        return {
            "type": "weekly",
            "weekdays": sorted(active.weekdays),
            "start": active.start.strftime("%H:%M"),
            "end": active.end.strftime("%H:%M"),
            "timezone": active.timezone,
            "valid_from": active.valid_from.isoformat() if active.valid_from else None,
            "valid_until": active.valid_until.isoformat() if active.valid_until else None,
        }
    return {"type": "always"}


def _window(pair) -> TimeWindow:
    start, end = (datetime.fromisoformat(value) for value in pair)
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError(gettext_noop("times need a time zone, e.g. +08:00"))
    if end <= start:
        raise ValueError(gettext_noop("a window ends before it starts"))
    return TimeWindow(start, end)
