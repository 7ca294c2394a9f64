"""Emissions accounting for parks and factories (scope 1 and 2), as plain Python.

catalogue = FactorCatalogue.published()
factors = catalogue.select(year=2024, province="320000")
result = account(SiteData(Period(2024), [Activity("natural_gas", Decimal(120), "10^4 Nm3")]), factors)
for line in result.lines: print(line.formula())
"""

from .activity import ELECTRICITY, FUELS, METRICS, Activity, Kind, Output, Period, SiteData, Target, validate
from .calculate import Account, Line, Progress, Step, account, fmt
from .errors import AccountingError
from .factors import Factor, FactorCatalogue, FactorSet, FuelParameters, Publication
from .units import UNITS, convert

__all__ = [
    "ELECTRICITY",
    "FUELS",
    "METRICS",
    "UNITS",
    "Account",
    "AccountingError",
    "Activity",
    "Factor",
    "FactorCatalogue",
    "FactorSet",
    "FuelParameters",
    "Kind",
    "Line",
    "Output",
    "Period",
    "Progress",
    "Publication",
    "SiteData",
    "Step",
    "Target",
    "account",
    "convert",
    "fmt",
    "validate",
]
