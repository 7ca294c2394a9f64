from decimal import Decimal

from yrd.green.accounting import Activity, Output, Period, SiteData, Target, account

from .factories import factor_set


def one_site(value_added=Decimal(1000), output=Decimal(500)):
    data = SiteData(
        Period(2024), [Activity("grid_electricity", Decimal(1000), "MWh")], Output(output, "t", value_added)
    )
    return data


def test_intensity_per_output_and_per_value_added():
    result = account(one_site(), factor_set(grid="0.6", residual="0.6"))
    assert result.total == Decimal(600)
    assert result.intensity_per_output == Decimal("1.2")
    assert result.intensity_per_value_added == Decimal("0.6")


def test_value_added_in_yuan_is_converted_to_ten_thousand_yuan():
    data = SiteData(
        Period(2024),
        [Activity("grid_electricity", Decimal(1000), "MWh")],
        Output(None, "", Decimal(10_000_000), "CNY"),
    )
    assert account(data, factor_set(grid="0.6", residual="0.6")).intensity_per_value_added == Decimal("0.6")


def test_no_intensity_without_a_denominator():
    result = account(one_site(value_added=None, output=None), factor_set())
    assert result.intensity_per_output is None and result.intensity_per_value_added is None


def test_progress_against_an_intensity_target_on_a_straight_path():
    target = Target("intensity_per_value_added", 2020, Decimal("1.0"), 2025, Decimal("0.5"))
    (progress,) = account(one_site(), factor_set(grid="0.6", residual="0.6"), [target]).progress
    assert progress.current == Decimal("0.6")
    assert progress.achieved == Decimal("0.8")
    assert progress.expected_now == Decimal("0.6")  # four of five years along the way from 1.0 to 0.5
    assert progress.on_track is True


def test_a_renewable_share_target_is_met_by_going_up():
    data = SiteData(
        Period(2024),
        [Activity("grid_electricity", Decimal(500), "MWh"), Activity("own_renewable_electricity", Decimal(500), "MWh")],
    )
    target = Target("renewable_share", 2022, Decimal("0.2"), 2026, Decimal("0.8"))
    (progress,) = account(data, factor_set(), [target]).progress
    assert progress.current == Decimal("0.5")
    assert progress.on_track is True and progress.achieved == Decimal("0.5")


def test_progress_is_unknown_without_the_figure():
    target = Target("intensity_per_output", 2020, Decimal(2), 2025, Decimal(1))
    (progress,) = account(one_site(output=None), factor_set(), [target]).progress
    assert progress.current is None and progress.on_track is None
