"""`manage.py backup FILE`: a consistent copy of the whole database in one file.

PostgreSQL: `pg_dump --format=custom` (one snapshot, restored with `manage.py restore` or
pg_restore). SQLite: the SQLite online backup API (a consistent copy even while the platform runs).
Uploaded files (MEDIA_ROOT) and the audit checkpoint export are not in the database: copy them too.
"""

import sqlite3
import subprocess

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from yrd.core.backups import postgres_environment, postgres_tool


class Command(BaseCommand):
    help = "Write a consistent copy of the database to FILE (pg_dump custom format, or an SQLite file)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the copy (overwritten)")

    def handle(self, *args, file, **options):
        if connection.vendor == "postgresql":
            command = [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", file]
            done = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
            if done.returncode:
                raise CommandError(f"pg_dump failed: {done.stderr.strip()}")
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(file)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            raise CommandError(f"No backup for {connection.vendor}; use the database's own tools.")
        self.stdout.write(self.style.SUCCESS(f"Database copied to {file}."))
