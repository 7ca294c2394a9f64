"""Issue 11: every importer and parser, fed arbitrary bytes, answers with its module's validation
error (or an import result listing problems) and writes nothing: no other exception, no row in any
of the platform's tables (the module's, core's, the audit log). The Open311 form body is fuzzed
through the page itself: never a 5xx, and a refused request writes nothing either."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction

EXAMPLES = 30

# Arbitrary bytes, text that looks like a table, a ZIP (XLSX) head with garbage, broken JSON/GeoJSON.
CSVISH = st.text(alphabet=st.sampled_from(list(',;\t"\n\r ab1-9.中文\x00é=+@')), max_size=300)
HOSTILE = st.one_of(
    st.binary(max_size=600),
    CSVISH.map(lambda t: t.encode("utf-8")),
    st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b),
    CSVISH.map(lambda t: ('{"type": "FeatureCollection", "features": [' + t).encode("utf-8")),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"code\n", b"{}", b"[]", b"null", b'{"type":"Feature"}']),
)


def plan_import(data):
    from yrd.plan.io.importers import import_file
    from yrd.plan.tests.api import builders

    if not apps.get_model("plan", "Plan").objects.exists():
        builders.plan_with_areas()
    kinds = ("tasks", "milestones", "reports")
    return [lambda k=kind: import_file(acting_user=SYSTEM, kind=k, data=data) for kind in kinds]


def services_import(data):
    from yrd.services.catalogue_io import KINDS, import_file

    return [lambda k=kind: import_file(acting_user=SYSTEM, kind=k, data=data) for kind in KINDS]


def market_feed_table(data):
    from yrd.market.feed_table import import_feed_table

    return [lambda: import_feed_table(acting_user=SYSTEM, source="js-12315", data=data)]


def market_access_list(data):
    from yrd.market.writes.access import access_list_import

    return [lambda n=name: access_list_import(acting_user=SYSTEM, name=n, content=data) for name in ("l.csv", "l.xlsx")]


def transport_network(data):
    from yrd.transport.writes.imports import network_import

    text = data.decode("utf-8", errors="replace")
    return [
        lambda k=kind, f=fmt: network_import(acting_user=SYSTEM, kind=k, fmt=f, text=text)
        for kind in ("hubs", "links")
        for fmt in ("csv", "geojson")
    ]


def green_periods(data):
    from yrd.green.tests import factories as f
    from yrd.green.writes.imports import period_import

    site = apps.get_model("green", "Site").objects.first() or f.site("factory", "320500")
    names = ("p.csv", "p.xlsx")
    return [lambda n=name: period_import(acting_user=SYSTEM, site=site, content=data, filename=n) for name in names]


def lowalt_restrictions(data):
    from yrd.lowalt.writes.registry import restrictions_import

    return [lambda: restrictions_import(acting_user=SYSTEM, province=jurisdiction("310000"), text=data)]


def culture_resources(data):
    from yrd.culture.writes.resources import resources_import

    return [lambda: resources_import(acting_user=SYSTEM, text=data)]


def innovation_tables(data):
    from yrd.innovation.tables import KINDS, import_file

    return [lambda k=kind: import_file(acting_user=SYSTEM, kind=k, data=data) for kind in KINDS]


def industry_chain(data):
    from yrd.industry.chain_io import KINDS, import_file

    return [lambda k=kind: import_file(acting_user=SYSTEM, kind=k, data=data) for kind in KINDS]


def industry_metro(data):
    from yrd.industry.metro_io import import_file

    return [lambda: import_file(acting_user=SYSTEM, data=data)]


def industry_datacentres(data):
    from yrd.industry.datacentre_io import KINDS, import_file

    return [lambda k=kind: import_file(acting_user=SYSTEM, kind=k, data=data) for kind in KINDS]


IMPORTERS = {
    "plan": plan_import,
    "services": services_import,
    "market": market_feed_table,
    "market access list": market_access_list,
    "transport": transport_network,
    "green": green_periods,
    "lowalt": lowalt_restrictions,
    "culture": culture_resources,
    "innovation": innovation_tables,
    "industry chain": industry_chain,
    "industry metro": industry_metro,
    "industry data centres": industry_datacentres,
}


def refusals():
    """The validation errors the importers raise: Django's, and the GeoJSON readers' own (each
    carrying the list of problems the page shows)."""
    from yrd.culture.geojson import ImportRefused as CultureRefused
    from yrd.lowalt.geojson import ImportRefused as LowaltRefused

    return ValidationError, CultureRefused, LowaltRefused


def messages(error) -> list[str]:
    if isinstance(error, ValidationError):
        return [str(m) for m in error.messages]
    found = error.args[0] if error.args else []
    return [str(m) for m in (found if isinstance(found, list | tuple) else [found])]


def platform_tables() -> list[str]:
    """Every table of the platform's own apps: an importer may write outside its module (services'
    catalogue makes organisations in core, and every write leaves audit entries and idempotency keys)."""
    models = apps.get_models(include_auto_created=True)
    return sorted({m._meta.db_table for m in models if m._meta.app_config.name.startswith("yrd.") and m._meta.managed})


def rows(tables) -> tuple:
    """The row count of each table, in one query (hypothesis calls this twice per example)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


def refused(result) -> bool:
    """An import result listing problems or taking nothing in; an empty list, no count, no object."""
    if hasattr(result, "ok"):
        return not result.ok or not (result.created or result.updated)
    if isinstance(result, list | tuple):
        return not result
    if isinstance(result, dict):
        return not any(result.values())
    return not result


@pytest.fixture
def loaded(reference):
    from yrd.green.reference import load_reference as green_reference
    from yrd.industry.reference import load_reference as industry_reference

    green_reference()
    industry_reference()


@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_arbitrary_bytes_get_a_clear_error_and_write_nothing(loaded, name):
    importer = IMPORTERS[name]
    refused_with = refusals()
    tables = platform_tables()
    importer(b"")  # let the importer make what it needs (a plan, a site) before counting

    @settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=HOSTILE)
    def check(data):
        before = rows(tables)
        for call in importer(data):
            try:
                result = call()
            except refused_with as error:
                assert messages(error) and all(m.strip() for m in messages(error)), repr(error)
            else:
                assert refused(result), f"{name} accepted {data!r}: {result!r}"
        assert rows(tables) == before

    check()


FIELDS = ["service_code", "lat", "long", "address_string", "description", "email", "phone", "first_name",
          "attribute[subject_name]", "media_url", "device_id"]  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_open311_form_bodies_never_break_the_page_and_a_refused_one_writes_nothing(reference, fmt):
    from yrd.market.tests import factories as f

    key = f.open311_client()[1]
    client = Client()
    tables = platform_tables()

    @settings(max_examples=EXAMPLES // 2, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(body=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=40), max_size=len(FIELDS)))
    def check(body):
        before = rows(tables)
        response = client.post(f"/market/open311/v2/requests.{fmt}", {"api_key": key, **body})
        assert response.status_code < 500
        if response.status_code >= 400:
            assert rows(tables) == before

    check()
