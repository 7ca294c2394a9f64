"""The pages do what their forms say: receipts and offers through the warehouse page, requests through
the request form (refusals shown with their reasons), receipt confirmation only on the receiving side."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from yrd.emergency import writes
from yrd.emergency.models import Commitment, StockTransaction, SupplyRequest
from yrd.emergency.tests import factories as f


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_operator_receives_stock_through_the_warehouse_page(world):
    response = signed_in(world.sh_operator).post(
        "/emergency/warehouses/SH-PD01/receipt/",
        {"counterpart": "企业捐赠", "item_1": "family-tent", "quantity_1": "25", "lot_1": "T-2026-1"},
        follow=True,
    )
    transaction = StockTransaction.objects.get()
    assert response.redirect_chain[-1][0] == f"/emergency/transactions/{transaction.number}/"
    assert "T-2026-1" in response.content.decode() and "+25" in response.content.decode()


def test_a_refused_receipt_shows_its_reasons_and_writes_nothing(world):
    response = signed_in(world.sh_operator).post(
        "/emergency/warehouses/SH-PD01/receipt/",
        {"counterpart": "企业捐赠", "item_1": "water-bottle", "quantity_1": "25", "lot_1": "W-1"},
        follow=True,
    )
    assert "give the expiry date" in response.content.decode()
    assert not StockTransaction.objects.exists()


def test_a_request_form_for_a_site_outside_the_region_is_refused_with_the_reason(world):
    incident = f.incident()
    form = {
        "incident": incident.number,
        "site": "上海外海",
        "latitude": "30.5",
        "longitude": "124.5",
        "priority": "1",
        "needed_by": (timezone.localtime() + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M"),
        "item_1": "family-tent",
        "quantity_1": "10",
    }
    response = signed_in(world.coordinator).post("/emergency/requests/new/", form)
    assert "outside the Yangtze River Delta" in response.content.decode()
    assert not SupplyRequest.objects.exists()
    form |= {"latitude": "29.90", "longitude": "121.88"}
    created = signed_in(world.coordinator).post("/emergency/requests/new/", form)
    assert created.status_code == 302 and SupplyRequest.objects.get().city.code == "330200"


def test_an_operator_offers_stock_to_a_request_it_could_fill(world):
    f.receive(world.nb, world.tent, 30)
    request = f.site_request(f.incident(), {world.tent: 12})
    page = signed_in(world.nb_operator).get("/emergency/warehouses/ZJ-NB01/").content.decode()
    assert request.number in page and "up to 12 from here" in page
    line = request.lines.get()
    response = signed_in(world.nb_operator).post(
        f"/emergency/warehouses/ZJ-NB01/offer/{request.number}/", {f"line_{line.pk}": "12"}
    )
    commitment = Commitment.objects.get()
    assert response.url == f"/emergency/commitments/{commitment.number}/"


def test_only_the_receiving_side_sees_the_receipt_form(world):
    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 4})
    commitment = writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 4)],
    )
    writes.commitment_dispatch(acting_user=world.sh_operator, commitment=commitment)
    path = f"/emergency/commitments/{commitment.number}/"
    assert 'name="received_' in signed_in(world.requester).get(path).content.decode()
    assert 'name="received_' not in signed_in(world.sh_operator).get(path).content.decode()
    pick = commitment.lines.get().picks.get()
    signed_in(world.requester).post(f"{path}receive/", {f"received_{pick.pk}": "3", f"damaged_{pick.pk}": "1"})
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.RECEIVED


def test_the_run_page_explains_each_line_and_names_the_shortfalls(world):
    f.receive(world.nb, world.tent, 5)
    f.receive(world.sh, world.tent, 5)
    f.site_request(f.incident(), {world.tent: 14})
    run = writes.allocation_run(
        acting_user=world.coordinator, jurisdiction=world.coordinator.role_assignments.get().jurisdiction
    )
    page = signed_in(world.coordinator).get(f"/emergency/runs/{run.number}/").content.decode()
    assert "nearest 1 of 2 that can deliver in time" in page and "every nearer one has no usable stock left" in page
    assert "shared fairly" in page


def test_the_readiness_page_names_the_cities_whose_population_is_unknown(world):
    f.receive(world.nb, world.water, 1000)
    page = signed_in(world.coordinator).get("/emergency/readiness/?hours=24").content.decode()
    assert "No sourced population, so no rate" in page and "舟山市" in page
    assert 'data-echarts="chart-readiness-map"' in page and 'data-echarts="chart-per-10k"' in page
