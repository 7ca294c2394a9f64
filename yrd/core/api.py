"""The core API: reveal one personal field in full (audited), a person's own data, withdrawing a consent."""

from django.core.exceptions import ObjectDoesNotExist
from ninja import Router, Schema
from pydantic import Field

from yrd.core.models import Consent
from yrd.core.personal import subject
from yrd.core.personal.reveal import personal_record, personal_reveal

router = Router(tags=["core"])


class RevealIn(Schema):
    object: str = Field(max_length=80, description='The record type, e.g. "market.Report".')
    id: str = Field(max_length=64)
    field: str = Field(max_length=80)


class RevealOut(Schema):
    object: str
    id: str
    field: str
    value: str


@router.post("/personal/reveal", response=RevealOut)
def reveal(request, payload: RevealIn):
    """The full value of one personal field, for a role that needs it; every reveal is audited."""
    try:
        obj = personal_record(payload.object, payload.id)
    except (ObjectDoesNotExist, ValueError):
        raise ObjectDoesNotExist from None
    value = personal_reveal(acting_user=request.user, obj=obj, field=payload.field)
    return {"object": payload.object, "id": payload.id, "field": payload.field, "value": value}


class SectionOut(Schema):
    module: str
    title: str
    records: list[dict]


class MyDataOut(Schema):
    person: str
    generated_at: str
    sections: list[SectionOut]


@router.get("/personal/mine", response=MyDataOut)
def my_data(request):
    """Everything the platform holds about the signed-in person, from every module, with consents."""
    return subject.personal_export(acting_user=request.user, user=request.user)


class ConsentOut(Schema):
    id: int
    code: str
    version: str
    given_at: str
    withdrawn_at: str | None


@router.post("/personal/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request, consent_id: int):
    """Withdraw one of one's own consents (PIPL art. 15): what it allowed stops, what it covered is erased."""
    consent = Consent.objects.filter(pk=consent_id, user=request.user).first() if request.user.pk else None
    if consent is None:
        raise ObjectDoesNotExist
    consent = subject.consent_withdraw(acting_user=request.user, consent=consent)
    return {
        "id": consent.pk,
        "code": consent.code,
        "version": consent.version,
        "given_at": consent.given_at.isoformat(),
        "withdrawn_at": consent.withdrawn_at.isoformat(),
    }
