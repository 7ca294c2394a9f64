import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

PLAN_PATHS = {
    "/api/plan/areas": {"get"},
    "/api/plan/public/tasks": {"get"},
    "/api/plan/tasks": {"get", "post"},
    "/api/plan/tasks/{task_id}": {"get", "patch"},
    "/api/plan/tasks/{task_id}/milestones": {"get", "post"},
    "/api/plan/milestones/{milestone_id}": {"patch"},
    "/api/plan/tasks/{task_id}/reports": {"get", "post"},
    "/api/plan/reports/{report_id}/review": {"post"},
}


@pytest.fixture
def schema(db):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, methods in PLAN_PATHS.items():
        for method in methods:
            yield path, method, schema["paths"][path][method]


def test_every_plan_operation_is_in_the_schema_with_a_summary(schema):
    for path, method, operation in operations(schema):
        assert operation["summary"], (path, method)


def test_every_error_status_is_documented_with_the_error_shape(schema):
    for path, method, operation in operations(schema):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ApiError") and response["description"], (path, method, status)
    errors = schema["components"]["schemas"]["ApiError"]["properties"]
    assert {"code", "message", "errors"} <= set(errors)


def test_writes_document_their_refusals(schema):
    documented = {(p, m): set(op["responses"]) for p, m, op in operations(schema)}
    assert {"201", "400", "401", "403", "422"} <= documented[("/api/plan/tasks", "post")]
    assert {"200", "201", "404", "409"} <= documented[("/api/plan/tasks/{task_id}/reports", "post")]
    assert {"403", "404", "409"} <= documented[("/api/plan/reports/{report_id}/review", "post")]


def test_public_operations_need_no_credentials(schema):
    assert "security" not in schema["paths"]["/api/plan/areas"]["get"]
    assert "security" not in schema["paths"]["/api/plan/public/tasks"]["get"]
    assert schema["paths"]["/api/plan/tasks"]["get"]["security"]


def test_the_report_operation_documents_the_idempotency_key(schema):
    parameters = schema["paths"]["/api/plan/tasks/{task_id}/reports"]["post"]["parameters"]
    assert any(p["in"] == "header" and p["name"] == "Idempotency-Key" for p in parameters)


def test_the_docs_page_loads(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    assert b"swagger-ui" in response.content


@pytest.mark.skipif(
    "ninja" not in settings.INSTALLED_APPS, reason="ninja serves its bundled Swagger UI only when in INSTALLED_APPS"
)
def test_the_docs_page_loads_swagger_from_our_own_static_files(db):
    html = Client().get("/api/docs").content.decode()
    assert "cdn.jsdelivr.net" not in html and "<script>" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui-init.js")
