"""Importing the chain from CSV/XLSX: all rows or none, every problem named by row and column."""

import io

import pytest
from openpyxl import Workbook

from yrd.core.tests.factories import EnterpriseFactory, jurisdiction
from yrd.industry.chain_io import import_file
from yrd.industry.models import Capacity, Enterprise, SupplyRelation

pytestmark = pytest.mark.django_db


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx_bytes(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_enterprises_import_from_xlsx_and_unknown_cities_and_usccs_are_named(world):
    known = EnterpriseFactory(jurisdiction=jurisdiction("320200"))
    data = xlsx_bytes(
        [
            ["uscc", "city", "tier", "certifications"],
            [known.uscc, "320200", "tier2", "IATF 16949"],
            ["91320000XXXXXXXXXX", "320200", "tier2", ""],
            [known.uscc, "999999", "tier2", ""],
        ]
    )
    result = import_file(acting_user=world.jiangsu, kind="enterprises", data=data)
    problems = {(e.row, e.column) for e in result.errors}
    assert problems == {(3, "uscc"), (4, "city")}
    assert not Enterprise.objects.filter(organisation=known).exists()
    good = xlsx_bytes([["uscc", "city", "tier", "certifications"], [known.uscc, "320200", "tier2", "IATF 16949"]])
    assert import_file(acting_user=world.jiangsu, kind="enterprises", data=good).created == 1
    assert Enterprise.objects.get(organisation=known).certification_list() == ["IATF 16949"]


def test_a_relations_file_with_one_bad_row_writes_nothing(world):
    data = csv_bytes(
        "supplier_uscc,customer_uscc,component,share_pct,lead_time_days,inventory_days",
        f"{world.cells.organisation.uscc},{world.ningbo_pack.organisation.uscc},battery-cell,100,2,3",
        f"{world.ningbo_pack.organisation.uscc},{world.shanghai_oem.organisation.uscc},battery-pack,30,2,3",
        f"{world.ningbo_pack.organisation.uscc},{world.shanghai_oem.organisation.uscc},unobtainium,30,2,3",
    )
    before = list(SupplyRelation.objects.values_list("pk", "share_pct"))
    result = import_file(acting_user=world.region, kind="relations", data=data)
    reasons = {(e.row, e.column): e.reason for e in result.errors}
    assert "Unknown component unobtainium" in reasons[(4, "component")]
    assert list(SupplyRelation.objects.values_list("pk", "share_pct")) == before


def test_shares_over_100_and_cycles_across_rows_of_one_file_are_named_and_nothing_is_kept(world):
    pack = world.ningbo_pack.organisation.uscc
    data = csv_bytes(
        "supplier_uscc,customer_uscc,component,share_pct,lead_time_days,inventory_days",
        f"{pack},{world.shanghai_oem.organisation.uscc},battery-pack,30,2,3",  # Shanghai already at 100%
        f"{pack},{world.cells.organisation.uscc},battery-cell,10,2,3",  # cells -> ningbo -> cells
    )
    before = SupplyRelation.objects.count()
    result = import_file(acting_user=world.region, kind="relations", data=data)
    reasons = {e.row: e.reason for e in result.errors}
    assert "130.00%" in reasons[2] and "supply itself" in reasons[3]
    assert SupplyRelation.objects.count() == before


def test_negative_capacities_are_refused_by_the_cell_parser(world):
    data = csv_bytes("uscc,component,annual_units", f"{world.cells.organisation.uscc},battery-cell,-5")
    result = import_file(acting_user=world.jiangsu, kind="capacities", data=data)
    assert [(e.row, e.column) for e in result.errors] == [(2, "annual_units")]
    assert Capacity.objects.get(enterprise=world.cells).annual_units == 9_000_000


def test_an_enterprise_may_not_import_relations_between_others(world):
    data = csv_bytes(
        "supplier_uscc,customer_uscc,component,share_pct,lead_time_days,inventory_days",
        f"{world.cells.organisation.uscc},{world.ningbo_pack.organisation.uscc},battery-cell,100,2,3",
    )
    result = import_file(acting_user=world.hefei_officer, kind="relations", data=data)
    assert result.errors and result.errors[0].row == 2


def test_a_dry_run_checks_without_writing(world):
    data = csv_bytes("uscc,component,annual_units", f"{world.cells.organisation.uscc},battery-cell,5")
    result = import_file(acting_user=world.jiangsu, kind="capacities", data=data, dry_run=True)
    assert result.ok and Capacity.objects.get(enterprise=world.cells).annual_units == 9_000_000
