"""Chinese working days: official holidays and adjusted working days (chinese-calendar).

chinese-calendar knows the years whose holiday arrangement the State Council has published. For a
later year it raises; we then count Monday to Friday and say so once in the log, rather than
stopping the clock.
"""

import logging
from datetime import date, timedelta
from functools import cache, lru_cache

import chinese_calendar

log = logging.getLogger(__name__)


@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        _warn_unknown_year(day.year)
        return day.weekday() < 5


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
