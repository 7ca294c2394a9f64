import pytest

from yrd.core.reference import load_jurisdictions, load_roles, read_cities


@pytest.fixture
def reference(db):
    """The 46 jurisdictions and the roles modules declare; cheap enough for every test."""
    load_jurisdictions(read_cities())
    load_roles()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids and audit sequence numbers repeat after a
    rolled-back test, so a cached page could otherwise leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
