"""Factories and named personas any module's tests may import."""

import itertools

import factory
from django.test import Client
from django.urls import reverse
from stdnum.cn import uscc

from yrd.core.models import AuditEntry, Jurisdiction, Organisation, RoleAssignment, User
from yrd.core.models.access import Role
from yrd.core.personal.reveal import REVEALED

_serial = itertools.count(1)


def make_uscc(region="310000"):
    """A valid Unified Social Credit Code: 91 (enterprise) + region + a fresh organisation code."""
    body = f"91{region}{next(_serial):09d}"[:17]
    return body + uscc.calc_check_digit(body)


def jurisdiction(code, level=None):
    if code == Jurisdiction.REGION_CODE:
        return Jurisdiction.objects.get(level="region")
    level = level or ("province" if code.endswith("0000") else "city")
    return Jurisdiction.objects.get(code=code, level=level)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_zh = factory.Sequence(lambda n: f"测试单位{n}")
    name_en = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = Organisation.Kind.GOVERNMENT
    jurisdiction = factory.LazyFunction(lambda: jurisdiction("310000"))


class EnterpriseFactory(OrganisationFactory):
    kind = Organisation.Kind.ENTERPRISE
    uscc = factory.LazyAttribute(lambda o: make_uscc(o.jurisdiction.code))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def person(role_code=None, where="YRD", organisation=None, **fields):
    """A user holding `role_code` within the jurisdiction whose adcode is `where`."""
    user = UserFactory(organisation=organisation, **fields)
    if role_code:
        RoleAssignment.objects.create(
            user=user,
            role=Role.objects.get(code=role_code),
            jurisdiction=jurisdiction(where),
            organisation=organisation,
        )
    return user


def api_key(user, scope="read_write", lifetime_days=90):
    """A live bearer key for `user` (created through the write, so it obeys the same rules)."""
    from yrd.core.writes import api_token_create

    _token, key = api_token_create(acting_user=user, name="test client", scope=scope, lifetime_days=lifetime_days)
    return key


def signed_in(user):
    """A test client signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client


def reveals():
    """The audit log's entries of personal values revealed (core.personal.reveal)."""
    return AuditEntry.objects.filter(action=REVEALED)


def reveal(user, obj, field):
    """`user` presses Show on `obj.<field>`: the answer of the one reveal page."""
    return signed_in(user).post(reverse("core:personal-reveal", args=[obj._meta.label, obj.pk, field]))


def public_copies(urls) -> dict:
    """What an anonymous reader gets at each url, rendered afresh (call with PUBLIC_CACHE off), with
    the reader's own CSRF tokens taken out: for comparing public pages before and after a write."""
    from django.test import Client

    from yrd.core.caching import TOKEN

    return {url: TOKEN.sub(b"", Client().get(url).content) for url in urls}
