"""The response cache of public pages and API lists (yrd.core.caching.public_cache): anonymous reads
are served from one stored copy until an audited write changes the public data version of a module the
page reads; signed-in readers, cookies and CSRF tokens never end up in the shared copy; conditional
requests get 304; a stale page is rendered by one reader while the others get the copy before it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory

from yrd.core.actors import SYSTEM
from yrd.core.audit import GENESIS, audit_record, data_version
from yrd.core.caching import _shared_secret, public_cache
from yrd.core.models import AuditHead
from yrd.core.registry import Manifest, Registry, RegistryError
from yrd.core.tests.factories import person
from yrd.plan.models import Task
from yrd.plan.tests.factories import TaskFactory, area, plan  # noqa: F401 (plan is a fixture)

PAGE = "/plan/public/"
LIST = "/api/plan/public/tasks"


@pytest.fixture
def task(reference, plan):  # noqa: F811
    return TaskFactory(code="1.01", area=area(1, plan), title_zh="任务甲", title_en="Task alpha", leads=["320000"])


def audited_write(chain=None, action="core.reference.load"):
    if chain is not None:
        connection.yrd_audit_chain = chain
    with transaction.atomic():
        return audit_record(actor=SYSTEM, action=action, object_type="test", object_id="1")


def rename_without_audit(task, title):
    # Not through a service: only the data version tells the cache that something changed.
    Task.objects.filter(pk=task.pk).update(title_en=title)


@pytest.mark.parametrize("url", [PAGE, LIST])
def test_a_cached_read_is_served_until_an_audited_write_makes_it_stale(client, task, url):
    assert "Task alpha" in client.get(url).content.decode()
    rename_without_audit(task, "Task beta")
    assert "Task alpha" in client.get(url).content.decode()  # the stored copy
    audited_write()
    assert "Task beta" in client.get(url).content.decode()


@pytest.mark.parametrize("chain", [0, 5, 15])
def test_a_write_to_any_audit_chain_changes_the_data_version(db, settings, chain):
    settings.AUDIT_CHAINS = 16
    for number in range(16):
        AuditHead.objects.get_or_create(chain=number, defaults={"seq": 0, "hash": GENESIS})
    audited_write(chain=0)
    audited_write(chain=15)
    before = data_version()
    entry = audited_write(chain=chain)
    assert entry.chain == chain
    assert data_version() > before


def test_the_copy_is_kept_per_language(client, task):
    english = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Task alpha" in english and "任务甲" not in english
    assert "任务甲" in chinese and "Task alpha" not in chinese
    assert client.get(LIST).headers["Vary"].count("Accept-Language") == 1


def test_a_query_gets_its_own_copy(client, task):
    assert client.get(LIST, {"area": 2}).json()["total"] == 0
    assert client.get(LIST).json()["total"] == 1


def test_a_conditional_request_for_the_current_copy_gets_304(client, task):
    first = client.get(LIST)
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    rename_without_audit(task, "Task beta")
    audited_write()
    changed = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Task beta" in changed.content.decode()


def test_each_reader_gets_their_own_csrf_token_and_never_the_shared_one(task):
    readers = [Client(), Client()]
    for reader in readers:
        response = reader.get(PAGE)
        cookie = reader.cookies["csrftoken"].value
        token = response.content.decode().split('name="csrfmiddlewaretoken" value="')[1][:64]
        assert _unmask_cipher_token(token) == cookie != _shared_secret()
        assert "private" in response["Cache-Control"]
    assert readers[0].cookies["csrftoken"].value != readers[1].cookies["csrftoken"].value


def test_a_page_copy_is_current_only_for_the_reader_whose_token_it_holds(task):
    reader, other = Client(), Client()
    etag = reader.get(PAGE)["ETag"]
    assert reader.get(PAGE, HTTP_IF_NONE_MATCH=etag).status_code == 304
    other.get(PAGE)
    assert other.get(PAGE, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_signed_in_reader_is_never_served_or_stored_in_the_shared_copy(client, task):
    client.force_login(person("plan_coordinator", "YRD", username="coordinator_zq"))
    signed_in = client.get(PAGE)
    assert "ETag" not in signed_in and "private" in signed_in["Cache-Control"]
    assert "API tokens" in signed_in.content.decode()  # the signed-in header
    assert "API tokens" not in Client().get(PAGE).content.decode()


def test_a_read_with_a_session_cookie_is_not_stored(client, task):
    client.cookies["sessionid"] = "no-such-session"
    client.get(LIST)
    rename_without_audit(task, "Task beta")
    assert "Task beta" in Client().get(LIST).content.decode()


def test_the_copy_is_kept_per_display_mode(task):
    elderly = Client()
    elderly.cookies["yrd_display"] = "elderly"
    assert "elderly" in elderly.get(PAGE).content.decode().split("<head")[0]
    assert "elderly" not in Client().get(PAGE).content.decode().split("<head")[0]


def counted(make_response):
    """A view under public_cache that counts its calls."""
    calls = []

    @public_cache
    def view(request):
        calls.append(1)
        return make_response(request)

    return view, calls


def counted_reading(*modules):
    calls = []

    @public_cache(reads=modules)
    def view(request):
        calls.append(1)
        return HttpResponse("hello")

    return view, calls


def anonymous_get(path="/x"):
    request = RequestFactory().get(path)
    request.user, request.session = AnonymousUser(), SessionStore()
    return request


def test_a_response_that_sets_a_cookie_or_writes_the_session_is_not_stored(db):
    def with_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("mine", "1")
        return response

    def with_session(request):
        request.session["seen"] = True
        return HttpResponse("hello")

    def with_error(request):
        return HttpResponse("gone", status=404)

    for make in (with_cookie, with_session, with_error):
        view, calls = counted(make)
        view(anonymous_get())
        view(anonymous_get())
        assert len(calls) == 2, make.__name__


def test_a_plain_response_is_stored_once_per_data_version(db):
    view, calls = counted(lambda request: HttpResponse("hello"))
    view(anonymous_get())
    assert view(anonymous_get()).content == b"hello"
    assert len(calls) == 1
    audited_write()
    view(anonymous_get())
    assert len(calls) == 2


def test_the_public_cache_can_be_switched_off(client, task, settings):
    settings.PUBLIC_CACHE = False
    client.get(LIST)
    rename_without_audit(task, "Task beta")
    assert "Task beta" in client.get(LIST).content.decode()


@pytest.mark.parametrize("url", [PAGE, LIST])
def test_a_write_to_another_module_leaves_the_copy_current(client, task, url):
    client.get(url)
    rename_without_audit(task, "Task beta")
    audited_write(action="services.catalogue.item")
    audited_write(action="market.report.submit")
    assert "Task alpha" in client.get(url).content.decode()  # still the stored copy: plan did not move
    audited_write(action="plan.task.update")
    assert "Task beta" in client.get(url).content.decode()


def test_a_private_event_moves_the_version_of_signed_in_pages_only(client, task):
    client.get(PAGE)
    rename_without_audit(task, "Task beta")
    public, everything = data_version(["plan"], public=True), data_version(["plan"])
    audited_write(action="plan.report.submit")  # declared private in the plan's manifest
    assert data_version(["plan"], public=True) == public and data_version(["plan"]) > everything
    assert "Task alpha" in client.get(PAGE).content.decode()


@pytest.mark.parametrize("action", ["core.security.login", "core.security.login_failed", "market.report.reveal"])
def test_sign_ins_and_reveals_move_no_version(db, action):
    before = data_version()
    audited_write(action=action)
    assert data_version() == before


def test_a_page_reading_another_module_is_made_again_after_that_module_moves(db):
    view, calls = counted_reading("services")
    view(anonymous_get())
    audited_write(action="plan.task.update")
    view(anonymous_get())
    assert len(calls) == 1  # the view is written in yrd.tests and reads services and core only
    audited_write(action="services.catalogue.item")
    view(anonymous_get())
    assert len(calls) == 2


def test_while_one_reader_renders_a_stale_page_the_others_get_the_copy_before_it(db):
    meanwhile = []

    def make(request):
        if len(calls) == 2:  # rendering the new version: another reader arrives meanwhile
            meanwhile.append(view(anonymous_get()).content)
        return HttpResponse(f"version {len(calls)}")

    view, calls = counted(make)
    assert view(anonymous_get()).content == b"version 1"
    audited_write()
    assert view(anonymous_get()).content == b"version 2"
    assert meanwhile == [b"version 1"] and len(calls) == 2  # the other reader did not render it again
    assert view(anonymous_get()).content == b"version 2" and len(calls) == 2


def test_a_reader_finding_no_earlier_copy_renders_the_page_even_while_another_does(db, monkeypatch):
    view, calls = counted(lambda request: HttpResponse("hello"))
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)  # someone else holds the claim
    assert view(anonymous_get()).content == b"hello" and len(calls) == 1


def test_a_private_event_must_be_one_of_the_modules_audit_events():
    registry = Registry()
    with pytest.raises(RegistryError, match="plan.report.submit"):
        registry.register(
            Manifest(label="plan", audit_events=("plan.task.update",), private_events=("plan.report.submit",))
        )


def test_with_a_shared_cache_each_process_keeps_the_copies_it_has_read(db, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "this-process"},
    }
    view, calls = counted(lambda request: HttpResponse("hello"))
    view(anonymous_get())
    cache.clear()  # the shared cache: this process still has its copy of the current version
    assert view(anonymous_get()).content == b"hello" and len(calls) == 1
    audited_write()
    view(anonymous_get())
    assert len(calls) == 2  # a new version: the copy in memory is not served
