import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from yrd.core.errors import Conflict
from yrd.green import writes
from yrd.green.models import ReportingPeriod

from .. import factories as f

pytestmark = pytest.mark.django_db

GOOD = (
    b"year,month,kind,quantity,unit\n2024,,grid_electricity,1000,MWh\n2024,,natural_gas,12,10^4 Nm3\n"
    b"2024,,value_added,5000,10^4 CNY\n2023,,grid_electricity,900,MWh\n"
)


def test_a_good_csv_creates_every_period(world):
    saved = writes.period_import(acting_user=world.sz_reporter, site=world.sz_factory, content=GOOD, filename="a.csv")
    assert sorted(p.label for p in saved) == ["2023", "2024"]
    assert ReportingPeriod.objects.get(site=world.sz_factory, year=2024).value_added == 5000


def test_one_bad_row_refuses_the_whole_file_and_names_the_row(world):
    bad = GOOD + b"2024,,diesel,-3,t\n2022,,natural_gas,5,t\n"
    with pytest.raises(ValidationError) as raised:
        writes.period_import(acting_user=world.sz_reporter, site=world.sz_factory, content=bad, filename="a.csv")
    errors = raised.value.message_dict
    assert errors["row 6"] == ["A quantity cannot be negative (got -3)."]
    assert "natural_gas is entered in t" in errors["row 7"][0]
    assert not ReportingPeriod.objects.filter(site=world.sz_factory).exists()


def test_a_row_for_a_reviewed_year_is_refused(world):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input(year=2023))
    writes.period_submit(acting_user=world.sz_reporter, period=period)
    writes.period_review(acting_user=world.sz_city, period=period)
    with pytest.raises(ValidationError) as raised:
        writes.period_import(acting_user=world.sz_reporter, site=world.sz_factory, content=GOOD, filename="a.csv")
    assert "reviewed" in raised.value.message_dict["period 2023"][0]
    assert not ReportingPeriod.objects.filter(site=world.sz_factory, year=2024).exists()


def test_an_xlsx_workbook_imports_like_a_csv(world):
    book = Workbook()
    sheet = book.active
    sheet.append(["year", "month", "kind", "quantity", "unit"])
    sheet.append([2024, 1, "grid_electricity", 80, "MWh"])
    sheet.append([2024, 2, "grid_electricity", 75, "MWh"])
    buffer = io.BytesIO()
    book.save(buffer)
    saved = writes.period_import(
        acting_user=world.sz_reporter, site=world.sz_factory, content=buffer.getvalue(), filename="months.xlsx"
    )
    assert sorted(p.label for p in saved) == ["2024-01", "2024-02"]


def test_a_file_without_the_columns_is_refused(world):
    with pytest.raises(ValidationError) as raised:
        writes.period_import(
            acting_user=world.sz_reporter, site=world.sz_factory, content=b"a,b\n1,2\n", filename="x.csv"
        )
    assert "columns" in raised.value.message_dict["file"][0]


def test_a_submitted_period_conflicts_when_saved_directly(world):
    period = writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
    writes.period_submit(acting_user=world.sz_reporter, period=period)
    with pytest.raises(Conflict):
        writes.period_save(acting_user=world.sz_reporter, site=world.sz_factory, data=f.period_input())
