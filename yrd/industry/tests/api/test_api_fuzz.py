"""Whatever a client sends to the industry API's writes, the answer is a 2xx or a 4xx in the
platform's error shape, never a 5xx."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/industry/relations", "/api/industry/disruption", "/api/industry/scenarios", "/api/industry/needs",
             "/api/industry/placement"]  # fmt: skip
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=12),
                    st.floats(allow_nan=False, allow_infinity=False))  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
KEYS = ["supplier", "customer", "component", "share_pct", "lead_time_days", "inventory_days", "cities", "enterprises",
        "days", "name", "volume", "needed_by", "demands", "carbon_price", "city", "mw", "latency"]  # fmt: skip
bodies = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ENDPOINTS), bodies)
def test_no_body_makes_a_5xx(client, world, url, body):
    client.force_login(world.region)
    answer = client.post(url, json.dumps(body), content_type="application/json")
    assert answer.status_code < 500
    if answer.status_code >= 400:
        assert {"code", "message"} <= set(answer.json())
