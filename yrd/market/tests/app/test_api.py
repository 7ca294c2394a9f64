"""The market API: feeds all-or-nothing and idempotent, the access check, own reports, scoped cases."""

import json

import pytest

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import api_key
from yrd.market.models import Report
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db


def bearer(user):
    key = api_key(user)
    return {"Authorization": f"Bearer {key}"}


def record(external_id, **fields):
    values = {"external_id": external_id, "subject_name": "南京华联超市", "category": "price_fraud",
              "incident_city": "320100", "description": "价格欺诈"}  # fmt: skip
    values.update(fields)
    return values


def post_feed(client, headers, records):
    body = json.dumps({"source": "js-12315", "records": records}, ensure_ascii=False)
    return client.post("/api/market/feeds", data=body, content_type="application/json", **_meta(headers))


def _meta(headers):
    return {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}


def test_a_feed_is_taken_whole_and_sending_it_again_changes_nothing(client, reference):
    headers = bearer(f.jiangsu_feed())
    first = post_feed(client, headers, [record("JS-1"), record("JS-2")])
    assert first.status_code == 200 and first.json()["created"] == 2
    again = post_feed(client, headers, [record("JS-1"), record("JS-2")])
    assert again.json() == {"received": 2, "created": 0, "receipts": []}


def test_a_feed_with_one_bad_record_is_rejected_with_every_problem(client, reference):
    response = post_feed(client, bearer(f.jiangsu_feed()), [record("JS-1"), record("JS-2", category="spam")])
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"records[1].category"}
    assert not Report.objects.exists()


def test_a_feed_from_someone_without_the_feed_role_is_refused(client, reference):
    response = post_feed(client, bearer(f.reporter()), [record("JS-1")])
    assert response.status_code == 403 and not Report.objects.exists()


def test_the_access_check_answers_anyone(client, reference):
    response = client.get(
        "/api/market/access-check", {"activity": "Z99", "enterprise_type": "domestic", "place": "340100"}
    )
    assert response.status_code == 200 and response.json()["verdict"] == "allowed"
    assert client.get("/api/market/access-check?activity=A&enterprise_type=alien&place=1").status_code == 400


def test_a_reporter_lists_their_own_reports_only(client, reference):
    me = f.reporter("me")
    f.report(acting_user=me)
    f.report(acting_user=f.reporter("other"))
    listed = client.get("/api/market/my-reports", **_meta(bearer(me))).json()
    assert len(listed) == 1 and listed[0]["status"] == "received"


def test_regulators_list_the_cases_of_their_jurisdiction_only(client, reference):
    f.report(incident_city="320500")
    f.report(subject_name="合肥华联超市", incident_city="340100")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    jiangsu = client.get("/api/market/cases", **_meta(bearer(f.jiangsu_regulator()))).json()
    assert [c["lead_jurisdiction"] for c in jiangsu] == ["320500"]
    assert client.get("/api/market/cases", **_meta(bearer(f.reporter()))).json() == []
    assert client.get("/api/market/cases").status_code == 401
