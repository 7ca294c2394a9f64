"""Batch commands: the expiry report and a scripted allocation proposal."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from yrd.emergency.models import AllocationRun
from yrd.emergency.tests import factories as f


def test_the_expiry_report_lists_lots_expiring_within_the_days_asked(world):
    f.receive(world.sh, world.water, 10, lot="soon", expires_on=timezone.localdate() + timedelta(days=20))
    f.receive(world.sh, world.water, 10, lot="later", expires_on=timezone.localdate() + timedelta(days=200))
    out = StringIO()
    call_command("emergency_expiring", "--days", "30", stdout=out)
    assert "1 lots expire by" in out.getvalue()


def test_a_scripted_allocation_leaves_a_proposal_for_the_coordinators(world):
    f.receive(world.nb, world.tent, 5)
    f.site_request(f.incident(), {world.tent: 8})
    out = StringIO()
    call_command("emergency_allocate", "--jurisdiction", "330000", stdout=out)
    run = AllocationRun.objects.get()
    assert run.status == "proposed" and f"{run.number}: 1 lines, 1 shortfalls" in out.getvalue()
    with pytest.raises(CommandError, match="not a jurisdiction"):
        call_command("emergency_allocate", "--jurisdiction", "999999")
