"""Error pages: 403 and 404 inside the site layout with the reason, 500 standalone (DEBUG=False)."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from yrd.core.tests.factories import person

IMPORT = "/plan/import/"


@pytest.fixture
def stranger(reference):
    return person(username="stranger")


def test_a_refused_page_shows_the_layout_and_the_reason_in_english(client, stranger):
    client.force_login(stranger)
    response = client.get(IMPORT)
    page = response.content.decode()
    assert response.status_code == 403
    assert "403 Forbidden" not in page
    assert 'class="topbar"' in page and "Log out" in page
    assert "You may not import into the plan." in page
    assert 'href="/"' in page


def test_a_refused_page_shows_the_reason_in_chinese(client, stranger):
    client.force_login(stranger)
    response = client.get(IMPORT, headers={"Accept-Language": "zh-hans"})
    page = response.content.decode()
    assert response.status_code == 403
    assert 'class="topbar"' in page and "退出" in page
    assert "您无权向规划导入数据。" in page


def test_a_missing_page_has_the_layout(client, stranger):
    client.force_login(stranger)
    response = client.get("/plan/no-such-page/")
    assert response.status_code == 404
    assert 'class="topbar"' in response.content.decode()


def test_the_server_error_page_needs_no_context_and_is_bilingual():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Server error" in page and "服务器出现错误" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language,title", [("en", "Bad request"), ("zh-hans", "请求有误")])
def test_a_bad_request_has_the_sites_page_in_the_readers_language(client, language, title):
    response = client.get("/", HTTP_HOST="evil.example", headers={"Accept-Language": language})
    assert response.status_code == 400
    page = response.content.decode()
    assert title in page and 'class="topbar"' in page


@pytest.mark.django_db
def test_a_missing_page_is_in_chinese_for_a_chinese_reader(client):
    response = client.get("/no-such-page/", headers={"Accept-Language": "zh-hans"})
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.django_db
def test_uploads_are_never_served_from_the_media_address(client, settings):
    import importlib
    from pathlib import Path

    from django.urls import clear_url_caches

    import yrd.urls

    (Path(settings.MEDIA_ROOT) / "id-card-scan.txt").write_text("secret scan")
    client.force_login(person())
    # static() serves MEDIA_URL only when DEBUG is on: the URL conf is read again with it on, so an
    # addition for development would be caught too.
    try:
        for debug in (False, True):
            settings.DEBUG = debug
            importlib.reload(yrd.urls)
            clear_url_caches()
            response = client.get(settings.MEDIA_URL + "id-card-scan.txt")
            assert response.status_code == 404 and b"secret scan" not in response.content, debug
    finally:
        settings.DEBUG = False
        importlib.reload(yrd.urls)
        clear_url_caches()


@pytest.mark.django_db
def test_a_database_that_cannot_be_reached_is_a_503_wherever_the_request_meets_it(monkeypatch):
    """Here while the session is loaded (a middleware's lazy user), before any view runs; the
    PostgreSQL leg's fault test stops a real server (yrd/tests/test_faults.py)."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError
    from django.test import Client

    def unreachable(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(SessionStore, "_get_session_from_db", unreachable)
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session"
    page = client.get("/plan/public/")
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert "The database cannot be reached" in page.content.decode()
    answer = client.get("/api/plan/public/tasks")
    assert answer.status_code == 503 and answer.json()["code"] == "database_unavailable"
