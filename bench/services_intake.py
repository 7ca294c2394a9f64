"""Submissions per second through the services layer (validation, routing, checksums, audit
chain) against bare ORM inserts of the same rows, same run, on PostgreSQL; prints both, and ratio.

    .venv/bin/python bench/services_intake.py [--n 300] [--database-url postgres://...]

Uses its own database (default yrd_bench on the local server), created if missing and emptied first.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def prepare_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def setup(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yrd.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0) if _migrated() else None
    call_command("migrate", "--noinput", verbosity=0)


def _migrated():
    from django.db import connection

    return "services_application" in connection.introspection.table_names()


def world():
    from yrd.core.reference import load_jurisdictions, load_roles, read_cities
    from yrd.core.tests.factories import jurisdiction, person
    from yrd.services.tests import factories as f

    load_jurisdictions(read_cities())
    load_roles()
    item = f.service_item("bench-item")
    window = f.window("310000")
    return {
        "item": item,
        "window": window,
        "officer": f.window_officer(window),
        "anhui": jurisdiction("340000", "province"),
        "applicant": person("applicant", "YRD"),
    }


def rows(n, offset):
    from yrd.services.tests.factories import make_ric

    return [
        {
            "name": f"申请人{offset + i}",
            "ric": make_ric("310101", "19900307", seq=(offset + i) % 1000),
        }
        for i in range(n)
    ]


def through_services(w, batch):
    from yrd.services import writes
    from yrd.services.tests.factories import pdf

    started = time.perf_counter()
    for row in batch:
        draft = writes.ApplicationDraft(
            item=w["item"],
            mode="remote",
            applicant_kind="person",
            applicant_name=row["name"],
            applicant_id_number=row["ric"],
            channel="window",
            receiving_window=w["window"],
            handling=(w["anhui"],),
            uploads=(("id-card", pdf()),),
        )
        writes.application_submit(acting_user=w["officer"], draft=draft)
    return time.perf_counter() - started


def bare_orm(w, batch):
    import hashlib
    import uuid

    from django.db import transaction
    from django.utils import timezone

    from yrd.services.models import Application, HandlingStep, Material, MaterialType
    from yrd.services.tests.factories import pdf

    authority = w["item"].authorities.get(province=w["anhui"]).organisation
    id_card = MaterialType.objects.get(code="id-card")
    started = time.perf_counter()
    for row in batch:
        with transaction.atomic():
            now = timezone.now()
            application = Application.objects.create(
                number=f"B{uuid.uuid4().hex[:12].upper()}",
                item=w["item"],
                mode="remote",
                channel="window",
                receiving_window=w["window"],
                applicant_user=w["applicant"],
                applicant_kind="person",
                applicant_name=row["name"],
                applicant_id_number=row["ric"],
                submitted_by=w["applicant"],
                submitted_at=now,
            )
            HandlingStep.objects.create(application=application, jurisdiction=w["anhui"], authority=authority)
            upload = pdf()
            Material.objects.create(
                application=application,
                material_type=id_card,
                file=upload,
                original_name=upload.name,
                content_type="application/pdf",
                size=upload.size,
                sha256=hashlib.sha256(upload.read()).hexdigest(),
                added_at=now,
            )
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="submissions per side (default 300)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yrd_bench"),
    )
    args = parser.parse_args()
    prepare_database(args.database_url)
    setup(args.database_url)
    w = world()
    through_services(w, rows(20, 10_000))  # warm-up: caches, first audit head, connections
    bare_orm(w, rows(20, 20_000))
    service_seconds = through_services(w, rows(args.n, 0))
    orm_seconds = bare_orm(w, rows(args.n, 0))
    service_rate, orm_rate = args.n / service_seconds, args.n / orm_seconds
    print(f"PostgreSQL, {args.n} remote receive-and-forward submissions each (1 PDF material):")
    print(f"  service layer (validate, route, checksum, audit): {service_rate:8.1f} submissions/s")
    print(f"  bare ORM inserts of the same rows:                 {orm_rate:8.1f} rows/s")
    print(f"  ratio service / bare ORM: {service_rate / orm_rate:.2f}")


if __name__ == "__main__":
    main()
