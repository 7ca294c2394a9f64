"""On PostgreSQL, with real concurrent connections: writers on parallel chains do not wait for each
other, the chains stay intact, and verifying reads one snapshot while writes land."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record, verify_chain
from yrd.core.models import AuditEntry

from .conftest import EVENT, write_entries

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")


def in_thread(target, *args):
    """Run `target` on a connection of its own; re-raise its exception in the test."""
    failure = []

    def run():
        try:
            target(*args)
        except BaseException as error:  # noqa: BLE001  (handed to the test thread)
            failure.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.failure = failure
    return thread


def finish(thread, timeout=30):
    thread.join(timeout)
    assert not thread.is_alive(), "a writer did not finish"
    if thread.failure:
        raise thread.failure[0]


def hold_a_chain(holding: threading.Event, release: threading.Event, entries: list):
    with transaction.atomic():
        entries.append(audit_record(actor=SYSTEM, action=EVENT, object_type="test", object_id="holder"))
        holding.set()
        release.wait(10)


def test_a_writer_does_not_wait_for_another_holding_a_chain(transactional_db):
    write_entries(1)
    holding, release, held = threading.Event(), threading.Event(), []
    holder = in_thread(hold_a_chain, holding, release, held)
    assert holding.wait(10)
    writer = in_thread(write_entries, 1)
    writer.join(5)
    finished_meanwhile = not writer.is_alive()
    release.set()
    finish(writer), finish(holder)
    assert finished_meanwhile, "the second write waited for the first to commit"
    chains = set(AuditEntry.objects.values_list("chain", flat=True))
    assert len(chains) == 2 and verify_chain() is None


def test_with_one_chain_a_writer_waits_its_turn(transactional_db, settings):
    settings.AUDIT_CHAINS = 1
    holding, release, held = threading.Event(), threading.Event(), []
    holder = in_thread(hold_a_chain, holding, release, held)
    assert holding.wait(10)
    writer = in_thread(write_entries, 1)
    writer.join(1)
    waited = writer.is_alive()
    release.set()
    finish(holder), finish(writer)
    assert waited and verify_chain() is None
    assert AuditEntry.objects.order_by("seq").last().prev_hash == held[0].hash


def test_many_concurrent_writers_leave_every_chain_intact(transactional_db):
    writers = [in_thread(write_entries, 25, 100 * n) for n in range(8)]
    for writer in writers:
        finish(writer, timeout=120)
    assert AuditEntry.objects.count() == 200
    assert verify_chain() is None


def test_one_transaction_keeps_to_one_chain_while_others_write(transactional_db):
    def long_write(entries):
        with transaction.atomic():
            for n in range(20):
                entries.append(audit_record(actor=SYSTEM, action=EVENT, object_type="test", object_id=n))
                threading.Event().wait(0.005)

    entries = []
    long = in_thread(long_write, entries)
    others = [in_thread(write_entries, 10, 100 * n) for n in range(1, 4)]
    for thread in [long, *others]:
        finish(thread, timeout=120)
    assert len({entry.chain for entry in entries}) == 1
    assert verify_chain() is None


def test_verifying_reads_one_snapshot_while_writes_land(transactional_db):
    """Before, a write committed between reading the head and reading the entries was reported as
    'entries deleted'. Here the database is slow after every read of the heads, and a writer keeps
    committing meanwhile."""
    write_entries(20)
    stop = threading.Event()

    def keep_writing():
        n = 1000
        while not stop.is_set():
            write_entries(1, start=n)
            n += 1

    def slow_after_reading_heads(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "core_audithead" in sql:
            time.sleep(0.05)
        return result

    writer = in_thread(keep_writing)
    try:
        with connection.execute_wrapper(slow_after_reading_heads):
            problems = [verify_chain() for _ in range(10)]
    finally:
        stop.set()
        finish(writer)
    assert problems == [None] * 10
    assert AuditEntry.objects.count() > 30 and verify_chain() is None
