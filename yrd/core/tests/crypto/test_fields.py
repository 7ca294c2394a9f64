"""Sensitive personal fields are encrypted at rest: the database holds ciphertext naming its key,
the platform reads plain text, and equality lookups go through a keyed blind index."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from yrd.core.crypto.keyring import KeyringError, UndecryptableValue, keyring

from .conftest import stored

ID = "31010119900307123X"


def test_the_database_holds_ciphertext_naming_its_key_and_the_platform_reads_plain_text(resident_model):
    resident = resident_model.objects.create(name="张三", id_number=ID)
    raw = stored(resident_model, resident.pk, "id_number")
    assert (
        raw.startswith(f"v1:{keyring().current.key_id}:")
        and ID not in raw
        and "张三" not in stored(resident_model, resident.pk, "name")
    )
    fetched = resident_model.objects.get(pk=resident.pk)
    assert (fetched.name, fetched.id_number) == ("张三", ID)


def test_the_same_value_encrypts_differently_each_time_but_is_found_by_its_blind_index(resident_model):
    first = resident_model.objects.create(id_number=ID)
    second = resident_model.objects.create(id_number=ID)
    resident_model.objects.create(id_number="310101199003071234")
    assert stored(resident_model, first.pk, "id_number") != stored(resident_model, second.pk, "id_number")
    found = resident_model.objects.filter(id_number_index__matches=" 31010119900307123x ")
    assert sorted(found.values_list("pk", flat=True)) == [first.pk, second.pk]


def test_the_encrypted_column_cannot_be_searched_by_mistake(resident_model):
    with pytest.raises(TypeError, match="BlindIndexField"):
        resident_model.objects.filter(id_number=ID)
    with pytest.raises(TypeError, match="encrypted"):
        resident_model.objects.filter(name__icontains="张")


def test_a_ciphertext_moved_to_another_field_or_altered_does_not_decrypt(resident_model):
    resident = resident_model.objects.create(name="张三", id_number=ID)
    moved = stored(resident_model, resident.pk, "id_number")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {resident_model._meta.db_table} SET name = %s WHERE id = %s", [moved, resident.pk])
    with pytest.raises(UndecryptableValue, match="does not decrypt"):
        resident_model.objects.get(pk=resident.pk)
    altered = moved[:-2] + ("A" if moved[-2] != "A" else "B") + moved[-1]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {resident_model._meta.db_table} SET name = '', id_number = %s WHERE id = %s",
            [altered, resident.pk],
        )
    with pytest.raises(UndecryptableValue):
        resident_model.objects.get(pk=resident.pk)


def test_a_value_under_a_key_the_keyring_lacks_names_that_key(resident_model, settings):
    resident = resident_model.objects.create(id_number=ID)
    key_id = keyring().current.key_id
    settings.FIELD_ENCRYPTION_KEYS = settings.FIELD_ENCRYPTION_KEYS.replace(key_id, "other")
    with pytest.raises(KeyringError, match=f"under key '{key_id}', which the keyring does not hold"):
        resident_model.objects.get(pk=resident.pk)


def test_the_length_limit_is_on_the_plain_text(resident_model):
    resident = resident_model(name="张" * 51, id_number=ID)
    with pytest.raises(ValidationError) as error:
        resident.full_clean()
    assert list(error.value.message_dict) == ["name"]
    resident.name = "张" * 50
    resident.full_clean()
    assert resident_model._meta.get_field("id_number").formfield().max_length == 18


def test_empty_and_missing_values_are_stored_as_such(resident_model):
    resident = resident_model.objects.create(name="", id_number=None)
    assert stored(resident_model, resident.pk, "name") == ""
    assert stored(resident_model, resident.pk, "id_number") is None
    assert resident_model.objects.get(pk=resident.pk).id_number_index == ""


def test_without_keys_nothing_is_written_in_clear(resident_model, settings):
    settings.FIELD_ENCRYPTION_KEYS = ""
    with pytest.raises(KeyringError, match="FIELD_ENCRYPTION_KEYS"):
        resident_model.objects.create(id_number=ID)
    assert not resident_model.objects.exists()
