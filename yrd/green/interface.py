"""What other modules may use of the green module (they never import its models, writes or
selectors): the published figures, as plain values."""

from decimal import Decimal

from yrd.green import stats


def storage_gw_by_stage() -> dict[str, Decimal]:
    """GW of storage in operation, under construction, and planned or approved, region-wide."""
    return {
        "operation": stats.storage_operating_gw(),
        "construction": stats.storage_building_gw(),
        "planned": stats.storage_planned_gw(),
    }


def certified_counts() -> dict[str, int]:
    return {"parks": stats.certified_parks(), "factories": stats.certified_factories()}


def intensity_trend() -> list[tuple[int, Decimal | None]]:
    """(year, tCO2 per 10^4 CNY of value added) over reviewed whole years of all sites."""
    return stats.intensity_trend()
