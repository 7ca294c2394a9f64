import json

import pytest
from django.test import Client


class Api:
    """The emergency API as one persona calls it (signed in with a session)."""

    def __init__(self, user=None):
        self.client = Client()
        if user is not None:
            self.client.force_login(user)

    def get(self, path):
        return self.client.get(f"/api/emergency{path}")

    def post(self, path, body=None, **headers):
        return self.client.post(
            f"/api/emergency{path}", json.dumps(body or {}), content_type="application/json", headers=headers
        )


@pytest.fixture
def api():
    return Api
