import pytest
from django.core.exceptions import ValidationError

from yrd.core.models import AuditEntry
from yrd.services import selectors
from yrd.services.tests.conftest import decided, submit


def test_a_held_material_is_reused_with_consent_and_the_reuse_recorded(world):
    first = submit(world)
    held = first.materials.get()
    second = submit(world, uploads=[], reuse={"id-card": held.pk}, reuse_consent=True)
    reused = second.materials.get()
    assert reused.reused_from == held and reused.sha256 == held.sha256 and reused.reuse_consent_at
    entry = AuditEntry.objects.get(action="services.application.submit", object_id=str(second.pk))
    assert entry.data["reused"] == [{"type": "id-card", "from": first.number, "sha256": held.sha256}]
    assert entry.data["consent"] is True


def test_reuse_without_consent_is_refused(world):
    held = submit(world).materials.get()
    with pytest.raises(ValidationError) as caught:
        submit(world, uploads=[], reuse={"id-card": held.pk})
    assert "consent" in caught.value.message_dict["reuse"][0]


def test_another_applicants_material_cannot_be_reused(world):
    held = submit(world).materials.get()
    with pytest.raises(ValidationError) as caught:
        submit(
            world,
            uploads=[],
            reuse={"id-card": held.pk},
            reuse_consent=True,
            applicant_id_number="340104199003070013",
            applicant_name="李四",
        )
    assert "No id-card is held" in caught.value.message_dict["reuse"][0]


def test_a_decision_is_offered_for_reuse_on_the_next_application(world):
    application = decided(world)
    held = selectors.held_materials(application.applicant_id_number)
    assert {m.role for m in held} == {"submitted", "decision"}
