"""Garbage in, a 4xx out: every write endpoint answers malformed, absurd or hostile bodies with a
client error naming the problem, never a server error."""

import pytest

from yrd.emergency.tests import factories as f

HUGE = 10**20
BODIES = [
    {},
    {"lines": "not a list"},
    {"lines": [{"item": "family-tent", "lot_number": "x" * 500, "quantity": HUGE}], "counterpart": "x" * 5000},
    {"lines": [{"item": "family-tent", "quantity": -1, "lot": -5}], "counterpart": "谁"},
    {"incident": "INC-999999", "priority": 99, "needed_by": "yesterday", "needs": []},
    {
        "latitude": "NaN",
        "longitude": 1e308,
        "priority": 1,
        "needed_by": "2030-01-01T00:00:00Z",
        "needs": [{"item": "family-tent", "quantity": 1}],
        "site": "x",
    },
    {"arrivals": [{"pick": HUGE, "received": HUGE}]},
    {"lot": HUGE, "change": HUGE, "reason": "count"},
    {"warehouse": "ZZ-NOPE", "request": "REQ-0", "lines": [{"item": "family-tent", "quantity": 1}]},
    {"jurisdiction": "999999"},
    {"name": "x", "displaced": {"330200": HUGE}, "days": HUGE, "within_hours": -1},
    {"tonnes": "NaN", "shipment": "x" * 70},
    {"reason": ""},
    {"needed_by": "2000-01-01T00:00:00Z", "reason": "x"},
]


def endpoints(request_number, commitment_number):
    return [
        "/warehouses/SH-PD01/receipts",
        "/warehouses/SH-PD01/issues",
        "/warehouses/SH-PD01/adjustments",
        "/incidents",
        "/requests",
        f"/requests/{request_number}/cancel",
        f"/requests/{request_number}/reschedule",
        "/commitments",
        f"/commitments/{commitment_number}/dispatch",
        f"/commitments/{commitment_number}/receive",
        f"/commitments/{commitment_number}/cancel",
        "/allocation/runs",
        "/drills",
        "/members",
    ]


@pytest.mark.parametrize("persona", ["coordinator", "sh_operator"])
def test_no_body_makes_a_write_endpoint_fail_with_a_server_error(world, api, persona):
    from yrd.emergency import writes

    f.receive(world.sh, world.tent, 10)
    request = f.site_request(f.incident(), {world.tent: 4})
    commitment = writes.commitment_create(
        acting_user=world.sh_operator,
        warehouse=world.sh,
        request=request,
        offers=[writes.Offer(request.lines.get(), 4)],
    )
    caller = api(getattr(world, persona))
    failures = []
    for path in endpoints(request.number, commitment.number):
        for body in BODIES:
            status = caller.post(path, body).status_code
            if status >= 500:
                failures.append((path, body, status))
    assert failures == []
