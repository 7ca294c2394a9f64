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


@pytest.fixture(autouse=True)
def default_language():
    """A request through LocaleMiddleware leaves its language active in the thread; each test
    starts from the default (English in tests) whatever the test before it asked for."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_holiday_arrangement():
    """Arrangement days entered by one test (and rolled back) must not be seen by the next."""
    from yrd.core.workdays import forget_entered_days

    forget_entered_days()
