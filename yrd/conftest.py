import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from yrd.core.reference import load_jurisdictions, load_roles, read_cities

# No wall-clock limits in tests (the machines are shared and noisy): Hypothesis' default 200 ms
# deadline per example failed property tests under load while their answers were right.
hypothesis_settings.register_profile("yrd", deadline=None)
hypothesis_settings.load_profile("yrd")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts with the reference data: loading it for every test that asks took
    0.11 s each (46 jurisdictions and the roles, upserted and validated), and most tests ask."""
    with django_db_blocker.unblock():
        load_reference_data()


def load_reference_data():
    load_jurisdictions(read_cities())
    load_roles()


@pytest.fixture
def reference(db):
    """The 46 jurisdictions and the roles modules declare. Loaded with the test database; loaded again
    when a transactional test before this one emptied the tables."""
    from yrd.core.models import Jurisdiction, Role

    if not (Jurisdiction.objects.exists() and Role.objects.exists()):
        load_reference_data()


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


@pytest.fixture(autouse=True)
def empty_media_folder():
    """Files a test uploads are removed after it; the folder itself when the run ends (below)."""
    yield
    from django.conf import settings

    for entry in Path(settings.MEDIA_ROOT).glob("*"):
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


@pytest.fixture(autouse=True, scope="session")
def remove_media_folder():
    yield
    from django.conf import settings

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
