"""A reproducible study system for the benchmark and for trying the engine at full size: one to
four provinces over the 8,760 hours of a year, profiles from `profiles.py`, one existing coal and
gas fleet per province, new solar, wind and battery storage, a 40 % renewable floor, corridors
between neighbouring provinces.

The yearly figures here are benchmark inputs of a plausible size, not a published scenario; the
reference scenario the app offers cites its figures in data/SOURCES.md."""

from .profiles import PublishedFigure, demand_profile, solar_profile, wind_profile
from .system import HOURS_PER_YEAR, Carrier, Link, Plant, Policy, Renewable, Storage, System, annualised_cost

# province: (name, latitude, longitude of its capital, yearly TWh, coal GW, gas GW, solar GW, wind GW)
PROVINCES = {
    "320000": ("Jiangsu", 32.06, 118.80, 700.0, 80.0, 20.0, 30.0, 20.0),
    "310000": ("Shanghai", 31.23, 121.47, 180.0, 15.0, 10.0, 3.0, 1.0),
    "330000": ("Zhejiang", 30.27, 120.16, 600.0, 50.0, 15.0, 30.0, 5.0),
    "340000": ("Anhui", 31.82, 117.23, 300.0, 55.0, 3.0, 25.0, 6.0),
}
CORRIDORS = (
    ("310000", "320000", 8000),
    ("310000", "330000", 8000),
    ("320000", "330000", 6000),
    ("320000", "340000", 8000),
    ("330000", "340000", 6000),
)
BENCH_SOLAR_HOURS = 1168.0
BENCH_WIND_HOURS = 2149.0


def bench_system(node_count: int, hours: int = HOURS_PER_YEAR) -> System:
    codes = tuple(PROVINCES)[:node_count]
    demand, plants, renewables, storage = {}, [], [], []
    for index, code in enumerate(codes):
        name, latitude, longitude, twh, coal, gas, solar, wind = PROVINCES[code]
        demand[code] = demand_profile(PublishedFigure(twh, "TWh", 2023, "benchmark input"))[:hours]
        plants += [
            Plant(f"{code}-coal", code, "coal", coal * 1000, 350),
            Plant(f"{code}-gas", code, "gas", gas * 1000, 650),
        ]
        sun = solar_profile(latitude, longitude, full_load_hours=PublishedFigure(BENCH_SOLAR_HOURS, "h", 2021, "bench"))
        breeze = wind_profile(PublishedFigure(BENCH_WIND_HOURS, "h", 2021, "bench"), seed=index)
        renewables += [
            Renewable(f"{code}-solar", code, "solar", sun[:hours], solar * 1000, capital_cost=SOLAR_COST),
            Renewable(f"{code}-wind", code, "wind", breeze[:hours], wind * 1000, capital_cost=WIND_COST),
        ]
        storage.append(
            Storage(f"{code}-battery", code, 0.95, 0.95, power_cost=BATTERY_POWER_COST, energy_cost=BATTERY_ENERGY_COST)
        )
    links = tuple(Link(f"{a}-{b}", a, b, mw) for a, b, mw in CORRIDORS if a in codes and b in codes)
    scale = hours / HOURS_PER_YEAR
    return System(
        nodes=codes,
        demand=demand,
        carriers=(
            Carrier("coal", 0.85),
            Carrier("gas", 0.38),
            Carrier("solar", renewable=True),
            Carrier("wind", renewable=True),
        ),
        plants=tuple(plants),
        renewables=tuple(r.__class__(**{**r.__dict__, "capital_cost": r.capital_cost * scale}) for r in renewables),
        storage=tuple(
            s.__class__(**{**s.__dict__, "power_cost": s.power_cost * scale, "energy_cost": s.energy_cost * scale})
            for s in storage
        ),
        links=links,
        policy=Policy(renewable_share=0.4),
        hours=hours,
    )


SOLAR_COST = annualised_cost(3.5e6, lifetime_years=25, discount_rate=0.06, fixed_om=4e4)
WIND_COST = annualised_cost(6.0e6, lifetime_years=25, discount_rate=0.06, fixed_om=1.2e5)
BATTERY_POWER_COST = annualised_cost(6.0e5, lifetime_years=15, discount_rate=0.06)
BATTERY_ENERGY_COST = annualised_cost(8.0e5, lifetime_years=15, discount_rate=0.06)
