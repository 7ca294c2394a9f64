"""The application page: plain for the applicant, complete for officers."""

from django.urls import reverse
from django.utils import translation

from yrd.services import writes
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import forwarded, in_handling


def page(client, user, application):
    client.force_login(user)
    response = client.get(reverse("services:application", args=[application.number]))
    assert response.status_code == 200
    return response


def with_correction(world):
    application = in_handling(world)
    writes.correction_request(
        acting_user=world.ah_officer,
        application=application,
        reasons="复印件不清晰",
        material_types=[f.material_type("id-card")],
    )
    return application


def test_a_correction_request_has_its_own_label_in_the_exchange_records(client, world):
    application = with_correction(world)
    html = page(client, world.ah_officer, application).content.decode()
    exchanges = html[html.index('id="exchanges"') :]
    assert "Correction request" in exchanges and "Return" not in exchanges


def test_a_rejection_is_still_a_return(client, world):
    application = forwarded(world)
    writes.application_reject(acting_user=world.ah_officer, application=application, reasons="材料不全")
    html = page(client, world.ah_officer, application).content.decode()
    exchanges = html[html.index('id="exchanges"') :]
    assert "Return" in exchanges and "Correction request" not in exchanges


def test_the_applicant_sees_no_checksums_or_audit_numbers(client, world):
    application = with_correction(world)
    material = application.materials.first()
    exchange = application.exchanges.last()
    html = page(client, world.applicant, application).content.decode()
    assert material.original_name in html
    assert material.sha256 not in html and exchange.payload_sha256 not in html
    assert "Checksum (SHA-256)" not in html and f"#{exchange.audit_seq}<" not in html


def test_officers_see_checksums_and_audit_numbers(client, world):
    application = with_correction(world)
    exchange = application.exchanges.last()
    html = page(client, world.ah_officer, application).content.decode()
    assert application.materials.first().sha256 in html
    assert exchange.payload_sha256 in html and f"#{exchange.audit_seq}<" in html


def test_the_actions_column_is_left_out_when_there_is_nothing_to_do(client, world):
    application = forwarded(world)
    html = page(client, world.applicant, application).content.decode()
    assert "What you can do now" not in html and 'class="two"' not in html
    html = page(client, world.ah_officer, application).content.decode()
    assert "What you can do now" in html and 'class="two"' in html


def test_dates_and_numbers_do_not_wrap(client, world):
    application = with_correction(world)
    html = page(client, world.applicant, application).content.decode()
    assert '<td class="nowrap">' in html
    client.force_login(world.applicant)
    portal = client.get(reverse("services:portal")).content.decode()
    assert portal.count('<td class="nowrap">') >= 2


def test_the_desk_tabs_are_labelled_in_chinese(client, world):
    forwarded(world)
    client.force_login(world.ah_officer)
    with translation.override("zh-hans"):
        html = client.get(reverse("services:handling"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert 'class="tabs" aria-label="工作台"' in html.content.decode()
