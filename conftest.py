import os

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run inside
# one unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A test that neither carries the django_db mark nor asks for a database fixture cannot open the
# database (pytest-django refuses it), so it gives the same result on SQLite and PostgreSQL; the
# PostgreSQL leg of CI leaves these to the SQLite leg.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if not item.get_closest_marker("django_db") and not DATABASE_FIXTURES.intersection(item.fixturenames):
            item.add_marker("no_database")
    # The browser tests are the longest (the every-page axe sweep takes minutes): they start first, so
    # that with `--dist worksteal` the other worker takes the rest instead of waiting at the end.
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)
