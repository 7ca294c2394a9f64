"""What `manage.py backup` and `restore` need to run PostgreSQL's own tools against the configured
database."""

import glob
import os
import shutil

from django.core.management.base import CommandError
from django.db import connection


def postgres_tool(name: str) -> str:
    """pg_dump / pg_restore: on the PATH, else the newest under /usr/lib/postgresql (Debian)."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        raise CommandError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def postgres_environment() -> dict:
    """libpq's variables for the configured database, so no password appears on a command line."""
    settings = connection.settings_dict
    values = {
        "PGHOST": settings.get("HOST") or "",
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER") or "",
        "PGPASSWORD": settings.get("PASSWORD") or "",
        "PGDATABASE": settings["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}
