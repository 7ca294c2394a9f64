"""The demo loader: marked data through the module's writes, dates in the past, and loading twice changes nothing."""

import pytest
from django.utils import timezone

from yrd.core.audit import verify_chain
from yrd.market.demo import load_demo
from yrd.market.models import AccessMeasure, Case, Report

pytestmark = pytest.mark.django_db


def test_the_demo_is_marked_lies_in_the_past_and_loads_once(reference):
    logins = load_demo()
    reports, cases = Report.objects.count(), Case.objects.count()
    assert reports > 200 and cases > 50 and {"regulator_sh", "reporter_li"} <= {row[0] for row in logins}
    assert not Report.objects.filter(is_demo=False).exists() and not Case.objects.filter(is_demo=False).exists()
    assert not Report.objects.filter(received_at__gt=timezone.now()).exists()
    assert Case.objects.filter(state="closed").exists() and Case.objects.filter(published=True).exists()
    assert AccessMeasure.objects.filter(is_demo=True, area_adcode="310115").exists()
    load_demo()
    assert (Report.objects.count(), Case.objects.count()) == (reports, cases)
    assert verify_chain() is None
