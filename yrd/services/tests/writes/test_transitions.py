import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.audit import verify_chain
from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry, Notification
from yrd.services import writes
from yrd.services.models import ExchangeRecord, Mode
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import decided, forwarded, in_handling, submit
from yrd.services.writes.common import payload_digest


def test_a_remote_application_goes_from_a_shanghai_window_to_a_decision_in_anhui(world):
    application = decided(world)
    writes.application_deliver(acting_user=world.sh_officer, application=application, method="window")
    application.refresh_from_db()
    assert application.state == "delivered" and application.decision == "approved"
    kinds = [(e.kind, e.sender_province, e.receiver_province) for e in application.exchanges.all()]
    assert kinds == [("forward", "310000", "340000"), ("decision", "340000", "310000")]
    assert verify_chain() is None


def test_each_exchange_record_is_in_the_audit_chain_with_its_checksum(world):
    application = forwarded(world)
    record = application.exchanges.get()
    entry = AuditEntry.objects.get(seq=record.audit_seq)
    assert entry.action == "services.exchange.forward"
    assert entry.data["payload_sha256"] == record.payload_sha256 == payload_digest(record.payload)
    assert record.payload["materials"][0]["sha256"] == application.materials.get().sha256
    assert record.sender == world.sh_window and record.receiver == world.item.authority_orgs["340000"]


def test_forwarding_notifies_the_handling_officers(world):
    forwarded(world)
    assert Notification.objects.filter(recipient=world.ah_officer).exists()
    assert not Notification.objects.filter(recipient=world.zj_officer).exists()


def test_receiving_a_remote_application_needs_the_signed_consent_form(world):
    application = submit(world)
    with pytest.raises(ValidationError) as caught:
        writes.application_receive(acting_user=world.sh_officer, application=application)
    assert "consent" in caught.value.message_dict["consent_signed"][0]


def test_the_window_adds_scans_when_it_receives(world):
    application = submit(world, uploads=[])
    with pytest.raises(ValidationError):
        writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    writes.application_receive(
        acting_user=world.sh_officer,
        application=application,
        consent_signed=True,
        uploads=[("id-card", f.pdf())],
    )
    assert application.materials.get().added_by == world.sh_officer


def test_a_forward_to_a_province_without_a_competent_authority_is_refused(world):
    from yrd.services.models import CompetentAuthority

    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    CompetentAuthority.objects.filter(item=world.item, province=world.zhejiang).delete()
    with pytest.raises(ValidationError) as caught:
        writes.application_forward(acting_user=world.sh_officer, application=application, to_province=world.zhejiang)
    assert "no competent authority in" in caught.value.message_dict["to_province"][0]
    application.refresh_from_db()
    assert application.state == "received" and not ExchangeRecord.objects.exists()


def test_a_forward_may_reroute_to_another_province_with_an_authority(world):
    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    writes.application_forward(acting_user=world.sh_officer, application=application, to_province=world.zhejiang)
    assert application.steps.get().jurisdiction == world.zhejiang


@pytest.mark.parametrize("name", ["accept", "start_handling", "deliver"])
def test_an_illegal_transition_is_a_conflict_with_the_reason(world, name):
    application = submit(world)
    call = {
        "accept": lambda: writes.application_accept(acting_user=world.ah_officer, application=application),
        "start_handling": lambda: writes.application_start_handling(
            acting_user=world.ah_officer, application=application
        ),
        "deliver": lambda: writes.application_deliver(
            acting_user=world.sh_officer, application=application, method="window"
        ),
    }[name]
    with pytest.raises(Conflict) as caught:
        call()
    assert "possible only when it is" in caught.value.message and caught.value.code == "illegal_transition"


def test_a_remote_application_is_not_accepted_before_it_is_forwarded(world):
    application = submit(world)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    with pytest.raises(Conflict) as caught:
        writes.application_accept(acting_user=world.ah_officer, application=application)
    assert caught.value.code == "not_forwarded"


def test_only_remote_applications_are_forwarded(world):
    application = submit(world, mode=Mode.JOINT, handling=[world.jiangsu, world.anhui])
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    with pytest.raises(Conflict):
        writes.application_forward(acting_user=world.sh_officer, application=application)


def test_a_rejection_needs_reasons_and_returns_to_the_window(world):
    application = forwarded(world)
    with pytest.raises(ValidationError):
        writes.application_reject(acting_user=world.ah_officer, application=application, reasons=" ")
    writes.application_reject(acting_user=world.ah_officer, application=application, reasons="材料不全")
    assert application.exchanges.filter(kind="return", sender_province="340000").exists()


def test_a_correction_goes_back_to_the_applicant_and_returns_where_it_was(world):
    application = in_handling(world)
    id_card = f.material_type("id-card")
    writes.correction_request(
        acting_user=world.ah_officer,
        application=application,
        reasons="复印件不清晰",
        material_types=[id_card],
    )
    application.refresh_from_db()
    assert application.state == "correction" and application.resume_state == "in_handling"
    with pytest.raises(ValidationError) as caught:
        writes.correction_respond(acting_user=world.applicant, application=application, note="已补")
    assert "Still missing" in caught.value.message_dict["materials"][0]
    with pytest.raises(PermissionDenied):
        writes.correction_respond(
            acting_user=world.other_applicant,
            application=application,
            uploads=[("id-card", f.pdf())],
        )
    writes.correction_respond(
        acting_user=world.applicant,
        application=application,
        uploads=[("id-card", f.pdf("clear.pdf"))],
    )
    application.refresh_from_db()
    assert application.state == "in_handling" and application.corrections.get().responded_at


def test_a_decision_needs_its_document_and_a_denial_its_reasons(world):
    application = in_handling(world)
    with pytest.raises(ValidationError):
        writes.application_decide(acting_user=world.ah_officer, application=application, approved=True)
    with pytest.raises(ValidationError):
        writes.application_decide(
            acting_user=world.ah_officer, application=application, approved=False, document=f.pdf()
        )
    with pytest.raises(ValidationError):
        writes.application_decide(
            acting_user=world.ah_officer,
            application=application,
            approved=True,
            document=f.disguised(),
        )
    application.refresh_from_db()
    assert application.state == "in_handling" and not application.materials.filter(role="decision").exists()


def test_a_courier_delivery_records_a_valid_tracking_number(world):
    application = decided(world)
    with pytest.raises(ValidationError):
        writes.application_deliver(
            acting_user=world.ah_officer,
            application=application,
            method="courier",
            tracking_number="12-34",
        )
    writes.application_deliver(
        acting_user=world.ah_officer,
        application=application,
        method="courier",
        tracking_number="SF1234567890",
    )
    application.refresh_from_db()
    assert application.tracking_number == "SF1234567890" and application.delivery_method == "courier"


@pytest.mark.parametrize("blank", ["", "   "])
def test_an_empty_tracking_number_asks_for_one(world, blank):
    application = decided(world)
    with pytest.raises(ValidationError) as caught:
        writes.application_deliver(
            acting_user=world.ah_officer,
            application=application,
            method="courier",
            tracking_number=blank,
        )
    assert caught.value.message_dict == {"tracking_number": ["Enter the courier's tracking number."]}


def test_an_online_application_is_received_by_the_competent_authority(world):
    application = submit(world, mode=Mode.ONLINE)
    with pytest.raises(PermissionDenied):
        writes.application_receive(acting_user=world.sh_officer, application=application)
    writes.application_receive(acting_user=world.ah_officer, application=application)
    application = writes.application_accept(acting_user=world.ah_officer, application=application)
    assert application.state == "accepted"


def test_officers_of_other_provinces_may_not_act(world):
    application = forwarded(world)
    for outsider in (world.zj_officer, world.sh_handler, world.sh_officer, world.applicant):
        with pytest.raises(PermissionDenied):
            writes.application_accept(acting_user=outsider, application=application)
