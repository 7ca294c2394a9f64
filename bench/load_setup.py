"""Run by bench/load.py inside Django (the bench database, dev settings): API tokens for a demo task
owner and a demo applicant, and a plan report and a services application that the API accepts,
found by trying them (each tried once through the API in process). Prints one JSON line."""

import base64
import json
import random
import uuid
from datetime import date, timedelta

from django.test import Client

from yrd.core.models import ApiToken, User
from yrd.core.writes import api_token_create
from yrd.plan.models import Task
from yrd.services.demo import demo_ric
from yrd.services.models import ServiceItem

PDF = base64.b64encode(b"%PDF-1.4\n" + b"0" * 500).decode()


def token(username):
    user = User.objects.get(username=username)
    # The served production settings require a second factor of officers: the token is made as in a
    # session that passed it (these dev settings do not ask for one).
    user.is_verified = lambda: True
    return api_token_create(acting_user=user, name=f"load-{uuid.uuid4().hex[:6]}", scope=ApiToken.READ_WRITE)[1]


REFUSALS = []


def accepted(client, key, url, body):
    response = client.post(url, body, content_type="application/json", headers={"Authorization": f"Bearer {key}"})
    if response.status_code != 201:
        REFUSALS.append(f"{url}: {response.status_code} {response.content[:300]}")
    return response.status_code == 201


def plan_report(key):
    client = Client(SERVER_NAME="localhost")
    # A day of its own (a task takes one report per period), so that --reuse-db runs find one too.
    day = (date(1000, 1, 1) + timedelta(days=random.randrange(0, 2_000_000))).isoformat()
    body = {"period_start": day, "period_end": day, "percent": 40, "narrative_zh": "压测"}
    for task in Task.objects.order_by("code")[:200]:
        if accepted(client, key, f"/api/plan/tasks/{task.pk}/reports", body):
            return {"task": task.pk, "body": body}
    raise SystemExit(f"no task accepts a report from owner_31: {REFUSALS[-3:]}")


def application(key):
    client = Client(SERVER_NAME="localhost")
    for item in ServiceItem.objects.prefetch_related("materials__material_type", "authorities__province"):
        if not item.online:
            continue
        materials = [
            {"type": m.material_type.code, "filename": "m.pdf", "content_base64": PDF} for m in item.materials.all()
        ]
        for authority in item.authorities.all():
            body = {
                "item": item.code,
                "mode": "online",
                "applicant_kind": "person",
                "applicant_name": "张伟",  # applicant_zhang's own identity, as the demo made it
                "applicant_id_number": demo_ric(random.Random(1)),
                "channel": "online",
                "handling": [authority.province.code],
                "materials": materials,
            }
            if accepted(client, key, "/api/services/applications", body):
                return {"body": body}
    raise SystemExit(f"no catalogue item accepts an online application: {REFUSALS[-3:]}")


owner, applicant = token("owner_31"), token("applicant_zhang")
print(
    json.dumps(
        {"owner": owner, "applicant": applicant, "report": plan_report(owner), "application": application(applicant)}
    )
)
