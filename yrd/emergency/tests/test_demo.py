"""make demo: an alliance in all four provinces, stock, a live incident with requests and commitments in
every state, all marked demo; loading twice adds nothing."""

from yrd.core.reference import load_jurisdictions, load_roles, read_cities
from yrd.emergency.demo import load_demo
from yrd.emergency.models import (
    AllocationRun,
    Commitment,
    Drill,
    Incident,
    StockTransaction,
    SupplyRequest,
    Warehouse,
)


def test_the_demo_alliance_spans_the_four_provinces_with_a_live_incident(db):
    load_jurisdictions(read_cities())
    load_roles()
    logins = load_demo()
    assert {w.city.parent.code for w in Warehouse.objects.select_related("city__parent")} == {
        "310000",
        "320000",
        "330000",
        "340000",
    }
    assert all(w.is_demo for w in Warehouse.objects.all())
    incident = Incident.objects.get()
    assert incident.is_open and incident.is_demo
    assert SupplyRequest.objects.filter(incident=incident, status="open").count() == 5
    assert SupplyRequest.objects.filter(destination_warehouse__isnull=False).count() == 1
    assert set(Commitment.objects.values_list("status", flat=True)) == {"received", "dispatched"}
    assert AllocationRun.objects.get().status == "proposed" and Drill.objects.count() == 1
    counts = [Warehouse.objects.count(), StockTransaction.objects.count(), SupplyRequest.objects.count()]
    assert load_demo() == logins
    assert counts == [Warehouse.objects.count(), StockTransaction.objects.count(), SupplyRequest.objects.count()]
    assert "em_coordinator" in {row[0] for row in logins}
