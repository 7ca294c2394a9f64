"""The elderly-friendly display: switched from the header by a plain form (no JavaScript needed),
remembered by the browser across pages and sign-ins, switched off the same way, in both languages."""

import pytest
from django.urls import reverse

from yrd.core.display import COOKIE
from yrd.core.tests.factories import person

SWITCH = reverse("core:display-mode")


def elderly(page) -> bool:
    return 'class="elderly"' in page.split("<head>")[0]


def switch(client, mode, back):
    return client.post(SWITCH, {"mode": mode, "next": back})


@pytest.mark.parametrize(
    "language,label", [("en", "Elderly-friendly mode"), ("zh-hans", "适老模式")], ids=["en", "zh-hans"]
)
def test_the_header_offers_the_switch_in_each_language(client, reference, language, label):
    client.cookies["django_language"] = language
    page = client.get(reverse("plan:public")).content.decode()
    assert label in page and 'aria-pressed="false"' in page and not elderly(page)


def test_switching_on_returns_to_the_page_and_holds_on_the_next_pages(client, reference):
    response = switch(client, "elderly", reverse("services:catalogue"))
    assert response.status_code == 302 and response.url == reverse("services:catalogue")
    assert response.cookies[COOKIE]["max-age"] > 30 * 24 * 3600  # remembered, not only this session
    for name in ("services:catalogue", "plan:public", "market:report"):
        page = client.get(reverse(name)).content.decode()
        assert elderly(page) and 'aria-pressed="true"' in page, name


def test_the_choice_survives_signing_in(client, reference):
    switch(client, "elderly", reverse("plan:public"))
    client.force_login(person("applicant", "YRD"))
    assert elderly(client.get(reverse("services:portal")).content.decode())


def test_switching_off_gives_the_standard_display_back(client, reference):
    switch(client, "elderly", reverse("plan:public"))
    response = switch(client, "standard", reverse("plan:public"))
    assert response.url == reverse("plan:public")
    page = client.get(reverse("plan:public")).content.decode()
    assert not elderly(page) and 'aria-pressed="false"' in page


def test_an_unknown_mode_is_refused_and_changes_nothing(client, reference):
    switch(client, "elderly", reverse("plan:public"))
    assert switch(client, "tiny", reverse("plan:public")).status_code == 400
    assert elderly(client.get(reverse("plan:public")).content.decode())


def test_the_switch_never_sends_the_browser_to_another_site(client, reference):
    response = switch(client, "elderly", "https://evil.example/phish")
    assert response.status_code == 302 and response.url == reverse("home")


def test_the_switch_is_a_post_so_a_link_elsewhere_cannot_flip_it(client, reference):
    assert client.get(SWITCH, {"mode": "elderly"}).status_code == 405
