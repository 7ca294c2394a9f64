from django.urls import reverse

from yrd.services.tests.conftest import decided, in_handling


def test_decided_applications_are_not_counted_as_in_handling(client, world):
    in_handling(world)
    decided(world)
    client.force_login(world.ah_officer)
    response = client.get(reverse("services:handling"))
    assert len(response.context["rows"]) == 1 and len(response.context["decided"]) == 1
    text = response.content.decode()
    assert "<b>1</b><span>open in your jurisdiction" in text
    assert "<b>1</b><span>decided, awaiting delivery" in text
