import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from yrd.core.audit import data_version
from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.core.tests.factories import public_copies
from yrd.services.models import Application, CompetentAuthority, HandlingStep, Material, Mode
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import submit


def nothing_written(before_audit):
    return (
        Application.objects.count() == 0
        and Material.objects.count() == 0
        and HandlingStep.objects.count() == 0
        and AuditEntry.objects.count() == before_audit
    )


def refused(world, field, **kwargs):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        submit(world, **kwargs)
    assert nothing_written(before)
    messages = caught.value.message_dict[field]
    return " ".join(messages)


def test_a_remote_application_is_routed_to_the_authority_of_the_handling_province(world):
    application = submit(world)
    step = application.steps.get()
    assert application.state == "submitted" and application.number
    assert step.jurisdiction == world.anhui and step.authority == world.item.authority_orgs["340000"]
    material = application.materials.get()
    assert material.content_type == "application/pdf" and len(material.sha256) == 64
    assert application.applicant_user == world.applicant
    assert AuditEntry.objects.filter(action="services.application.submit", object_id=str(application.pk)).exists()


def test_a_retried_submission_with_the_same_key_returns_the_first_application(world):
    first = submit(world, key="key-1")
    again = submit(world, key="key-1")
    assert again.pk == first.pk and again.replayed and Application.objects.count() == 1


def test_the_same_key_with_a_different_application_is_refused_and_writes_nothing(world):
    submit(world, key="key-2")
    with pytest.raises(Conflict, match="different request"):
        submit(world, key="key-2", applicant_name="李四")
    assert Application.objects.count() == 1


def test_keys_belong_to_their_sender_so_another_persons_equal_key_is_another_request(world):
    mine = submit(world, key="key-3")
    theirs = submit(world, key="key-3", by=world.other_applicant, applicant_id_number="310101198001010018")
    assert theirs.pk != mine.pk and Application.objects.count() == 2


def test_an_online_application_needs_every_mandatory_material(world):
    with translation.override("zh-hans"):
        message = refused(world, "materials", mode=Mode.ONLINE, uploads=[("photo", f.png())])
    assert "身份证复印件" in message


def test_a_material_the_item_does_not_ask_for_is_refused(world):
    assert "is not a material" in refused(world, "materials", uploads=[("diploma", f.pdf())])


def test_a_wrong_format_for_the_material_type_is_refused(world):
    # the photo accepts JPEG/PNG only
    message = refused(world, "materials", uploads=[("id-card", f.pdf()), ("photo", f.pdf("photo.pdf"))])
    assert "JPEG / PNG" in message


def test_a_disguised_file_is_refused_by_its_content(world):
    assert "checked by its content" in refused(world, "materials", uploads=[("id-card", f.disguised())])


def test_an_oversized_file_is_refused_with_the_limit(world):
    assert "limit is 2 MB" in refused(world, "materials", uploads=[("id-card", f.oversized(mb=3))])


def test_an_invalid_resident_id_is_refused(world):
    message = refused(world, "applicant_id_number", applicant_id_number="310101199003070018")
    assert "not a valid resident ID number" in message


def test_an_enterprise_item_needs_a_valid_uscc(world):
    item = f.service_item("ent-test", audience="enterprise")
    message = refused(
        world,
        "applicant_uscc",
        item=item,
        applicant_kind="enterprise",
        applicant_uscc="91310000123456789X",
    )
    assert "Unified Social Credit Code" in message


def test_a_person_cannot_apply_for_an_enterprise_item(world):
    item = f.service_item("ent-test-2", audience="enterprise")
    assert "Enterprises" in refused(world, "applicant_kind", item=item)


def test_an_item_not_offered_in_the_chosen_mode_is_refused(world):
    item = f.service_item("online-only", remote=False, joint=False)
    message = refused(world, "mode", item=item)
    assert "is not offered as “Remote receive-and-forward”" in message and "Fully online" in message


def test_a_province_without_a_competent_authority_is_refused(world):
    CompetentAuthority.objects.filter(item=world.item, province=world.anhui).delete()
    assert "no competent authority in" in refused(world, "handling")


def test_remote_receive_and_forward_is_for_another_province(world):
    assert "apply for it as a local matter" in refused(world, "handling", handling=[world.shanghai])


def test_joint_handling_needs_two_jurisdictions_and_orders_them(world):
    assert "two or more" in refused(world, "handling", mode=Mode.JOINT)
    application = submit(world, mode=Mode.JOINT, handling=[world.jiangsu, world.anhui])
    assert [(s.jurisdiction.code, s.order) for s in application.steps.all()] == [
        ("320000", 1),
        ("340000", 2),
    ]


def test_a_stranger_without_the_applicant_role_may_not_apply(world):
    with pytest.raises(PermissionDenied):
        submit(world, by=world.stranger)


def test_a_window_officer_may_submit_for_a_walk_in_applicant_at_their_own_window_only(world):
    application = submit(world, by=world.sh_officer)
    assert application.applicant_user is None and application.submitted_by == world.sh_officer
    with pytest.raises(PermissionDenied):
        submit(world, by=world.sz_officer)


def test_a_new_application_changes_no_public_page_so_it_moves_no_public_version(world, settings):
    # services.application.submit is declared private (ServicesConfig.manifest): the public copies
    # of the catalogue stay current through it. The statistics are recounted on a timer instead.
    settings.PUBLIC_CACHE = False
    urls = ["/services/", "/api/services/catalogue", f"/services/items/{world.item.code}/"]
    before, public = public_copies(urls), data_version(["services"], public=True)
    signed_in = data_version(["services"])
    submit(world)
    assert public_copies(urls) == before
    assert data_version(["services"], public=True) == public and data_version(["services"]) > signed_in
