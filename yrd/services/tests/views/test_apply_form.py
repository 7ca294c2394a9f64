"""The apply form: consistent defaults, reasons next to their fields, every missing material."""

import re

from django.urls import reverse

from yrd.services.tests import factories as f


def selected(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r'<option value="([^"]*)"', select)
    chosen = re.search(r'<option value="([^"]*)" selected', select)
    return options, chosen.group(1) if chosen else options[0]


def page(client, world, **query):
    client.force_login(world.applicant)
    url = reverse("services:item", args=[world.item.code])
    return client.get(url, query).content.decode()


def test_the_form_starts_with_the_first_mode_and_its_channel(client, world):
    html = page(client, world)
    assert selected(html, "mode")[1] == "online"
    assert selected(html, "channel") == (["online"], "online")


def test_a_remote_application_starts_at_a_window(client, world):
    world.item.online = False
    world.item.save()
    html = page(client, world)
    assert selected(html, "mode")[1] == "remote"
    assert selected(html, "channel") == (["window"], "window")


def test_changing_the_mode_reloads_the_channels_it_allows(client, world):
    assert selected(page(client, world, mode="remote"), "channel") == (["window"], "window")
    assert selected(page(client, world, mode="joint"), "channel")[0] == ["online", "window"]


def test_the_reasons_stand_next_to_their_fields(client, world):
    client.force_login(world.applicant)
    response = client.post(
        reverse("services:apply", args=[world.item.code]),
        {
            "mode": "online",
            "applicant_name": "",
            "applicant_kind": "person",
            "applicant_id_number": "",
            "channel": "online",
            "handling": "340000",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    after_id = html.split('name="applicant_id_number"')[1].split("<label")[0]
    assert "Enter the resident ID number." in after_id
    after_name = html.split('name="applicant_name"')[1].split("<label")[0]
    assert "Give the applicant" in after_name


def test_missing_materials_are_listed_with_the_other_reasons(client, world):
    client.force_login(world.applicant)
    html = client.post(
        reverse("services:apply", args=[world.item.code]),
        {
            "mode": "online",
            "applicant_kind": "person",
            "applicant_name": "",
            "applicant_id_number": "310101199003070019",
            "channel": "online",
            "handling": "340000",
            "material-photo": f.png(),
        },
    ).content.decode()
    assert "Give the applicant" in html and "Missing: id-card." in html
