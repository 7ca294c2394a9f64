"""Operational intents: submit, update (on the version last seen), withdraw, and each province's consent.

A submission is accepted only when the engine finds no conflict with holding intents of the same or
higher priority and no active no-fly restriction (see `conflicts.detect`). A refused submission
writes nothing but a `Refusal` (the figure "conflicts prevented"), which the returned `Outcome`
carries with the conflicts and the nearest free window; the API answers it with HTTP 409. With an
idempotency key, a retry replays the first outcome, accepted or refused, without checking again.
An emergency intent is accepted over normal ones, which become *displaced*; their operators are
told at once, after commit.

An intent that crosses more than one province, or needs approval (its class has no suitable
airspace there, it flies above 120 m, or enters controlled airspace), waits for each crossed
province's consent in flight order; it holds its airspace while it waits.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.personal import redacted
from yrd.lowalt.apps import CONSENT, EMERGENCY, SUBMIT
from yrd.lowalt.conflicts import AircraftClass, InvalidVolume, OperationalIntent, Priority, Verdict, permission
from yrd.lowalt.conflicts.detect import Assessment
from yrd.lowalt.deconfliction import (
    VolumeInput,
    build_volumes,
    check,
    lock_airspace,
    provinces_crossed,
    restriction_set,
    volume_row,
)
from yrd.lowalt.models import Aircraft, Consent, Intent, IntentState, Refusal
from yrd.lowalt.notices import tell_next_authority, tell_operator
from yrd.lowalt.texts import problem_message, problems_by_field

__all__ = ["consent_decide", "intent_submit", "intent_update", "intent_withdraw"]


@dataclass(frozen=True)
class IntentInput:
    aircraft: str  # registration number
    purpose: str
    volumes: list[VolumeInput] = field(default_factory=list)
    emergency: bool = False


@dataclass(frozen=True)
class Outcome:
    """What a submission or update came to: the intent, or the refusal and (unless replayed) the assessment."""

    intent: Intent | None = None
    refusal: Refusal | None = None
    assessment: Assessment | None = None
    replayed: bool = False

    @property
    def accepted(self) -> bool:
        return self.intent is not None


@dataclass(frozen=True)
class Checked:
    """An intent that passed validation: its engine form, the provinces it crosses, whether it needs consent."""

    aircraft: Aircraft
    engine: OperationalIntent
    provinces: list[Jurisdiction]
    needs_consent: bool


# --- submit ---------------------------------------------------------------------------------------

SUBMIT_OPERATION = "lowalt.intent.submit"


@write
def intent_submit(
    *,
    acting_user,
    operator: Organisation,
    data: IntentInput,
    idempotency_key: str | None = None,
    at: datetime | None = None,
    is_demo: bool = False,
) -> Outcome:
    """Check a new intent and store it, or record its refusal (ValidationError for bad input)."""
    at = at or timezone.now()
    require(acting_user, SUBMIT, operator)
    if data.emergency:
        require(acting_user, EMERGENCY, operator)
    earlier = idempotency.claim(
        acting_user=acting_user, operation=SUBMIT_OPERATION, key=idempotency_key, request=_fingerprint(operator, data)
    )
    if earlier is not None:
        return _replay(earlier)
    checked = _validate(operator, data, at, number="new")
    lock_airspace(list(checked.engine.volumes))
    assessment = check(checked.engine, at)
    if not assessment.accepted:
        refusal = _record_refusal(acting_user, operator, assessment, is_demo)
        idempotency.fulfil(
            acting_user=acting_user, operation=SUBMIT_OPERATION, key=idempotency_key, result_id=f"refusal:{refusal.pk}"
        )
        return Outcome(refusal=refusal, assessment=assessment)
    intent = Intent.objects.create(
        number=_provisional_number(),
        operator=operator,
        aircraft=checked.aircraft,
        submitted_by=person(acting_user),
        purpose=data.purpose.strip(),
        priority=checked.engine.priority,
        state=IntentState.AWAITING_CONSENT if checked.needs_consent else IntentState.ACCEPTED,
        starts_at=checked.engine.window.start,
        ends_at=checked.engine.window.end,
        is_demo=is_demo,
    )
    intent.number = f"LA{timezone.localdate(at):%Y%m%d}-{intent.pk:06d}"
    intent.save(update_fields=["number"])
    _store_plan(intent, data, checked)
    displaced = _displace(acting_user, assessment, intent)
    audit_record(
        actor=acting_user,
        action="lowalt.intent.submit",
        obj=intent,
        jurisdiction=checked.provinces[0].code,  # where it starts; all it crosses are in the data
        data={
            "state": intent.state,
            "priority": intent.priority,
            "provinces": [p.code for p in checked.provinces],
            "displaced": [i.number for i in displaced],
        },
    )
    idempotency.fulfil(acting_user=acting_user, operation=SUBMIT_OPERATION, key=idempotency_key, result_id=intent.pk)
    transaction.on_commit(lambda: _after_accept(intent, displaced))
    return Outcome(intent=intent, assessment=assessment)


def _replay(earlier: str) -> Outcome:
    if earlier.startswith("refusal:"):
        return Outcome(refusal=Refusal.objects.get(pk=int(earlier.removeprefix("refusal:"))), replayed=True)
    return Outcome(intent=Intent.objects.get(pk=int(earlier)), replayed=True)


def _fingerprint(operator: Organisation, data: IntentInput) -> dict:
    return {"operator": operator.pk, **asdict(data)}


def _record_refusal(acting_user, operator, assessment: Assessment, is_demo: bool = False) -> Refusal:
    details = {
        "conflicts": [
            {
                "volume": c.volume_no,
                "source": c.source.value,
                "start": _local(c.window.start),
                "end": _local(c.window.end),
                "lower_m": c.band.lower,
                "upper_m": c.band.upper,
            }
            for c in assessment.conflicts
        ],
        "free_window": [_local(assessment.free_window.start), _local(assessment.free_window.end)]
        if assessment.free_window
        else None,
    }
    refusal = Refusal.objects.create(
        operator=operator,
        submitted_by=person(acting_user),
        conflicts=len(assessment.conflicts),
        details=details,
        is_demo=is_demo,
    )
    audit_record(actor=acting_user, action="lowalt.intent.refuse", obj=refusal, data=details)
    return refusal


# --- update and withdraw ------------------------------------------------------------------------


@write
def intent_update(*, acting_user, number: str, version: int, data: IntentInput, at: datetime | None = None) -> Outcome:
    """Replace an intent's plan, on the version the operator last saw (an older one: Conflict, HTTP 409)."""
    at = at or timezone.now()
    intent = _locked(number)
    require(acting_user, SUBMIT, intent.operator)
    _check_version(intent, version)
    if intent.state not in (IntentState.ACCEPTED, IntentState.AWAITING_CONSENT, IntentState.DISPLACED):
        raise Conflict(_("Intent %(number)s is %(state)s; it cannot be changed.") % _named(intent), code="closed")
    if data.emergency and intent.priority != Priority.EMERGENCY:
        require(acting_user, EMERGENCY, intent.operator)
    checked = _validate(intent.operator, data, at, number=intent.number)
    lock_airspace(list(checked.engine.volumes))
    assessment = check(checked.engine, at)
    if not assessment.accepted:
        refusal = _record_refusal(acting_user, intent.operator, assessment, intent.is_demo)
        return Outcome(refusal=refusal, assessment=assessment)
    intent.volumes.all().delete()
    intent.consents.all().delete()
    intent.aircraft, intent.purpose, intent.priority = checked.aircraft, data.purpose.strip(), checked.engine.priority
    intent.state = IntentState.AWAITING_CONSENT if checked.needs_consent else IntentState.ACCEPTED
    intent.starts_at, intent.ends_at = checked.engine.window.start, checked.engine.window.end
    intent.version += 1
    intent.save()
    _store_plan(intent, data, checked)
    displaced = _displace(acting_user, assessment, intent)
    audit_record(
        actor=acting_user,
        action="lowalt.intent.update",
        obj=intent,
        data={"version": intent.version, "state": intent.state, "displaced": [i.number for i in displaced]},
    )
    transaction.on_commit(lambda: _after_accept(intent, displaced))
    return Outcome(intent=intent, assessment=assessment)


@write
def intent_withdraw(*, acting_user, number: str, version: int) -> Intent:
    intent = _locked(number)
    require(acting_user, SUBMIT, intent.operator)
    _check_version(intent, version)
    if intent.state == IntentState.WITHDRAWN:
        raise Conflict(_("Intent %(number)s is already withdrawn.") % {"number": intent.number}, code="closed")
    intent.state = IntentState.WITHDRAWN
    intent.version += 1
    intent.save(update_fields=["state", "version", "updated_at"])
    audit_record(actor=acting_user, action="lowalt.intent.withdraw", obj=intent, data={"version": intent.version})
    return intent


# --- consent -------------------------------------------------------------------------------------


@write
def consent_decide(*, acting_user, number: str, grant: bool, note: str = "") -> Consent:
    """The province whose turn it is grants or refuses; the last grant accepts the intent."""
    intent = _locked(number)
    step = intent.consents.filter(state=Consent.State.PENDING).order_by("order").first()
    if intent.state != IntentState.AWAITING_CONSENT or step is None:
        raise Conflict(_("Intent %(number)s is not awaiting consent.") % {"number": intent.number}, code="no_consent")
    require(acting_user, CONSENT, step.province)
    if len(note) > 500:
        raise ValidationError({"note": [_("At most 500 characters.")]})
    step.state = Consent.State.GRANTED if grant else Consent.State.REFUSED
    step.decided_by, step.decided_at, step.note = person(acting_user), timezone.now(), note
    step.save()
    more = intent.consents.filter(state=Consent.State.PENDING).exists()
    if not grant:
        intent.state = IntentState.REFUSED
    elif not more:
        intent.state = IntentState.ACCEPTED
    intent.version += 1
    intent.save(update_fields=["state", "version", "updated_at"])
    audit_record(
        actor=acting_user,
        action="lowalt.consent.grant" if grant else "lowalt.consent.refuse",
        obj=intent,
        jurisdiction=step.province.code,
        data=redacted(Consent, {"order": step.order, "state": intent.state, "note": note}),
    )
    transaction.on_commit(lambda: _after_consent(intent, grant, more))
    return step


# --- steps ---------------------------------------------------------------------------------------


def _validate(operator: Organisation, data: IntentInput, at: datetime, number: str) -> Checked:
    """Everything wrong with the input at once, as one ValidationError; nothing is read from the airspace yet."""
    errors: dict[str, list[str]] = {}
    aircraft = Aircraft.objects.filter(operator=operator, registration=data.aircraft.strip().upper()).first()
    if aircraft is None:
        errors["aircraft"] = [
            _("%(operator)s has no aircraft registered as %(registration)s.")
            % {"operator": operator.name, "registration": data.aircraft}
        ]
    if not data.purpose.strip():
        errors["purpose"] = [_("Say what the flight is for.")]
    elif len(data.purpose) > 200:
        errors["purpose"] = [_("At most 200 characters.")]
    try:
        volumes = build_volumes(data.volumes, at)
    except InvalidVolume as refused:
        errors.update(problems_by_field(refused.problems))
        raise ValidationError(errors) from None
    provinces = provinces_crossed(volumes, data.volumes)
    if not provinces:
        errors["volumes"] = [_("The flight lies outside the airspace of Shanghai, Jiangsu, Zhejiang and Anhui.")]
    verdict = None
    if aircraft is not None:
        verdict = permission(AircraftClass(aircraft.aircraft_class), volumes, restriction_set())
        if verdict.verdict == Verdict.NOT_PERMITTED:
            errors["aircraft"] = [problem_message(p) for p in verdict.reasons]
    if errors:
        raise ValidationError(errors)
    priority = Priority.EMERGENCY if data.emergency else Priority.NORMAL
    engine = OperationalIntent(number, tuple(volumes), priority)
    jurisdictions = {
        j.code: j for j in Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE, code__in=provinces)
    }
    needs_consent = len(provinces) > 1 or verdict.verdict == Verdict.NEEDS_APPROVAL
    return Checked(aircraft, engine, [jurisdictions[code] for code in provinces], needs_consent)


def _store_plan(intent: Intent, data: IntentInput, checked: Checked) -> None:
    for ordinal, (given, volume) in enumerate(zip(data.volumes, checked.engine.volumes, strict=True)):
        volume_row(intent, ordinal, given, volume).save()
    intent.provinces.set(checked.provinces)
    if checked.needs_consent:
        Consent.objects.bulk_create(
            Consent(intent=intent, order=order, province=province) for order, province in enumerate(checked.provinces)
        )


def _displace(acting_user, assessment: Assessment, by: Intent) -> list[Intent]:
    """Lower-priority holding intents the new one overlaps: no longer holding, to be replanned."""
    numbers = sorted({c.ref for c in assessment.displaced})
    displaced = list(Intent.objects.select_for_update().filter(number__in=numbers).select_related("operator"))
    for intent in displaced:
        intent.state = IntentState.DISPLACED
        intent.version += 1
        intent.save(update_fields=["state", "version", "updated_at"])
        audit_record(actor=acting_user, action="lowalt.intent.displace", obj=intent, data={"by": by.number})
    return displaced


def _after_accept(intent: Intent, displaced: list[Intent]) -> None:
    for other in displaced:
        tell_operator(
            other,
            gettext_lazy("Replan %(number)s: an emergency operation needs its airspace"),
            gettext_lazy("Emergency operation %(by)s now holds airspace your intent %(number)s used."),
            by=intent.number,
        )
    if intent.state == IntentState.AWAITING_CONSENT:
        tell_next_authority(intent)


def _after_consent(intent: Intent, granted: bool, more: bool) -> None:
    if not granted:
        tell_operator(intent, gettext_lazy("Intent %(number)s was refused"), gettext_lazy("A province refused it."))
    elif more:
        tell_next_authority(intent)
    else:
        tell_operator(intent, gettext_lazy("Intent %(number)s is accepted"), gettext_lazy("Every province consented."))


def _local(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat()


def _locked(number: str) -> Intent:
    intent = Intent.objects.select_for_update().select_related("operator").filter(number=number).first()
    if intent is None:
        raise Intent.DoesNotExist(number)
    return intent


def _check_version(intent: Intent, version: int) -> None:
    if version != intent.version:
        raise Conflict(
            _("Intent %(number)s has changed since version %(seen)s (it is at version %(now)s); reload it.")
            % {"number": intent.number, "seen": version, "now": intent.version},
            code="stale_version",
        )


def _named(intent: Intent) -> dict:
    return {"number": intent.number, "state": intent.get_state_display()}


def _provisional_number() -> str:
    """Unique until the row has its id and its real number, a moment later in the same transaction."""
    return f"new-{uuid.uuid4().hex[:16]}"
