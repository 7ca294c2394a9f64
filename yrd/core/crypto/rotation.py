"""Re-encrypting stored values under the keyring's current keys (`manage.py rotate_keys`), and
encrypting values a migration found in clear (`encrypt_in_place`).

Rows are taken in batches, each batch in its own transaction with an audit entry saying what moved to
which key; a row is due when one of its encrypted fields is under another key than the current one,
or one of its blind indexes under another index key. Stopping half-way loses nothing: the next run
picks up the rows still due.
"""

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Q

from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.crypto import keyring
from yrd.core.crypto.fields import BlindIndexField, EncryptedTextField

EVENT = "core.keys.rotate"


def encrypted_fields(model) -> list[EncryptedTextField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def index_fields(model) -> list[BlindIndexField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, BlindIndexField)]


def encrypted_models() -> list:
    return [model for model in apps.get_models() if encrypted_fields(model)]


def due(model) -> Q:
    ring = keyring.keyring()
    condition = Q(pk__in=[])
    for field in encrypted_fields(model):
        condition |= Q(**{f"{field.name}__encrypted": True}) & ~Q(**{f"{field.name}__under_key": ring.current.key_id})
    for field in index_fields(model):
        condition |= Q(**{f"{field.source}__encrypted": True}) & ~Q(
            **{f"{field.name}__startswith": f"{ring.index_current.key_id}:"}
        )
    return condition


def rows_due(model) -> int:
    return model._base_manager.filter(due(model)).count()


def rotate_model(model, *, batch_size: int = 500, progress=None) -> int:
    """Re-encrypt every row of `model` that is due; returns how many rows were rewritten."""
    fields = encrypted_fields(model) + index_fields(model)
    done, previous = 0, None
    while True:
        with transaction.atomic():
            batch = list(model._base_manager.select_for_update().filter(due(model)).order_by("pk")[:batch_size])
            if not batch:
                return done
            if batch[0].pk == previous:
                raise RuntimeError(f"{model._meta.label} #{previous} is still due after being rewritten.")
            previous = batch[0].pk
            for row in batch:  # values were decrypted on loading; saving encrypts under the current key
                for field in index_fields(model):
                    setattr(row, field.attname, field.index_of(getattr(row, field.source)))
            model._base_manager.bulk_update(batch, [field.name for field in fields])
            ring = keyring.keyring()
            audit_record(
                actor=SYSTEM,
                action=EVENT,
                object_type=model._meta.label,
                object_repr=f"{len(batch)} rows of {model._meta.label}",
                data={
                    "rows": len(batch),
                    "first_pk": batch[0].pk,
                    "last_pk": batch[-1].pk,
                    "key": ring.current.key_id,
                    "index_key": ring.index_current.key_id,
                },
            )
        done += len(batch)
        if progress:
            progress(len(batch))


def encrypt_in_place(model, *, batch_size: int = 500) -> int:
    """Encrypt the values of `model`'s encrypted fields that are still held in clear, and fill their
    blind indexes: the data step after a migration turned a plain field into an EncryptedTextField
    (the field itself refuses to read clear text). Returns how many rows were rewritten; running it
    again rewrites nothing."""
    fields, indexes = encrypted_fields(model), index_fields(model)
    table, quote = model._meta.db_table, connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    in_clear = " OR ".join(f"({quote(f.column)} <> '' AND {quote(f.column)} NOT LIKE %s)" for f in fields)
    done = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote(model._meta.pk.column)}, {columns} FROM {table} WHERE {in_clear} "
                f"ORDER BY 1 LIMIT {int(batch_size)}",
                [keyring.VERSION + ":%"] * len(fields),
            )
            rows = cursor.fetchall()
            for pk, *values in rows:
                plain = {f.name: v for f, v in zip(fields, values, strict=True)}
                updates = {f.column: _sealed(f, v) for f, v in zip(fields, values, strict=True)}
                updates |= {i.column: i.index_of(plain[i.source]) for i in indexes if i.source in plain}
                assignments = ", ".join(f"{quote(column)} = %s" for column in updates)
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s",
                    [*updates.values(), pk],
                )
        done += len(rows)
        if len(rows) < batch_size:
            return done


def _sealed(field, value):
    if not value or value.startswith(keyring.VERSION + ":"):
        return value
    return keyring.encrypt(value, field.associated_data())


def encrypting(model_label: str):
    """`migrations.RunPython(encrypting("services.Application"), migrations.RunPython.noop)`, after the
    AlterField that made a field an EncryptedTextField."""

    def run(apps, schema_editor):
        encrypt_in_place(apps.get_model(model_label))

    return run
