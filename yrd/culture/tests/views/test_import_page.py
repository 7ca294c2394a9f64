"""The import page: check only writes nothing, a bad file names each feature's problem, a good file
is imported; only people who edit resources open it."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from yrd.culture.models import HeritageResource
from yrd.culture.tests import factories as f


def upload(*features):
    body = json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()
    return SimpleUploadedFile("sites.geojson", body, content_type="application/geo+json")


def feature(code, **properties):
    base = {
        "code": code,
        "city": "320500",
        "kind": "bridge",
        "name_zh": "富安桥",
        "protection": "none",
        "published": True,
    }
    return {"type": "Feature", "geometry": f.point(), "properties": base | properties}


def test_check_import_and_refusal_on_the_page(world):
    c = Client()
    c.force_login(world.sz_officer)
    checked = c.post("/culture/import/", {"file": upload(feature("fuan")), "check": "1"})
    assert "would be imported" in checked.content.decode() and not HeritageResource.objects.exists()
    refused = c.post("/culture/import/", {"file": upload(feature("fuan"), feature("bad", kind="temple"))})
    assert refused.status_code == 400
    assert "Feature 2 (bad): kind: Unknown value &#x27;temple&#x27;" in refused.content.decode()
    assert not HeritageResource.objects.exists()
    done = c.post("/culture/import/", {"file": upload(feature("fuan"))})
    assert "1 resource imported" in done.content.decode() and HeritageResource.objects.get().code == "fuan"


def test_only_editors_open_the_import_page(world):
    for persona, status in (("sz_officer", 200), ("office", 200), ("js_reviewer", 403), ("visitor", 403)):
        c = Client()
        c.force_login(getattr(world, persona))
        assert (persona, c.get("/culture/import/").status_code) == (persona, status)
    assert Client().get("/culture/import/").status_code == 302
