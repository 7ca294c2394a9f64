"""Who may open what: every persona against every page and API read.

Firms see their own vouchers and bookings; providers the bookings of their instruments; each province
its issued vouchers and settlements; reviewers only the proposals assigned to them; the public pages
open for everyone; nothing private opens for a stranger; anonymous visitors are sent to log in (pages)
or refused (API)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import person
from yrd.innovation import writes
from yrd.innovation.tests import factories as f

PERSONAS = [
    "sh_provider",
    "hf_provider",
    "js_firm_user",
    "zj_firm_user",
    "js_officer",
    "zj_officer",
    "manager",
    "reviewer",
    "stranger",
    "anonymous",
]
TODAY = timezone.localdate()
QUARTER = f"{TODAY.year}/{(TODAY.month - 1) // 3 + 1}"

PAGES = {
    "/innovation/": (200,) * 10,
    "/innovation/instruments/": (200,) * 10,
    "/innovation/match/?q=SEM": (200,) * 10,
    "/innovation/cooperation/": (200,) * 10,
    "/innovation/exhibitions/": (200,) * 10,
    "/innovation/vouchers/": (200, 200, 200, 200, 200, 200, 403, 403, 403, 302),
    "/innovation/fund/": (403, 403, 200, 200, 403, 403, 200, 200, 403, 302),
    "/innovation/registry/import/": (403, 403, 403, 403, 200, 200, 403, 403, 403, 302),
    f"/innovation/settlement/{QUARTER}.csv": (403, 403, 403, 403, 200, 200, 403, 403, 403, 302),
}
# path -> how many rows each persona gets (None: the status when not 200)
API_ROWS = {
    "/api/innovation/bookings": (1, 0, 1, 0, 0, 0, 0, 0, 0, 401),
    "/api/innovation/vouchers": (0, 0, 1, 0, 1, 0, 0, 0, 0, 401),
    "/api/innovation/proposals": (0, 0, 1, 0, 0, 0, 1, 1, 0, 401),
    f"/api/innovation/settlements/{QUARTER}": (403, 403, 403, 403, 1, 0, 403, 403, 403, 401),
    "/api/innovation/instruments": (1,) * 10,
}


@pytest.fixture
def matrix(world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    sem = f.instrument(world.sh_lab)
    writes.voucher_redeem(acting_user=SYSTEM, voucher=voucher, booking=f.used_booking(sem, world.js_firm))
    call = writes.call_open(
        acting_user=SYSTEM,
        data=writes.CallInput(
            code="JF-M",
            title_zh="联合基金",
            title_en="",
            topics="材料",
            budget_cny=Decimal("100000"),
            opens_on=TODAY - timedelta(days=10),
            closes_on=TODAY + timedelta(days=10),
            reviewers_per_proposal=1,
        ),
    )
    writes.proposal_submit(
        acting_user=SYSTEM,
        data=writes.ProposalInput(
            call=call,
            title="材料研究",
            abstract="摘要",
            keywords="材料",
            lead=world.js_firm,
            requested_cny=Decimal("1000"),
        ),
    )
    world.reviewer = person("fund_reviewer", "YRD")
    writes.reviewer_enrol(acting_user=SYSTEM, user=world.reviewer, institution=world.hf_lab, fields="材料")
    writes.reviewers_assign(acting_user=SYSTEM, call=call)
    return world


def client_for(world, persona):
    client = Client()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


@pytest.mark.parametrize("path", sorted(PAGES))
def test_pages_open_for_exactly_the_right_people(matrix, path):
    got = tuple(client_for(matrix, p).get(path).status_code for p in PERSONAS)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, PAGES[path], strict=True))


@pytest.mark.parametrize("path", sorted(API_ROWS))
def test_api_reads_answer_exactly_the_right_people(matrix, path):
    got = []
    for persona in PERSONAS:
        response = client_for(matrix, persona).get(path)
        got.append(len(response.json()) if response.status_code == 200 else response.status_code)
    assert dict(zip(PERSONAS, got, strict=True)) == dict(zip(PERSONAS, API_ROWS[path], strict=True))


def test_applicants_never_see_reviewers_names(matrix, client):
    client.force_login(matrix.js_firm_user)
    page = client.get("/innovation/fund/").content.decode()
    assert "材料研究" in page and str(matrix.reviewer) not in page
    client.force_login(matrix.manager)
    assert str(matrix.reviewer) in client.get("/innovation/fund/").content.decode()
