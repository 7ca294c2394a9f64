"""The pages: who may open what, and the forms calling the services."""

import pytest
from django.urls import reverse

from yrd.services.models import Application
from yrd.services.tests import factories as f
from yrd.services.tests.conftest import forwarded, submit


@pytest.mark.parametrize("name", ["services:catalogue", "services:stats"])
def test_the_catalogue_and_the_statistics_are_public(client, world, name):
    submit(world)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "Test service" in response.content.decode() or name == "services:stats"


def test_the_item_page_offers_the_form_to_applicants(client, world):
    client.force_login(world.applicant)
    response = client.get(reverse("services:item", args=[world.item.code]))
    assert 'id="apply-form"' in response.content.decode()


@pytest.mark.parametrize(
    "persona, page",
    [
        ("applicant", "services:portal"),
        ("sh_officer", "services:window"),
        ("ah_officer", "services:handling"),
        ("sh_officer", "services:remote"),
        ("ah_officer", "services:remote"),
        ("stranger", "services:portal"),
    ],
)
def test_each_desk_opens_for_its_people(client, world, persona, page):
    forwarded(world)
    client.force_login(getattr(world, persona))
    assert client.get(reverse(page)).status_code == 200


def test_the_desk_link_sends_each_role_to_its_desk(client, world):
    for persona, target in [
        ("applicant", "portal"),
        ("sh_officer", "window"),
        ("ah_officer", "handling"),
    ]:
        client.force_login(getattr(world, persona))
        assert client.get(reverse("services:desk")).url == reverse(f"services:{target}")


def test_applying_through_the_form_then_retrying_creates_one_application(client, world):
    client.force_login(world.applicant)
    form = {
        "mode": "remote",
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id_number": "310101199003070019",
        "channel": "window",
        "receiving_window": world.sh_window.pk,
        "handling": "340000",
        "idempotency_key": "form-1",
    }
    url = reverse("services:apply", args=[world.item.code])
    first = client.post(url, {**form, "material-id-card": f.pdf()})
    again = client.post(url, {**form, "material-id-card": f.pdf()})
    assert first.status_code == again.status_code == 302 and Application.objects.count() == 1


def test_a_refused_application_shows_the_reasons_and_keeps_the_form(client, world):
    client.force_login(world.applicant)
    response = client.post(
        reverse("services:apply", args=[world.item.code]),
        {
            "mode": "remote",
            "applicant_kind": "person",
            "applicant_name": "张三",
            "applicant_id_number": "123",
            "channel": "window",
            "receiving_window": world.sh_window.pk,
            "handling": "340000",
            "material-id-card": f.disguised(),
        },
    )
    text = response.content.decode()
    assert response.status_code == 400 and "not a valid resident ID number" in text and "checked by its content" in text
    assert 'value="张三"' in text and Application.objects.count() == 0


def test_an_illegal_action_from_a_page_is_explained(client, world):
    application = submit(world)
    client.force_login(world.sh_officer)
    response = client.post(reverse("services:act", args=[application.number, "forward"]), follow=True)
    assert "possible only when it is" in response.content.decode()


@pytest.mark.parametrize(
    "persona, status",
    [
        ("applicant", 200),
        ("sh_officer", 200),
        ("ah_officer", 200),
        ("other_applicant", 404),
        ("sz_officer", 404),
        ("zj_officer", 404),
        ("stranger", 404),
    ],
)
def test_the_application_page_and_its_files_only_for_those_involved(client, world, persona, status):
    application = forwarded(world)
    client.force_login(getattr(world, persona))
    assert client.get(reverse("services:application", args=[application.number])).status_code == status
    material = application.materials.get()
    response = client.get(reverse("services:material", args=[material.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf" and b"".join(response.streaming_content).startswith(
            b"%PDF"
        )


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    application = submit(world)
    response = client.get(reverse("services:application", args=[application.number]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_forwarded_application_shows_its_review_deadline_as_a_date(client, world):
    from yrd.services.tests.conftest import forwarded

    application = forwarded(world)
    client.force_login(world.ah_officer)
    due = application.review_due_on.isoformat()
    assert f"by {due}" in client.get(reverse("services:application", args=[application.number])).content.decode()
    assert f"review by {due}" in client.get(reverse("services:handling")).content.decode()
