"""rotate_keys moves every stored value to the keyring's current keys: in audited batches, with lookups
working throughout, and from where it stopped when it is run again."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from yrd.core.audit import verify_chain
from yrd.core.crypto import rotation
from yrd.core.crypto.keyring import UndecryptableValue, generate_key
from yrd.core.models import AuditEntry

from .conftest import stored

IDS = [f"3101011990030{n:04d}" + "X" for n in range(7)]


def add_key(settings, key_id, cipher, index_key=None):
    """Put a new key in the keyring and make it current, as an operator does before rotating."""
    ring = json.loads(settings.FIELD_ENCRYPTION_KEYS)
    ring["keys"][key_id] = generate_key(cipher)
    ring["current"] = key_id
    if index_key:
        ring["index_keys"][index_key] = generate_key("hmac-sm3" if cipher == "sm4-gcm" else "hmac-sha256")
        ring["index_current"] = index_key
    settings.FIELD_ENCRYPTION_KEYS = json.dumps(ring)


@pytest.fixture
def residents(resident_model):
    return [resident_model.objects.create(name=f"居民{n}", id_number=number) for n, number in enumerate(IDS)]


def keys_in_use(model, column):
    return {stored(model, row.pk, column).split(":")[1] for row in model.objects.all()}


def test_rotating_moves_every_value_and_index_to_the_new_keys_in_audited_batches(
    resident_model, residents, settings, capsys
):
    add_key(settings, "k2", "aes-256-gcm", index_key="i2")
    assert resident_model.objects.filter(id_number_index__matches=IDS[3]).count() == 1  # before: old index
    call_command("rotate_keys", "--batch-size", "3")
    assert keys_in_use(resident_model, "id_number") == keys_in_use(resident_model, "name") == {"k2"}
    assert {row.id_number_index.split(":")[0] for row in resident_model.objects.all()} == {"i2"}
    assert [row.id_number for row in resident_model.objects.order_by("pk")] == IDS
    assert resident_model.objects.filter(id_number_index__matches=IDS[3]).get().name == "居民3"
    batches = AuditEntry.objects.filter(action="core.keys.rotate").order_by("seq")
    assert [entry.data["rows"] for entry in batches] == [3, 3, 1]
    assert batches[0].data["key"] == "k2" and verify_chain() is None
    assert "7 rows now under key k2" in capsys.readouterr().out


def test_a_rotation_stopped_half_way_goes_on_from_there(resident_model, residents, settings, monkeypatch):
    add_key(settings, "k2", "aes-256-gcm")
    batches = []
    bulk_update = resident_model._base_manager.bulk_update

    def stopped_in_the_second_batch(*args, **kwargs):
        batches.append(1)
        if len(batches) == 2:
            raise KeyboardInterrupt  # Ctrl-C, or the process killed
        return bulk_update(*args, **kwargs)

    monkeypatch.setattr(resident_model._base_manager, "bulk_update", stopped_in_the_second_batch)
    with pytest.raises(KeyboardInterrupt):
        rotation.rotate_model(resident_model, batch_size=3)
    assert rotation.rows_due(resident_model) == 4  # the first batch is done, the second rolled back
    assert AuditEntry.objects.filter(action="core.keys.rotate").count() == 1
    monkeypatch.setattr(resident_model._base_manager, "bulk_update", bulk_update)
    assert rotation.rotate_model(resident_model, batch_size=3) == 4
    assert rotation.rows_due(resident_model) == 0
    assert [row.id_number for row in resident_model.objects.order_by("pk")] == IDS


def test_switching_to_the_sm_suite_re_encrypts_under_sm4_and_the_old_key_can_then_go(
    resident_model, residents, settings
):
    old = json.loads(settings.FIELD_ENCRYPTION_KEYS)["current"]
    add_key(settings, "sm4-1", "sm4-gcm", index_key="sm3-1")
    settings.CRYPTO_SUITE = "sm"
    call_command("rotate_keys")
    ring = json.loads(settings.FIELD_ENCRYPTION_KEYS)
    del ring["keys"][old]
    settings.FIELD_ENCRYPTION_KEYS = json.dumps(ring)
    assert [row.id_number for row in resident_model.objects.order_by("pk")] == IDS
    assert keys_in_use(resident_model, "id_number") == {"sm4-1"}


def test_a_dry_run_counts_and_changes_nothing(resident_model, residents, settings, capsys):
    before = [stored(resident_model, row.pk, "id_number") for row in residents]
    add_key(settings, "k2", "aes-256-gcm")
    call_command("rotate_keys", "--dry-run")
    assert "7 rows due" in capsys.readouterr().out
    assert [stored(resident_model, row.pk, "id_number") for row in residents] == before
    assert not AuditEntry.objects.filter(action="core.keys.rotate").exists()


def test_nothing_is_due_right_after_a_rotation(resident_model, residents, capsys):
    call_command("rotate_keys")
    assert "0 rows due" in capsys.readouterr().out


def test_values_left_in_clear_by_a_converted_field_are_encrypted_by_its_migration_step(resident_model):
    table = resident_model._meta.db_table
    with connection.cursor() as cursor:  # a plain CharField's rows, just altered to EncryptedTextField
        for n, number in enumerate(IDS[:3]):
            cursor.execute(
                f"INSERT INTO {table} (name, id_number, id_number_index) VALUES (%s, %s, '')", [f"居民{n}", number]
            )
        cursor.execute(f"INSERT INTO {table} (name, id_number, id_number_index) VALUES ('', NULL, '')")
    with pytest.raises(UndecryptableValue):
        list(resident_model.objects.all())
    assert rotation.encrypt_in_place(resident_model, batch_size=2) == 3
    assert [row.id_number for row in resident_model.objects.order_by("pk")] == [*IDS[:3], None]
    assert resident_model.objects.get(id_number_index__matches=IDS[1]).name == "居民1"
    assert all(
        stored(resident_model, row.pk, "name").startswith("v1:") for row in resident_model.objects.order_by("pk")[:3]
    )
    assert rotation.encrypt_in_place(resident_model) == 0
