"""Retention of personal information: each module's manifest says how long each record type keeps
it (`Retention`, with its legal basis); `personal_purge` erases the personal fields of the records
past it. The record stays (numbers, dates, states, statistics), and so does the audit log: entries
never held the values (`audit_repr`), and each purge is itself an audited write naming the records
and fields erased, never their values.

A model whose values cannot simply be emptied says how it erases: `personal_holding()` (a Q of the
rows still holding values) and `personal_erase_rows(rows)` (accounts are anonymised, the audit log
empties the actor's name and IP but keeps their salted digest in the chain).
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.personal import declared
from yrd.core.registry import Retention, registry

PURGED = "core.personal.purge"


@dataclass(frozen=True)
class Due:
    """What a rule would erase now: the records past their period that still hold personal values."""

    rule: Retention
    days: int
    cutoff: object
    queryset: object
    holding: object  # every record of the rule still holding personal values, due or not

    @property
    def model(self):
        return self.queryset.model


def rules() -> list[Retention]:
    return [rule for manifest in registry.manifests.values() for rule in manifest.retention]


def period(rule: Retention) -> int:
    """The period in days: the manifest's, unless settings.PERSONAL_RETENTION_DAYS overrides it."""
    return settings.PERSONAL_RETENTION_DAYS.get(rule.model, rule.days)


def erased_value(field):
    if isinstance(field, models.JSONField):
        return {}
    if field.null and not isinstance(field, (models.CharField, models.TextField, models.FileField)):
        return None
    return ""


def still_holding(model) -> Q:
    """Rows where at least one personal field still holds a value (a model may say otherwise with
    `personal_holding()`, e.g. accounts, whose username is replaced rather than emptied)."""
    hook = getattr(model, "personal_holding", None)
    if hook is not None:
        return hook()
    conditions = []
    for name in declared(model):
        field = model._meta.get_field(name)
        empty = erased_value(field)
        if empty is None:
            conditions.append(Q(**{f"{name}__isnull": False}))
        else:
            conditions.append(~Q(**{name: empty}) & Q(**{f"{name}__isnull": False}))
    return reduce(or_, conditions)


def due(now=None) -> list[Due]:
    now = now or timezone.now()
    found = []
    for rule in rules():
        model = apps.get_model(rule.model)
        days = period(rule)
        cutoff = now - timedelta(days=days)
        holding = model._default_manager.filter(still_holding(model))
        if rule.when is not None:
            holding = holding.filter(rule.when)
        queryset = holding.filter(**{f"{rule.after}__lt": cutoff}).order_by("pk")
        found.append(Due(rule, days, cutoff, queryset, holding))
    return found


@write
def personal_erase(*, acting_user, model, pks: list, rule: Retention) -> int:
    """Erase the personal fields of the records `pks` of `model`, in one transaction and one audit
    entry; stored files are deleted once the transaction commits."""
    names = list(declared(model))
    rows = list(model._default_manager.select_for_update().filter(pk__in=pks).filter(still_holding(model)))
    hook = getattr(model, "personal_erase_rows", None)
    if hook is not None:  # the model erases its own (accounts, the audit log's actor and IP)
        hook(rows)
    else:
        erase_fields(model, rows, names)
    audit_record(
        actor=acting_user,
        action=PURGED,
        object_type=model._meta.label,
        object_repr=f"{len(rows)} × {model._meta.object_name}",
        data={"ids": [row.pk for row in rows], "fields": names, "after": rule.after, "days": period(rule)},
    )
    return len(rows)


def erase_fields(model, rows, names) -> None:
    """Empty the fields `names` of `rows` (locked by the caller); their stored files are deleted once
    the transaction commits. Retention purges and consent withdrawals both erase through this."""
    files = [
        getattr(row, name)
        for row in rows
        for name in names
        if isinstance(model._meta.get_field(name), models.FileField) and getattr(row, name)
    ]
    erased = {name: erased_value(model._meta.get_field(name)) for name in names}
    model._default_manager.filter(pk__in=[row.pk for row in rows]).update(**erased)
    transaction.on_commit(lambda: [stored.storage.delete(stored.name) for stored in files])
