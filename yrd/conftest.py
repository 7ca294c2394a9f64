import pytest

from yrd.core.reference import load_jurisdictions, load_roles, read_cities


@pytest.fixture
def reference(db):
    """The 46 jurisdictions and the roles modules declare; cheap enough for every test."""
    load_jurisdictions(read_cities())
    load_roles()
