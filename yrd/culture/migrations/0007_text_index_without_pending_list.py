"""The catalogue search's pg_trgm GIN indexes (0006) written through at once, not via GIN's pending
list. With the default `fastupdate`, new entries wait in an unsorted list that every search reads
in full until a vacuum merges it: after an import of 100,000 resources a search took 4.9 ms instead
of 0.15 ms until autovacuum came by. Resources are written rarely and searched by the public, so
the writes pay instead. PostgreSQL only; SQLite's FTS5 table has no such list."""

from django.db import migrations

INDEXES = ("culture_res_name_zh_trgm", "culture_res_name_en_trgm", "culture_res_code_trgm")


def _alter(fastupdate: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(INDEXES)])
            present = [row[0] for row in cursor.fetchall()]  # none when the server has no pg_trgm
        for index in present:
            schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = {fastupdate})")
            if fastupdate == "off":
                schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])

    return run


class Migration(migrations.Migration):
    dependencies = [("culture", "0006_resource_text_index")]

    operations = [migrations.RunPython(_alter("off"), _alter("on"), elidable=False)]
