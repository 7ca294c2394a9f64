"""Once-only reuse hands an account only what that account itself submitted, under the identity it
is bound to — whatever ID number is typed (issue 6, item 1)."""

import pytest
from django.core.exceptions import ValidationError

from yrd.core.models import AuditEntry
from yrd.services import selectors, writes
from yrd.services.models import AccountIdentity, Material
from yrd.services.tests.conftest import decided, submit

VICTIM_ID = "310101199003070019"  # the conftest applicant's
ATTACKER_ID = "310101198001010018"


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


def test_typing_a_victims_id_number_offers_none_of_their_materials(world):
    submit(world)  # the victim, with their ID card on file
    submit(world, by=world.other_applicant, applicant_id_number=ATTACKER_ID, applicant_name="李四")
    assert list(selectors.reusable_materials(world.other_applicant)) == [
        m for m in Material.objects.filter(application__applicant_user=world.other_applicant)
    ]


def test_an_attacker_cannot_reuse_a_victims_material_even_with_their_id_number(world):
    victims = submit(world).materials.get()
    with pytest.raises(ValidationError) as caught:
        submit(
            world,
            by=world.other_applicant,
            uploads=[],
            reuse={"id-card": victims.pk},
            reuse_consent=True,
            applicant_id_number=VICTIM_ID,
        )
    assert "holds no id-card" in caught.value.message_dict["reuse"][0]
    assert not Material.objects.filter(reused_from=victims).exists()


def test_an_account_applies_only_under_the_identity_it_is_bound_to(world):
    submit(world)
    assert AccountIdentity.objects.get(user=world.applicant).id_number == VICTIM_ID
    with pytest.raises(ValidationError) as caught:
        submit(world, applicant_id_number=ATTACKER_ID, applicant_name="李四")
    assert "This account applies as 310***********0019" in caught.value.message_dict["applicant_id_number"][0]


def test_a_window_officer_rebinds_an_account_after_checking_the_papers(world):
    old = submit(world).materials.get()
    writes.account_identity_set(
        acting_user=world.sh_officer, account=world.applicant, kind="person", name="李四", id_number=ATTACKER_ID
    )
    identity = AccountIdentity.objects.get(user=world.applicant)
    assert (identity.id_number, identity.verified_by) == (ATTACKER_ID, world.sh_officer)
    assert submit(world, applicant_id_number=ATTACKER_ID, applicant_name="李四").applicant_id_number == ATTACKER_ID
    # Materials of the old identity are no longer offered.
    assert old not in selectors.reusable_materials(world.applicant)


def test_only_an_officer_may_rebind_an_account(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        writes.account_identity_set(
            acting_user=world.other_applicant,
            account=world.applicant,
            kind="person",
            name="李四",
            id_number=ATTACKER_ID,
        )


def test_a_decision_is_offered_for_reuse_on_the_next_application(world):
    decided(world)
    held = selectors.reusable_materials(world.applicant)
    assert {m.role for m in held} == {"submitted", "decision"}
