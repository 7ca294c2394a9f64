import pytest
from django.db import connection, models
from django.test.utils import isolate_apps

from yrd.core.crypto import rotation
from yrd.core.crypto.fields import BlindIndexField, EncryptedTextField
from yrd.core.personal import Kind
from yrd.core.registry import registry
from yrd.core.tests.suites import each_suite  # noqa: F401


@pytest.fixture
def resident_model(transactional_db, monkeypatch, each_suite):  # noqa: F811
    """A model holding sensitive personal information the way a module would, in a table of its own
    for the test: encrypted fields, and a blind index for looking one up by equality."""
    with isolate_apps("yrd.core"):

        class Resident(models.Model):
            name = EncryptedTextField("name", max_length=50, blank=True)
            id_number = EncryptedTextField("resident ID number", max_length=18, null=True)
            id_number_index = BlindIndexField(source="id_number")
            personal_fields = {"name": Kind.NAME, "id_number": Kind.RESIDENT_ID}

            class Meta:
                app_label = "core"

            def __str__(self):
                return self.name

    with connection.schema_editor() as editor:
        editor.create_model(Resident)
    monkeypatch.setattr(rotation, "encrypted_models", lambda: [Resident])
    monkeypatch.setattr(registry, "audit_events", registry.audit_events | {rotation.EVENT})
    yield Resident
    with connection.schema_editor() as editor:
        editor.delete_model(Resident)


def stored(model, pk, column):
    """What the database itself holds, bypassing the field."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {model._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]
