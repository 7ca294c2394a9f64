"""Model fields for sensitive personal information, encrypted at rest.

    class Applicant(models.Model):
        id_number = EncryptedTextField(_("resident ID number"), max_length=18)
        id_number_index = BlindIndexField(source="id_number")
        personal_fields = {"id_number": Kind.RESIDENT_ID}

On the instance the value is plain text; in the database it is `v1:<key id>:<ciphertext>` under the
keyring's current key (see keyring.py). The column cannot be searched: equality lookups go through
the blind index, `Applicant.objects.filter(id_number_index__matches="310101...")`. `max_length`
limits the plain text (forms and API schemas validate it); the column itself is unbounded text.

Write such models with `save()` (a write's usual path): the blind index is computed on save, not by
`QuerySet.update()`.
"""

from django import forms
from django.core import validators
from django.db import models
from django.db.models.lookups import In, Lookup

from yrd.core.crypto import keyring


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest"

    def __init__(self, *args, context: str = "", **kwargs):
        # `context` binds ciphertexts to this field (AEAD associated data). It defaults to
        # "<app>.<model>.<field>"; set it explicitly before renaming a model or field that holds data.
        self.context = context
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.context:
            kwargs["context"] = self.context
        return name, path, args, kwargs

    def associated_data(self) -> str:
        return self.context or f"{self.model._meta.label_lower}.{self.name}"

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return keyring.decrypt(value, self.associated_data())

    def get_db_prep_value(self, value, connection, prepared=False):
        if prepared or value is None or value == "":
            return value
        return keyring.encrypt(str(value), self.associated_data())

    def get_lookup(self, lookup_name):
        if lookup_name in ("isnull", UnderKey.lookup_name, Encrypted.lookup_name):
            return super().get_lookup(lookup_name)
        raise TypeError(f"{self.name} is encrypted: look it up through its BlindIndexField (`<index>__matches=value`).")

    def formfield(self, **kwargs):
        defaults = {"form_class": forms.CharField, "max_length": self.max_length}
        if self.max_length is not None and self.max_length <= 255:
            defaults["widget"] = forms.TextInput
        return super().formfield(**{**defaults, **kwargs})


@EncryptedTextField.register_lookup
class UnderKey(Lookup):
    """`field__under_key="2026a"`: rows whose stored value was encrypted under that key."""

    lookup_name = "under_key"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if not keyring.KEY_ID.match(str(self.rhs)):
            raise ValueError(f"{self.rhs!r} is not a key id")
        return f"{lhs} LIKE %s", [*params, keyring.token_prefix(self.rhs) + "%"]


@EncryptedTextField.register_lookup
class Encrypted(Lookup):
    """`field__encrypted=True`: rows holding a ciphertext (not NULL, not empty)."""

    lookup_name = "encrypted"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        if self.rhs is not True:
            raise ValueError("use field__encrypted=True")
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*params, keyring.VERSION + ":%"]


class BlindIndexField(models.CharField):
    """A keyed hash of another field's normalised value, kept up to date on every save."""

    description = "Blind index of an encrypted field"

    def __init__(self, *args, source: str = "", **kwargs):
        self.source = source
        kwargs.setdefault("max_length", 66)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key, default in (("max_length", 66), ("editable", False), ("blank", True), ("db_index", True)):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def context(self) -> str:
        return self.model._meta.get_field(self.source).associated_data()

    def index_of(self, value) -> str:
        return keyring.blind_index(str(value), self.context()) if value else ""

    def pre_save(self, model_instance, add):
        value = self.index_of(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


@BlindIndexField.register_lookup
class Matches(In):
    """`index__matches=value`: rows whose source field equals `value` (after normalisation)."""

    lookup_name = "matches"

    def get_prep_lookup(self):
        return keyring.blind_index_candidates(str(self.rhs), self.lhs.output_field.context())
