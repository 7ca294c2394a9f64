"""Hourly profiles for a year study (8,760 hours, the non-leap year 2023's calendar, China Standard
Time), computed on the spot: nothing is downloaded.

- Solar: pvlib's Ineichen clear-sky irradiance at a location (Linke turbidity from the climatology
  pvlib ships), transposed to a south-facing plane tilted at the latitude, times a performance
  ratio; optionally scaled so that the year adds up to a published number of full-load hours
  (clear sky has no clouds, so unscaled it is an upper bound).
- Demand: a documented shape — month factors × an hour-of-day curve × a working-day/rest-day
  factor, each written out below — scaled so that the year adds up to a published consumption.
- Wind: a documented shape — month and hour-of-day factors × a slowly varying weather component
  (a seeded autoregressive series, so the same inputs always give the same profile) — scaled to a
  published number of full-load hours and clipped to [0, 1].

Published figures travel with their source (`PublishedFigure`) so that whoever reads a scenario can
see where every yearly number came from."""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pvlib

from .errors import PlanningInputError
from .system import HOURS_PER_YEAR

TIMEZONE = "Asia/Shanghai"
TWILIGHT = 1e-3  # per-unit output below this is set to 0: no plant produces it, and it only hurts the solver
SHAPE_YEAR = 2023  # a non-leap year: 8,760 hours


@dataclass(frozen=True)
class PublishedFigure:
    value: float
    unit: str
    year: int
    source: str  # publication or page it was read from (see data/SOURCES.md)


def hours_of_year() -> pd.DatetimeIndex:
    """Mid-points of the 8,760 hours, so solar geometry is evaluated at the middle of each hour."""
    start = pd.Timestamp(f"{SHAPE_YEAR}-01-01 00:30", tz=TIMEZONE)
    return pd.date_range(start, periods=HOURS_PER_YEAR, freq="h")


def solar_profile(
    latitude: float,
    longitude: float,
    *,
    performance_ratio: float = 0.86,
    full_load_hours: PublishedFigure | None = None,
) -> np.ndarray:
    """Per-unit PV output for each hour of the year (MW per MW installed)."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise PlanningInputError({"location": [f"({latitude}, {longitude}) is not a latitude and longitude."]})
    times = hours_of_year()
    location = pvlib.location.Location(latitude, longitude, tz=TIMEZONE)
    sky = location.get_clearsky(times, model="ineichen")
    sun = location.get_solarposition(times)
    plane = pvlib.irradiance.get_total_irradiance(
        abs(latitude),
        180 if latitude >= 0 else 0,
        sun["apparent_zenith"],
        sun["azimuth"],
        sky["dni"],
        sky["ghi"],
        sky["dhi"],
    )
    profile = (plane["poa_global"].fillna(0).to_numpy() / 1000 * performance_ratio).clip(0, 1)
    profile[profile < TWILIGHT] = 0.0
    return scaled_to_hours(profile, full_load_hours) if full_load_hours else profile


# Demand shape (assumed, documented here; not a published curve): a summer peak from air
# conditioning and a smaller winter peak, a dip in February (Spring Festival); an hour-of-day curve
# with a night trough, a late-morning plateau and an evening peak; rest days at 93 % of working days.
DEMAND_MONTH = np.array([1.02, 0.86, 0.97, 0.95, 0.96, 1.01, 1.12, 1.15, 1.02, 0.95, 0.97, 1.02])
DEMAND_HOUR = np.array(
    [
        0.80,
        0.77,
        0.75,
        0.74,
        0.75,
        0.79,
        0.87,
        0.96,
        1.05,
        1.10,
        1.12,
        1.10,
        1.04,
        1.08,
        1.11,
        1.11,
        1.09,
        1.08,
        1.12,
        1.14,
        1.12,
        1.06,
        0.97,
        0.87,
    ]
)
REST_DAY_FACTOR = 0.93


def demand_profile(annual_consumption: PublishedFigure) -> np.ndarray:
    """MW for each hour; adds up to the published yearly consumption (TWh, GWh or MWh)."""
    to_mwh = {"TWh": 1e6, "GWh": 1e3, "MWh": 1.0, "10^8 kWh": 1e5}
    if annual_consumption.unit not in to_mwh:
        raise PlanningInputError({"annual_consumption": [f"Unit {annual_consumption.unit} is not an energy unit."]})
    if not annual_consumption.value > 0:
        raise PlanningInputError({"annual_consumption": ["A yearly consumption is a positive number."]})
    times = hours_of_year()
    shape = DEMAND_MONTH[times.month - 1] * DEMAND_HOUR[times.hour]
    shape = shape * np.where(times.dayofweek >= 5, REST_DAY_FACTOR, 1.0)
    return shape / shape.sum() * annual_consumption.value * to_mwh[annual_consumption.unit]


# Wind shape (assumed, documented here): stronger in winter and spring, weaker in late summer;
# somewhat stronger at night than at midday; weather systems of a few days as an AR(1) series
# with a 36-hour memory.
WIND_MONTH = np.array([1.15, 1.15, 1.12, 1.05, 0.95, 0.85, 0.85, 0.80, 0.88, 1.00, 1.10, 1.15])
WIND_HOUR = 1 + 0.12 * np.cos(2 * np.pi * (np.arange(24) - 2) / 24)
WIND_MEMORY_HOURS = 36


def wind_profile(full_load_hours: PublishedFigure, *, seed: int = 0) -> np.ndarray:
    """Per-unit wind output for each hour; adds up to the published full-load hours."""
    times = hours_of_year()
    rng = np.random.default_rng(seed)
    keep = np.exp(-1 / WIND_MEMORY_HOURS)
    weather = np.empty(HOURS_PER_YEAR)
    weather[0] = 0.0
    shocks = rng.normal(0, np.sqrt(1 - keep**2), HOURS_PER_YEAR)
    for hour in range(1, HOURS_PER_YEAR):
        weather[hour] = keep * weather[hour - 1] + shocks[hour]
    shape = WIND_MONTH[times.month - 1] * WIND_HOUR[times.hour] * np.exp(0.6 * weather)
    return scaled_to_hours(shape / shape.max(), full_load_hours)


def scaled_to_hours(profile: np.ndarray, full_load_hours: PublishedFigure) -> np.ndarray:
    """`profile` rescaled so its sum is the published full-load hours, never above 1 in any hour."""
    target = full_load_hours.value
    if not 0 < target < HOURS_PER_YEAR:
        raise PlanningInputError({"full_load_hours": [f"{target:g} h is not between 0 and {HOURS_PER_YEAR:,} h."]})
    scaled = profile.astype(float)
    for _ in range(50):  # clipping at 1 loses energy; a few rounds of rescaling restore the total
        scaled = np.clip(scaled * target / scaled.sum(), 0, 1)
        if abs(scaled.sum() - target) < 1e-6 * target:
            return scaled
    raise PlanningInputError({"full_load_hours": [f"{target:g} h cannot be reached by this profile's shape."]})
