"""`load_demo` makes the superuser admin with a published password: it refuses real systems."""

import pytest
from django.core.management import CommandError, call_command

from yrd.core.models import User
from yrd.core.tests.factories import person

pytestmark = pytest.mark.django_db


def test_it_refuses_under_settings_that_do_not_allow_demo_data(settings):
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_ALLOWED"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()


def test_it_refuses_a_database_with_real_accounts():
    person(username="zhang.wei", email="zhang.wei@sh.gov.cn")
    with pytest.raises(CommandError, match="zhang.wei"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()
