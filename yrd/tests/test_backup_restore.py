"""`manage.py backup` / `restore` round-trip a populated database: after a restore every table holds
the rows it held at the backup, with the same content, and the audit chains verify. Runs on the
suite's database (SQLite: the online backup API; PostgreSQL: pg_dump / pg_restore)."""

import glob
import hashlib
import shutil

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record, verify_log
from yrd.plan.tests.api import builders

pytestmark = pytest.mark.django_db(transaction=True)


def postgres_tools_missing():
    return connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") or glob.glob("/usr/lib/postgresql/*/bin/pg_dump")
    )


def contents() -> dict:
    """Per table: its row count and a digest of all its rows (ordered by primary key)."""
    seen = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in seen or model._meta.proxy or not model._meta.managed:
                continue
            quote = connection.ops.quote_name
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(model._meta.pk.column)}")
            rows = cursor.fetchall()
            seen[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return seen


@pytest.fixture
def populated(reference):
    task, owner = builders.owned_task()
    builders.report(task, owner)
    for n in range(5):
        with transaction.atomic():
            audit_record(actor=SYSTEM, action="core.reference.load", object_type="test", object_id=str(n))
    return task.plan


def test_a_restored_database_holds_everything_the_backup_held(populated, tmp_path):
    if postgres_tools_missing():
        pytest.skip("pg_dump/pg_restore are not installed")
    before = contents()
    assert sum(count for count, _digest in before.values()) > 100
    call_command("backup", str(tmp_path / "copy"))

    builders.task(populated, "1.09", lead="320000")  # written after the backup: to be lost
    with transaction.atomic():
        audit_record(actor=SYSTEM, action="core.reference.load", object_type="test", object_id="late")
    assert contents() != before
    cache.set("yrd:response:a-copy-of-the-lost-state", b"stale")

    call_command("restore", str(tmp_path / "copy"), "--noinput")
    connection.close()
    assert contents() == before
    assert verify_log().problem is None
    assert cache.get("yrd:response:a-copy-of-the-lost-state") is None  # data versions went back too


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(populated, tmp_path):
    if postgres_tools_missing():
        pytest.skip("pg_dump/pg_restore are not installed")
    before = contents()
    junk = tmp_path / "junk"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("restore", str(junk), "--noinput")
    connection.close()
    assert contents() == before
