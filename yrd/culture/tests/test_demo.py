"""make demo: sites, a bid in every state, park projects and past visits, all marked demo; loading
twice adds nothing; every date lies in the past."""

from django.utils import timezone

from yrd.core.reference import load_jurisdictions, load_roles, read_cities
from yrd.culture import stats
from yrd.culture.demo import load_demo
from yrd.culture.models import (
    BidMilestone,
    ConditionAssessment,
    DossierSection,
    EntrySlot,
    HeritageResource,
    ParkProject,
    Reservation,
)
from yrd.culture.reference import load_reference


def test_the_demo_shows_every_part_and_loads_once(db):
    load_jurisdictions(read_cities())
    load_roles()
    load_reference()
    logins = load_demo()
    assert HeritageResource.objects.filter(is_demo=True).count() == 9
    assert all(p.is_demo for p in ParkProject.objects.all()) and ParkProject.objects.count() == 9
    statuses = set(DossierSection.objects.values_list("status", flat=True))
    assert statuses == {"missing", "draft", "submitted", "accepted", "returned"}
    assert stats.complete_components() == 1
    today = timezone.localdate()
    assert Reservation.objects.filter(is_demo=True).count() == 180
    assert not Reservation.objects.filter(visit_date__gte=today).exists()
    assert not ConditionAssessment.objects.filter(assessed_on__gte=today).exists()
    slotted = Reservation.objects.filter(slot__isnull=False)
    assert EntrySlot.objects.count() == 8 and slotted.exists()
    assert all(r.slot.resource_id == r.resource_id for r in slotted)
    assert BidMilestone.objects.filter(is_demo=True).count() == 7
    assert not BidMilestone.objects.filter(due__gte=today).exists()
    assert not BidMilestone.objects.filter(done_on__gte=today).exists()
    assert stats.bid_milestones_done() == 4 and stats.bid_milestones_late() == 3
    counts = [HeritageResource.objects.count(), Reservation.objects.count(), DossierSection.objects.count()]
    assert load_demo() == logins
    assert counts == [HeritageResource.objects.count(), Reservation.objects.count(), DossierSection.objects.count()]
