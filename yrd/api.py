"""The one API: each module's ninja router mounted under /api/<label>/, OpenAPI at /api/docs."""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import DataError, IntegrityError
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import APIKeyHeader, django_auth

from yrd.core.errors import Conflict
from yrd.core.registry import registry
from yrd.core.schemas import ApiError
from yrd.core.tokens import account_for_key

logger = logging.getLogger(__name__)


class BearerToken(APIKeyHeader):
    """`Authorization: Bearer yrd_...`, a token created on the account page."""

    param_name = "Authorization"

    def authenticate(self, request, key):
        if not key or not key.startswith("Bearer "):
            return None
        user = account_for_key(key.removeprefix("Bearer ").strip(), request.method)
        if user is not None:
            request.user = user
        return user


# Every operation may answer with these, each in the one error schema (handlers below); the
# generated schema says so, so clients and schema checks know every status they can get.
ERROR_STATUSES = {
    400: "Invalid input: `errors` names each field",
    401: "Not logged in and no valid Bearer token",
    403: "Not allowed for this account or token",
    404: "No such object or address, or not visible to you",
    409: "Conflicts with the current state (or an idempotency key reused with another body)",
    422: "The request does not match the schema",
}


class Api(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ApiError", ApiError.model_json_schema(ref_template="#/components/schemas/{model}"))
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    responses.setdefault(status, {"description": description, "content": error})
        return schema


api = Api(
    title="yrd API",
    version="1",
    description="Yangtze River Delta integrated platform. Errors: {code, message, errors?}.",
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
)


def _error(request, status, code, message, errors=None):
    body = {"code": code, "message": message}
    if errors:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


def _messages(error):
    if hasattr(error, "message_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in error.message_dict.items()}
    return {"__all__": [str(m) for m in error.messages]}


@api.exception_handler(ValidationError)
def on_validation_error(request, error):
    errors = _messages(error)
    first = next(iter(errors.values()))[0]
    return _error(request, 400, "invalid", first, errors)


@api.exception_handler(SchemaValidationError)
def on_schema_error(request, error):
    errors = [{"loc": e.get("loc"), "msg": e.get("msg")} for e in error.errors]
    return _error(request, 422, "invalid", _("The request body or query does not match the schema."), errors)


@api.exception_handler(PermissionDenied)
def on_forbidden(request, error):
    return _error(request, 403, "forbidden", str(error) or _("You may not do this."))


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, error):
    return _error(request, 401, "unauthenticated", _("Log in or send a Bearer token."))


@api.exception_handler(ObjectDoesNotExist)
def on_missing(request, error):
    # Django's own text ("X matching query does not exist.") names internals; say it plainly.
    return _error(request, 404, "not_found", _("No such object, or you may not see it."))


@api.exception_handler(Http404)
def on_404(request, error):
    return _error(request, 404, "not_found", str(error) or _("No such object, or you may not see it."))


@api.exception_handler(OverflowError)
def on_overflow(request, error):
    # An id beyond 64 bits names nothing; the database driver would fail converting it.
    return _error(request, 404, "not_found", _("No such object, or you may not see it."))


@api.exception_handler(DataError)
def on_data_error(request, error):
    # A value the schema let through but the database refuses (too long, out of range): the write
    # should have validated it; answer 400 rather than 500 and keep the log line for the fix.
    logger.warning("API input reached the database unvalidated: %s", error)
    return _error(request, 400, "invalid", _("A value is too long or out of range."))


@api.exception_handler(IntegrityError)
def on_integrity_error(request, error):
    logger.warning("API write broke a database constraint: %s", error)
    return _error(request, 409, "conflict", _("This conflicts with data already recorded."))


@api.exception_handler(Conflict)
def on_conflict(request, error):
    return _error(request, 409, error.code, error.message)


@api.exception_handler(HttpError)
def on_http_error(request, error):
    if error.status_code == 403 and "CSRF" in str(error):
        message = _("CSRF check failed: with a session send the X-CSRFToken header, or use a Bearer token.")
        return _error(request, 403, "csrf_failed", message)
    return _error(request, error.status_code, "error", str(error))


@api.get("/health", auth=None, tags=["core"])
def health(request):
    return {"status": "ok", "time": timezone.now().isoformat()}


for manifest in registry.manifests.values():
    if manifest.api_router:
        api.add_router(f"/{manifest.label}/", import_string(manifest.api_router))
