import pytest

from yrd.market.tests.factories import jiangsu_regulator, report, reporter, shanghai_regulator


@pytest.fixture
def people(reference):
    class People:
        suzhou = jiangsu_regulator()  # the report's incident is in Suzhou: a Jiangsu regulator works it
        shanghai = shanghai_regulator()
        reporter_zhang = reporter("zhang")

    return People


@pytest.fixture
def suzhou_report(people):
    return report(acting_user=people.reporter_zhang, reporter_email="zhang@example.test")
