"""What `make demo` loads: the real reference data, then demo data in every module, marked as demo,
and loading again changes nothing."""

import pytest
from django.core.management import call_command

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry
from yrd.plan.models import Area, ProgressReport, Task
from yrd.services.models import Application, Mode, State


@pytest.mark.django_db
def test_the_demo_marks_plan_and_services_data_as_demo_and_loading_again_adds_nothing():
    # One test, one load: loading the whole demo is the slowest thing the suite does.
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)

    assert Area.objects.count() == 9 and Task.objects.count() == 36
    assert ProgressReport.objects.exists() and not ProgressReport.objects.filter(is_demo=False).exists()

    demo_applications = Application.objects.filter(is_demo=True)
    assert set(demo_applications.values_list("mode", flat=True)) == set(Mode.values)
    assert set(demo_applications.values_list("state", flat=True)) == set(State.values)

    counts = (Task.objects.count(), ProgressReport.objects.count(), Application.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Task.objects.count(), ProgressReport.objects.count(), Application.objects.count()) == counts
    assert AuditEntry.objects.exists() and verify_chain() is None
