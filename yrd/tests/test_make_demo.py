"""What `make demo` loads: the real reference data, then demo data in every module, marked as demo,
and loading again changes nothing."""

import pytest
from django.core.management import call_command

from yrd.core.audit import verify_chain
from yrd.core.models import AuditEntry
from yrd.plan.models import Area, ProgressReport, Task
from yrd.services.models import Application, Mode, State


@pytest.fixture
def demo(db):
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_the_plan_has_its_nine_real_areas_and_named_tasks_with_demo_progress(demo):
    assert Area.objects.count() == 9 and Task.objects.count() == 36
    assert ProgressReport.objects.exists() and not ProgressReport.objects.filter(is_demo=False).exists()


def test_the_services_demo_has_applications_in_every_mode_and_state(demo):
    demo_applications = Application.objects.filter(is_demo=True)
    assert set(demo_applications.values_list("mode", flat=True)) == set(Mode.values)
    assert set(demo_applications.values_list("state", flat=True)) == set(State.values)


def test_loading_again_adds_nothing_and_the_audit_chain_holds(demo):
    counts = (Task.objects.count(), ProgressReport.objects.count(), Application.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Task.objects.count(), ProgressReport.objects.count(), Application.objects.count()) == counts
    assert AuditEntry.objects.exists() and verify_chain() is None
