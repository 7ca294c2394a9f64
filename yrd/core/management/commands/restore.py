"""`manage.py restore FILE`: replace the whole database with a copy made by `manage.py backup`.

Everything written since the copy is lost, the audit log included: after a restore, run
`audit_verify` against the kept checkpoint export file, which names the checkpoints the copy is
missing (see "The audit log" in the README), and `audit_checkpoint` refuses to append until that is
dealt with. Stop the web and Celery processes first.
"""

import sqlite3
import subprocess
from pathlib import Path

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from yrd.core.backups import postgres_environment, postgres_tool


class Command(BaseCommand):
    help = "Replace the database with a copy made by `manage.py backup` (all of it; asks first)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a copy made by `manage.py backup`")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, file, interactive, **options):
        if not Path(file).is_file():
            raise CommandError(f"No such file: {file}")
        name = connection.settings_dict["NAME"]
        if interactive and input(f"Replace everything in database {name} with {file}? Type 'yes': ") != "yes":
            raise CommandError("Restore cancelled.")
        if connection.vendor == "postgresql":
            self._postgresql(file)
        elif connection.vendor == "sqlite":
            self._sqlite(file)
        else:
            raise CommandError(f"No restore for {connection.vendor}; use the database's own tools.")
        # Cached pages are keyed by data versions, which go back with the data and then move on
        # again through numbers the lost writes used: no copy made before the restore may be served.
        # This empties the shared cache (CACHE_URL); the web processes, stopped for the restore,
        # start with empty memories.
        cache.clear()
        self.stdout.write(
            self.style.SUCCESS(
                f"Database {name} restored from {file}; run `manage.py audit_verify`, then start the web "
                "and Celery processes again."
            )
        )

    @staticmethod
    def _postgresql(file):
        connection.close()  # pg_restore drops and recreates every table: hold nothing open
        command = [postgres_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        command += ["--single-transaction", "--exit-on-error", "--dbname", connection.settings_dict["NAME"], file]
        done = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
        if done.returncode:
            raise CommandError(f"pg_restore failed, nothing was changed: {done.stderr.strip()}")

    @staticmethod
    def _sqlite(file):
        source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CommandError(f"{file} is not an intact SQLite database; nothing was changed.")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise CommandError(f"{file} cannot be read as an SQLite database ({error}); nothing was changed.") from None
        finally:
            source.close()
