"""The global access matrix: every page and API operation of every module, asked as every persona
kind of its module (each role in its own and in another jurisdiction, a signed-in stranger and an
anonymous visitor), must answer as the table (table.py) says: reached (+) or refused (-), never a
5xx. An endpoint the table does not list fails the first test, so a new module or page joins the
matrix when it lands. The admin's pages are asked as an anonymous visitor and as a signed-in person
without staff status: every one must send them to log in.

Writing the table anew after a deliberate change: `ACCESS_MATRIX_WRITE=/tmp/observed.py pytest ...`
writes what was observed, in the table's format, for reading against table.py."""

import os
from pathlib import Path

import pytest
from django.test import Client

from yrd.core.tests.factories import person

from . import harness, worlds
from .table import PERSONAS, TABLE

# Access rules do not depend on the database; the matrix asks ~3,000 requests.
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="access rules do not depend on the database: the matrix runs in the SQLite leg only",
)
SESSION_ENDING = {"page accounts/logout/"}


@pytest.fixture(scope="module")
def all_endpoints():
    return harness.endpoints()


def test_every_endpoint_is_in_the_table_and_the_table_names_no_other(all_endpoints):
    known = {key for module in TABLE.values() for key in module}
    found = {e.key for e in all_endpoints}
    assert sorted(found - known) == [], "endpoints missing from the access table (yrd/tests/access_matrix/table.py)"
    assert sorted(known - found) == [], "the access table lists endpoints that no longer exist"
    misplaced = [e.key for e in all_endpoints if e.key not in TABLE[e.module]]
    assert misplaced == []


def test_each_row_has_one_answer_per_persona():
    for module, rows in TABLE.items():
        for key, row in rows.items():
            assert len(row) == len(PERSONAS[module]) and set(row) <= {"+", "-"}, (module, key)


def observe(module, module_endpoints):
    people, values = worlds.BUILDERS[module]()
    if not os.environ.get("ACCESS_MATRIX_WRITE"):
        assert tuple(people) == PERSONAS[module]
    clients = harness.clients(people)
    observed = {}
    for endpoint in module_endpoints:
        url = harness.fill(endpoint.route, worlds.values_for(values, endpoint.route))
        row = []
        for name, user in people.items():
            client = clients[name]
            if endpoint.key in SESSION_ENDING:
                client = harness.clients({name: user})[name]
            row.append(harness.outcome(harness.ask(client, endpoint, url)))
        observed[endpoint.key] = "".join(row)
    return tuple(people), observed


def write_observed(module, people, observed):
    target = os.environ.get("ACCESS_MATRIX_WRITE")
    if not target:
        return
    with Path(target).open("a") as out:
        out.write(f"\nPERSONAS[{module!r}] = {people!r}\n")
        out.write(f"TABLE[{module!r}] = {{\n")
        for key, row in observed.items():
            out.write(f"    {key!r}: {row!r},\n")
        out.write("}\n")


@pytest.mark.parametrize("module", harness.MODULES)
def test_every_persona_reaches_exactly_what_the_table_allows(reference, all_endpoints, module):
    people, observed = observe(module, [e for e in all_endpoints if e.module == module])
    write_observed(module, people, observed)
    broken = {key: row for key, row in observed.items() if "E" in row}
    assert broken == {}, f"5xx answers ({', '.join(people)})"
    differences = {
        key: f"expected {TABLE.get(module, {}).get(key)} got {row}"
        for key, row in observed.items()
        if TABLE.get(module, {}).get(key) != row
    }
    assert differences == {}, f"personas: {', '.join(people)}"


def test_every_admin_page_sends_non_staff_to_log_in(db):
    people = {"anonymous": None, "signed_in": person()}
    clients = harness.clients(people)
    let_in = []
    for route in harness.admin_routes():
        if route in ("admin/login/", "admin/logout/"):  # the way in and out is open to everyone
            continue
        url = harness.fill(route, {"object_id": "1", "app_label": "core"})
        for name, client in clients.items():
            response = client.get(url)
            if response.status_code >= 500 or harness.outcome(response) != "-":
                let_in.append((name, url, response.status_code))
    assert let_in == []
    assert Client().get("/admin/").status_code == 302
