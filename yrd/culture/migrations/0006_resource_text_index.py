"""A text index for the catalogue search (`selectors.resources.search`): substring matching of names
and codes, which suits Chinese (no spaces between words, so no word stemming) as well as English.

- SQLite: an FTS5 table with the trigram tokenizer (SQLite >= 3.34) over name_zh, name_en and code,
  kept by triggers from the resources table (external content, so the text is not stored twice).
- PostgreSQL: pg_trgm GIN indexes on UPPER(column), the expression Django's `icontains` compares,
  so the same ORM query is answered from the index.

Other databases keep the plain scan. If a later migration makes Django rebuild the resources table on
SQLite, the triggers go with the old table: tests/test_text_index.py fails then, and the migration
must recreate them (SQLITE_FORWARD below).
"""

from django.db import migrations

TABLE = "culture_heritageresource"
FTS = "culture_resource_fts"
COLUMNS = ("name_zh", "name_en", "code")

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(name_zh, name_en, code, content='{TABLE}', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}(rowid, name_zh, name_en, code) VALUES (new.id, new.name_zh, new.name_en, new.code); END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, name_zh, name_en, code) VALUES ('delete', old.id, old.name_zh, old.name_en, "
    "old.code); END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE OF name_zh, name_en, code ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, name_zh, name_en, code) VALUES ('delete', old.id, old.name_zh, old.name_en, "
    f"old.code); INSERT INTO {FTS}(rowid, name_zh, name_en, code) VALUES (new.id, new.name_zh, new.name_en, "
    "new.code); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {FTS}_{t}" for t in ("ai", "ad", "au")] + [f"DROP TABLE IF EXISTS {FTS}"]

POSTGRES_FORWARD = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
    f"CREATE INDEX culture_res_{c}_trgm ON {TABLE} USING gin (UPPER({c}::text) gin_trgm_ops)" for c in COLUMNS
]
POSTGRES_BACKWARD = [f"DROP INDEX IF EXISTS culture_res_{c}_trgm" for c in COLUMNS]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
                if cursor.fetchone() is None:
                    return  # no pg_trgm on this server: the search stays a scan, still correct
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("culture", "0005_bid_milestones")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
            elidable=False,
        )
    ]
