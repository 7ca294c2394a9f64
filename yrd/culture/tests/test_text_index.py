"""The catalogue search answers from a text index (SQLite FTS5 trigram, PostgreSQL pg_trgm) exactly
what a substring match of names and codes answers, and the index follows writes."""

import random

from django.db import connection

from yrd.culture.models import HeritageResource
from yrd.culture.selectors.resources import public_resources, search
from yrd.culture.tests import factories as f

NAMES = [
    ("周庄古镇", "Zhouzhuang Water Town"), ("同里古镇", "Tongli Water Town"), ("苏州市古桥寺", "Suzhou Old Bridge"),
    ("乌镇", "Wuzhen"), ("西塘古镇", "Xitang"), ("南浔古镇", "Nanxun Ancient Town"), ("双桥", "Twin Bridges"),
    ("拙政园", "Humble Administrator's Garden"), ("桥 \"引号\" 古", 'A "quoted" name'), ("运河古桥", "Canal bridge"),
]  # fmt: skip


def expected(rows, q):
    q = q.lower()
    return {r.code for r in rows if q in r.name_zh.lower() or q in r.name_en.lower() or q in r.code.lower()}


def queries(rows, rng):
    found = ["古镇", "古桥", "town", "TOWN", "bridge", "Water Town", "苏州市古", '"quoted"', "site-", "没有这个", "zz"]
    for _ in range(40):
        text = rng.choice([r.name_zh for r in rows] + [r.name_en for r in rows])
        start = rng.randrange(len(text))
        found.append(text[start : start + rng.randint(1, 6)])
    return found


def test_the_search_equals_a_substring_match_of_names_and_codes(reference):
    rows = [f.resource(name_zh=zh, name_en=en) for zh, en in NAMES]
    for q in queries(rows, random.Random(7)):
        got = set(search(public_resources(), q=q).values_list("code", flat=True))
        assert got == expected(rows, q), q


def test_the_index_follows_renames_and_deletions(reference):
    kept, gone = f.resource(name_zh="千灯古镇", name_en="Qiandeng"), f.resource(name_zh="锦溪古镇", name_en="Jinxi")
    HeritageResource.objects.filter(pk=kept.pk).update(name_zh="千灯镇", name_en="Qiandeng Town")
    gone.delete()
    assert list(search(public_resources(), q="古镇").values_list("code", flat=True)) == []
    assert list(search(public_resources(), q="灯镇").values_list("code", flat=True)) == [kept.code]


def test_the_text_index_exists_on_this_database(reference):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'culture_resource_fts%%'")
            names = {row[0] for row in cursor.fetchall()}
            assert {"culture_resource_fts", "culture_resource_fts_ai", "culture_resource_fts_au"} <= names
            assert "culture_resource_fts_ad" in names
            # and the search reads it (the equivalence tests above pass with a plain scan too)
            assert "culture_resource_fts MATCH" in str(search(public_resources(), q="古镇古").query)
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'culture_res_%%_trgm'")
            assert len(cursor.fetchall()) == 3
            # written through at once: a search never reads a pending list of new entries (0007)
            cursor.execute(
                "SELECT count(*) FROM pg_class"
                " WHERE relname LIKE 'culture_res_%%_trgm' AND 'fastupdate=off' = ANY(reloptions)"
            )
            assert cursor.fetchone()[0] == 3


def test_the_public_catalogue_search_finds_published_names_only(client, reference):
    shown = f.resource(name_zh="苏州市古桥寺", name_en="Old bridge temple")
    f.resource(name_zh="苏州市古桥亭", name_en="Old bridge pavilion", published=False)
    found = client.get("/api/culture/resources", {"q": "市古桥"}).json()
    assert [r["code"] for r in found] == [shown.code]
    assert "Old bridge temple" in client.get("/culture/", {"q": "bridge temple"}).content.decode()
