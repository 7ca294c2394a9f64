import base64
import json

import pytest

from yrd.services.models import Application
from yrd.services.tests.conftest import forwarded, submit

PDF = base64.b64encode(b"%PDF-1.4\n" + b"0" * 500).decode()


def post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def body(world, **overrides):
    return {
        "item": world.item.code,
        "mode": "remote",
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id_number": "310101199003070019",
        "channel": "window",
        "receiving_window": world.sh_window.pk,
        "handling": ["340000"],
        "materials": [{"type": "id-card", "filename": "id.pdf", "content_base64": PDF}],
        **overrides,
    }


def test_the_catalogue_is_public(client, world):
    response = client.get("/api/services/catalogue")
    assert response.status_code == 200
    item = next(i for i in response.json() if i["code"] == world.item.code)
    assert item["modes"] == ["online", "remote", "joint"] and item["materials"][0]["type"] == "id-card"


def test_a_retried_post_with_the_same_idempotency_key_creates_one_application(client, world):
    client.force_login(world.applicant)
    first = post(client, "/api/services/applications", body(world), HTTP_IDEMPOTENCY_KEY="abc-1")
    again = post(client, "/api/services/applications", body(world), HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["number"] == again.json()["number"] and Application.objects.count() == 1


@pytest.mark.parametrize(
    "change, field, words",
    [
        (
            {"applicant_id_number": "310101199003070018"},
            "applicant_id_number",
            "not a valid resident ID",
        ),
        (
            {
                "materials": [
                    {
                        "type": "id-card",
                        "filename": "x.pdf",
                        "content_base64": base64.b64encode(b"MZ" + b"0" * 50).decode(),
                    }
                ]
            },
            "materials",
            "content",
        ),
        (
            {"materials": [{"type": "id-card", "filename": "x.pdf", "content_base64": "%%%"}]},
            "materials",
            "base64",
        ),
        ({"handling": ["310000"]}, "handling", "local matter"),
        ({"handling": ["990000"]}, "handling", "not a province"),
    ],
)
def test_bad_input_is_a_400_with_the_reason_and_nothing_saved(client, world, change, field, words):
    client.force_login(world.applicant)
    response = post(client, "/api/services/applications", body(world, **change))
    assert response.status_code == 400, response.content
    assert words in " ".join(response.json()["errors"][field])
    assert Application.objects.count() == 0


def test_an_illegal_transition_answers_409_with_the_reason(client, world):
    application = submit(world)
    client.force_login(world.sh_officer)
    response = post(client, f"/api/services/applications/{application.number}/deliver", {"method": "window"})
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_transition" and "possible only when" in response.json()["message"]


def test_officers_move_an_application_through_the_api(client, world):
    application = forwarded(world)
    client.force_login(world.ah_officer)
    for action, payload in [
        ("accept", {}),
        ("start_handling", {}),
        (
            "decide",
            {
                "approved": True,
                "document": {"filename": "d.pdf", "content_base64": PDF, "type": "decision"},
            },
        ),
    ]:
        response = post(client, f"/api/services/applications/{application.number}/{action}", payload)
        assert response.status_code == 200, response.content
    assert response.json()["state"] == "decided" and response.json()["clock"]["status"] == "on_time"
    assert response.json()["allowed_transitions"] == ["deliver"]


# endpoint x persona: who may read and who may move the Shanghai -> Anhui application
ACCESS = {
    # persona: (GET status, POST accept status)
    "applicant": (200, 403),
    "other_applicant": (404, 404),
    "sh_officer": (200, 403),
    "sz_officer": (404, 404),
    "ah_officer": (200, 200),
    "zj_officer": (404, 404),
    "sh_handler": (404, 404),
    "stranger": (404, 404),
}


@pytest.mark.parametrize("persona", sorted(ACCESS))
def test_access_matrix_of_the_api(client, world, persona):
    application = forwarded(world)
    client.force_login(getattr(world, persona))
    read, accept = ACCESS[persona]
    assert client.get(f"/api/services/applications/{application.number}").status_code == read
    listed = {a["number"] for a in client.get("/api/services/applications").json()}
    assert (application.number in listed) == (read == 200)
    assert post(client, f"/api/services/applications/{application.number}/accept", {}).status_code == accept


def test_anonymous_callers_are_asked_to_log_in(client, world):
    application = submit(world)
    assert client.get(f"/api/services/applications/{application.number}").status_code == 401
    assert post(client, "/api/services/applications", body(world)).status_code == 401
