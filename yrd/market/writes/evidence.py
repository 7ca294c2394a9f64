"""A regulator concerned adds a file to a case (an inspection photo, a test report): checked by its content,
stored under a random name, audited; downloaded only through the access-checked view."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.access import require
from yrd.core.actors import person, write
from yrd.core.audit import audit_record
from yrd.core.uploads import check_upload
from yrd.market.apps import CASE_WORK
from yrd.market.models import Case, CaseEvent, Evidence


@write
def case_evidence_add(*, acting_user, case: Case, upload) -> Evidence:
    require(acting_user, CASE_WORK, case)
    if upload is None:
        raise ValidationError({"file": [_("Choose a file to upload.")]})
    try:
        content_type, digest = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    evidence = Evidence.objects.create(
        case=case, file=upload, name=upload.name[-200:], content_type=content_type, sha256=digest,
        added_by=person(acting_user),
    )  # fmt: skip
    # the timeline does not repeat the file's name: names often carry a person's name or ID number
    CaseEvent.objects.create(case=case, at=evidence.uploaded_at, actor=person(acting_user), kind="evidence",
                             note=f"#{evidence.pk}")  # fmt: skip
    audit_record(
        actor=acting_user,
        action="market.evidence.add",
        obj=case,
        jurisdiction=case.lead_jurisdiction.code,
        data={"evidence": evidence.pk, "sha256": digest, "content_type": content_type},
    )
    return evidence
