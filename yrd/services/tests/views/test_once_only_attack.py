"""The once-only attack of issue 6, item 1, through the page and the API: an applicant types
someone else's resident ID, asks to reuse their held ID-card scan and "consents" for them."""

import json

from django.urls import reverse

from yrd.services.models import Application, Material
from yrd.services.tests.conftest import submit

VICTIM_ID = "310101199003070019"


def attack_form(world, material_pk):
    return {
        "mode": "remote",
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id_number": VICTIM_ID,
        "channel": "window",
        "receiving_window": world.sh_window.pk,
        "handling": "340000",
        "idempotency_key": "attack-1",
        "reuse-id-card": str(material_pk),
        "reuse_consent": "1",
    }


def test_the_apply_page_offers_an_attacker_nothing_of_the_victims(client, world):
    victims = submit(world).materials.get()
    client.force_login(world.other_applicant)
    page = client.get(reverse("services:item", args=[world.item.code]), {"applicant_id_number": VICTIM_ID})
    html = page.content.decode()
    assert page.status_code == 200 and 'name="reuse-id-card"' not in html and victims.original_name not in html


def test_the_attack_through_the_apply_form_is_refused_and_the_scan_stays_private(client, world):
    victims = submit(world).materials.get()
    client.force_login(world.other_applicant)
    response = client.post(reverse("services:apply", args=[world.item.code]), attack_form(world, victims.pk))
    assert response.status_code == 400 and "holds no" in response.content.decode()
    assert not Material.objects.filter(reused_from=victims).exists()
    assert Application.objects.filter(applicant_user=world.other_applicant).count() == 0
    assert client.get(reverse("services:material", args=[victims.pk])).status_code == 404


def test_the_attack_through_the_api_is_refused(client, world):
    victims = submit(world).materials.get()
    client.force_login(world.other_applicant)
    body = {
        "item": world.item.code,
        "mode": "remote",
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id_number": VICTIM_ID,
        "channel": "window",
        "receiving_window": world.sh_window.pk,
        "handling": ["340000"],
        "reuse": {"id-card": victims.pk},
        "reuse_consent": True,
    }
    response = client.post("/api/services/applications", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and response.json()["errors"]["reuse"]
    assert not Material.objects.filter(reused_from=victims).exists()


def test_the_owner_is_offered_their_own_scan(client, world):
    own = submit(world).materials.get()
    client.force_login(world.applicant)
    page = client.get(reverse("services:item", args=[world.item.code]))
    html = page.content.decode()
    assert 'name="reuse-id-card"' in html and f'<option value="{own.pk}">' in html


def test_each_rendered_form_carries_its_own_random_key(client, world):
    client.force_login(world.applicant)
    url = reverse("services:item", args=[world.item.code])
    keys = {_key(client.get(url).content.decode()) for _ in range(2)}
    assert len(keys) == 2 and all(len(k) == 32 for k in keys)


def _key(html):
    marker = 'name="idempotency_key" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]
