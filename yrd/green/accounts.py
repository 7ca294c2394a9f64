"""Glue between the stored records and the accounting engine: the factor catalogue read from the
database, a period's data as the engine's SiteData, and the account of a period — computed with the
catalogue's current factors while the period is open, and with the factors stored at review once it
is reviewed (so a factor added later never changes a reviewed year)."""

from decimal import Decimal

from yrd.green.accounting import (
    Account,
    Activity,
    Factor,
    FactorCatalogue,
    FactorSet,
    Output,
    Period,
    Publication,
    SiteData,
    Target,
    account,
)
from yrd.green.accounting.factors import parse_unit
from yrd.green.models import EmissionFactor, ReportingPeriod


def catalogue() -> FactorCatalogue:
    rows = EmissionFactor.objects.select_related("publication")
    return FactorCatalogue(factor_of(row) for row in rows)


def factor_of(row: EmissionFactor) -> Factor:
    p = row.publication
    numerator, denominator = parse_unit(row.unit)
    return Factor(
        id=row.code,
        quantity=row.quantity,
        region=row.region,
        data_year=row.data_year,
        value=Decimal(row.value).normalize(),
        numerator=numerator,
        denominator=denominator,
        publication=Publication(p.code, p.issuer, p.number, p.title_zh, p.title_en, p.published, p.url, p.read_via),
        table=row.table,
    )


def site_data(period: ReportingPeriod) -> SiteData:
    activities = [
        Activity(record.kind, Decimal(record.quantity), record.unit, period.month) for record in period.activities.all()
    ]
    output = Output(
        Decimal(period.output_quantity) if period.output_quantity is not None else None,
        period.site.output_unit or "unit",
        Decimal(period.value_added) if period.value_added is not None else None,
    )
    return SiteData(Period(period.year, period.month), activities, output)


def targets_of(period: ReportingPeriod) -> list[Target]:
    if period.month is not None:
        return []
    return [
        Target(t.metric, t.base_year, Decimal(t.base_value), t.target_year, Decimal(t.target_value))
        for t in period.site.targets.all()
    ]


def factors_for(period: ReportingPeriod) -> FactorSet:
    if period.state == ReportingPeriod.State.REVIEWED and period.factor_set:
        return FactorSet.from_dict(period.factor_set)
    return catalogue().select(year=period.year, province=period.site.province_code)


def account_of(period: ReportingPeriod) -> Account:
    """Raises AccountingError when the data or the catalogue cannot give an account."""
    return account(site_data(period), factors_for(period), targets_of(period))


def summary(result: Account) -> dict:
    """The figures stored with a reviewed period and published: strings, so no precision is lost."""

    def text(value):
        return None if value is None else str(value)

    return {
        "scope1": text(result.scope1),
        "scope2_location": text(result.scope2_location),
        "scope2_market": text(result.scope2_market),
        "total": text(result.total),
        "total_location": text(result.total_location),
        "renewable_share": text(result.renewable_share),
        "intensity_per_output": text(result.intensity_per_output),
        "output_unit": result.output_unit,
        "intensity_per_value_added": text(result.intensity_per_value_added),
        "electricity_consumed": text(result.electricity_consumed),
    }
