"""After an authority adds a restriction, the recheck command names the accepted intents it now meets."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from yrd.core.tests.factories import jurisdiction
from yrd.lowalt import writes
from yrd.lowalt.tests import factories as f

pytestmark = pytest.mark.django_db


def test_an_intent_under_a_new_no_fly_area_is_named(world):
    number = f.file(world.pilot, world.light).intent.number
    ring = [[121.39, 31.09], [121.43, 31.09], [121.43, 31.12], [121.39, 31.12], [121.39, 31.09]]
    feature = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "id": "NEW",
            "name_zh": "新禁飞区",
            "kind": "no_fly",
            "lower_m": 0,
            "upper_m": 300,
            "active": {"type": "always"},
        },
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    writes.restrictions_import(acting_user=world.sh_officer, province=jurisdiction("310000"), text=text)
    out = StringIO()
    call_command("lowalt_recheck", day=f.tomorrow_at(0).date().isoformat(), stdout=out)
    assert f"{number}: restriction 310000/NEW" in out.getvalue() and "1 intents" in out.getvalue()
