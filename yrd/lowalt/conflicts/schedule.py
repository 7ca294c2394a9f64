"""When a restriction is active: always, in listed windows, or on a weekly schedule in local time.

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
