"""Chinese working days: official holidays and adjusted working days.

The State Council publishes each year's arrangement late in the year before. `chinese-calendar`
knows the years it was released with; for a newer year an administrator enters the arrangement
(WorkdayOverride, in the admin), which is read before the package. A year neither knows is counted
Monday to Friday, and dates computed across it are *provisional*: pages and the API say so, and the
due dates of running clocks are computed again once the arrangement is entered.
"""

import logging
import time
from datetime import date, timedelta
from functools import cache

import chinese_calendar

from yrd.core.models import WorkdayOverride

log = logging.getLogger(__name__)
OVERRIDES_TTL = 60  # seconds an arrangement entered in another process may take to be seen here

_overrides: dict = {"at": -OVERRIDES_TTL, "days": {}, "years": frozenset()}


def _entered() -> dict:
    """The arrangement days entered by administrators, re-read at most once a minute."""
    if time.monotonic() - _overrides["at"] > OVERRIDES_TTL:
        days = dict(WorkdayOverride.objects.values_list("day", "is_workday"))
        _overrides.update(at=time.monotonic(), days=days, years=frozenset(d.year for d in days))
    return _overrides


def forget_entered_days() -> None:
    """After an arrangement day is added or changed in this process."""
    _overrides["at"] = -OVERRIDES_TTL
    _library_workday.cache_clear()


@cache
def _library_year(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def year_is_known(year: int) -> bool:
    """Whether the holiday arrangement of `year` is known (entered, or in the package)."""
    return year in _entered()["years"] or _library_year(year)


def is_provisional(start: date, end: date) -> bool:
    """Whether a period counts days of a year whose arrangement is not known yet."""
    return any(not year_is_known(year) for year in range(min(start, end).year, max(start, end).year + 1))


@cache
def _library_workday(day: date) -> bool:
    if _library_year(day.year):
        return chinese_calendar.is_workday(day)
    _warn_unknown_year(day.year)
    return day.weekday() < 5


def is_workday(day: date) -> bool:
    entered = _entered()["days"].get(day)
    return entered if entered is not None else _library_workday(day)


@cache
def _warn_unknown_year(year):
    log.warning("No official holiday arrangement for %s yet; counting Monday-Friday.", year)


def add_workdays(start: date, count: int) -> date:
    """The day that is `count` working days after `start` (count >= 0; 0 gives `start`)."""
    day, remaining = start, count
    while remaining > 0:
        day += timedelta(days=1)
        if is_workday(day):
            remaining -= 1
    return day


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when end is before start."""
    if end < start:
        return -workdays_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_workday(start + timedelta(days=n)))
