"""Property tests of the parsers and validators: whatever a cell holds, a parser answers with a value
or a CellError; whatever order relations arrive in, the stored chain never has a customer's shares
above 100% or a component passed back to one of its suppliers."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.actors import SYSTEM
from yrd.core.tables import CellError
from yrd.industry import writes
from yrd.industry.chain_io import parse_adcode, parse_tier
from yrd.industry.models import SupplyRelation

from . import factories as f

cells = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.dates())


@given(cells)
def test_the_adcode_parser_answers_six_digits_empty_or_a_cell_error(value):
    try:
        code = parse_adcode(value)
    except CellError:
        return
    assert code == "" or (len(code) == 6 and code.isdigit())


@given(cells)
def test_the_role_parser_answers_a_known_role_empty_or_a_cell_error(value):
    try:
        tier = parse_tier(value)
    except CellError:
        return
    assert tier in {"", "oem", "tier1", "tier2", "material"}


def reaches(edges: set, start: int, target: int) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == target:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(b for a, b in edges if a == node)
    return False


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(1, 100)), min_size=1, max_size=12))
def test_whatever_arrives_the_stored_chain_has_no_cycle_and_no_share_above_100(taxonomy, attempts):
    firms = [f.enterprise("320500", "tier2") for _ in range(5)]
    cell = f.component("battery-cell")
    stored = set()
    for supplier, customer, share in attempts:
        data = writes.RelationInput(firms[supplier], firms[customer], cell, Decimal(share), 1, Decimal(1))
        expected_ok = supplier != customer and not reaches(stored, customer, supplier)
        shares = sum(
            r.share_pct
            for r in SupplyRelation.objects.filter(customer=firms[customer], component=cell).exclude(
                supplier=firms[supplier]
            )
        )
        expected_ok = expected_ok and shares + share <= 100
        try:
            writes.relation_save(acting_user=SYSTEM, data=data)
        except ValidationError:
            assert not expected_ok
            continue
        assert expected_ok
        stored.add((supplier, customer))
    ids = [firm.pk for firm in firms]
    relations = SupplyRelation.objects.filter(customer_id__in=ids)
    for firm in ids:
        assert sum(r.share_pct for r in relations if r.customer_id == firm) <= 100
    edges = {(ids.index(r.supplier_id), ids.index(r.customer_id)) for r in relations}
    assert not any(reaches(edges, b, a) for a, b in edges)
