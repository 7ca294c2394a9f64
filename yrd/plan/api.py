"""The plan tracker's API, mounted at /api/plan/. Handlers are thin: they read through selectors
(only what the caller may see; anything else is 404), write through yrd.plan.writes (which checks
the role, 403) and let yrd/api.py turn errors into {code, message, errors?}."""

from ninja import Header, Query, Router, Status
from ninja.decorators import decorate_view

from yrd.core.caching import public_cache
from yrd.plan import selectors, writes
from yrd.plan.schemas import (
    ApiError,
    AreaOut,
    MilestoneCreateIn,
    MilestoneOut,
    MilestoneUpdateIn,
    PublicTaskListIn,
    PublicTaskPageOut,
    ReportCreateIn,
    ReportOut,
    ReportReviewIn,
    TaskCreateIn,
    TaskListIn,
    TaskOut,
    TaskPageOut,
    TaskUpdateIn,
)

router = Router(tags=["plan"])

# What each error status means here; every operation lists the ones it can answer.
_MEANING = {
    400: "Invalid value (field -> messages)",
    401: "Not logged in and no valid Bearer token",
    403: "Your role does not allow this here",
    404: "No such object, or you may not see it",
    409: "The object's state does not allow this",
    422: "The request does not match the schema",
}


def responses(ok, *errors, status=200, extra=None):
    """`response=` and `openapi_extra=` for an operation answering `status` with `ok`, or one of
    the listed error statuses with ApiError."""
    documented = {code: {"description": _MEANING[code]} for code in errors}
    documented.update(extra or {})
    return {
        "response": {status: ok, **{code: ApiError for code in errors}, **{code: ok for code in (extra or {})}},
        "openapi_extra": {"responses": documented},
    }


# --- public -------------------------------------------------------------------------------------


@router.get("/areas", auth=None, **responses(list[AreaOut]), summary="Areas of the plan with task counts")
@decorate_view(public_cache)
def list_areas(request):
    """The plan's areas with the key-task count the plan states and the published tasks on file."""
    return selectors.areas_with_counts()


@router.get(
    "/public/tasks", auth=None, **responses(PublicTaskPageOut, 422), summary="Published tasks (transparency page)"
)
@decorate_view(public_cache)
def list_public_tasks(request, filters: Query[PublicTaskListIn]):
    """Published tasks with derived status and progress, from accepted reports only; fields fit
    for the public only."""
    listed = _page(selectors.public_task_rows(status=filters.status, area=filters.area), filters)
    selectors.with_late_milestones(listed["items"])
    return listed


# --- tasks --------------------------------------------------------------------------------------


@router.get("/tasks", **responses(TaskPageOut, 400, 401, 422), summary="Tasks you may see")
def list_tasks(request, filters: Query[TaskListIn]):
    """Tasks visible to the caller, filtered by area number, derived status, jurisdiction (adcode:
    tasks led or co-led inside it) and text; `total` counts all matches before limit/offset."""
    jurisdiction = None
    if filters.jurisdiction:
        jurisdiction = selectors.jurisdiction_from_code(filters.jurisdiction, "jurisdiction")
    rows = selectors.task_rows(
        selectors.visible_tasks(request.user),
        status=filters.status,
        area=filters.area,
        jurisdiction=jurisdiction,
        search=filters.q.strip(),
    )
    return _page(rows, filters)


def _page(rows, page):
    return {
        "total": len(rows),
        "limit": page.limit,
        "offset": page.offset,
        "items": rows[page.offset : page.offset + page.limit],
    }


@router.get("/tasks/{int:task_id}", **responses(TaskOut, 401, 404), summary="One task")
def get_task(request, task_id: int):
    return selectors.visible_task_row(request.user, task_id)


@router.post("/tasks", **responses(TaskOut, 400, 401, 403, 422, status=201), summary="Create a task")
def create_task(request, payload: TaskCreateIn):
    """Needs plan.task.manage over every lead and co-lead jurisdiction."""
    plan = selectors.plan_or_error()
    fields = payload.dict()
    refs = _references(plan, fields)
    task = writes.task_create(acting_user=request.user, plan=plan, **fields, **refs)
    return Status(201, selectors.task_row(task))


@router.patch("/tasks/{int:task_id}", **responses(TaskOut, 400, 401, 403, 404, 422), summary="Change a task")
def update_task(request, task_id: int, payload: TaskUpdateIn):
    """Changes only the fields sent. Re-assigning leads needs plan.task.manage over the new ones."""
    task = selectors.visible_task(request.user, task_id)
    changes = payload.dict(exclude_unset=True)
    refs = _references(task.plan, changes)
    task = writes.task_update(acting_user=request.user, task=task, **changes, **refs)
    return selectors.task_row(task)


def _references(plan, fields):
    """Pop the area number, adcodes and organisation ids from the payload, as objects."""
    refs = {}
    if "area" in fields:
        refs["area"] = selectors.area_from_number(plan, fields.pop("area"))
    for name in ("leads", "coleads"):
        if name in fields:
            codes = fields.pop(name)
            refs[name] = None if codes is None else selectors.jurisdictions_from_codes(codes, name)
    if "organisations" in fields:
        ids = fields.pop("organisations")
        refs["organisations"] = None if ids is None else selectors.organisations_from_ids(ids)
    return refs


# --- milestones ---------------------------------------------------------------------------------


@router.get(
    "/tasks/{int:task_id}/milestones", **responses(list[MilestoneOut], 401, 404), summary="Milestones of a task"
)
def list_milestones(request, task_id: int):
    return selectors.task_milestones(selectors.visible_task(request.user, task_id))


@router.post(
    "/tasks/{int:task_id}/milestones",
    **responses(MilestoneOut, 400, 401, 403, 404, 422, status=201),
    summary="Add a milestone",
)
def create_milestone(request, task_id: int, payload: MilestoneCreateIn):
    task = selectors.visible_task(request.user, task_id)
    milestone = writes.milestone_create(acting_user=request.user, task=task, **payload.dict())
    return Status(201, milestone)


@router.patch(
    "/milestones/{int:milestone_id}",
    **responses(MilestoneOut, 400, 401, 403, 404, 422),
    summary="Change or complete a milestone",
)
def update_milestone(request, milestone_id: int, payload: MilestoneUpdateIn):
    """Changes only the fields sent; set done_date to complete the milestone."""
    milestone = selectors.visible_milestone(request.user, milestone_id)
    return writes.milestone_update(acting_user=request.user, milestone=milestone, **payload.dict(exclude_unset=True))


# --- progress reports ---------------------------------------------------------------------------


@router.get(
    "/tasks/{int:task_id}/reports", **responses(list[ReportOut], 401, 404), summary="Progress reports of a task"
)
def list_reports(request, task_id: int):
    return selectors.task_reports(selectors.visible_task(request.user, task_id))


@router.post(
    "/tasks/{int:task_id}/reports",
    **responses(
        ReportOut,
        400,
        401,
        403,
        404,
        409,
        422,
        status=201,
        extra={200: {"description": "A retry: the report the key first created"}},
    ),
    summary="Submit a progress report (idempotent with Idempotency-Key)",
)
def create_report(
    request,
    task_id: int,
    payload: ReportCreateIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=80),
):
    """Send a fresh `Idempotency-Key` with each new report. Retrying with the same key and body
    answers 200 with the report first created, never a second one; the same key with another
    body or task is 409. Keys are per sender: another person's equal key is another request."""
    task = selectors.visible_task(request.user, task_id)
    key = (idempotency_key or "").strip() or None
    report = writes.report_submit(acting_user=request.user, task=task, idempotency_key=key, **payload.dict())
    return Status(200 if report.replayed else 201, selectors.report_again(report))


@router.post(
    "/reports/{int:report_id}/review",
    **responses(ReportOut, 400, 401, 403, 404, 409, 422),
    summary="Accept or return a progress report",
)
def review_report(request, report_id: int, payload: ReportReviewIn):
    """A report is reviewed once (409 after); returning it needs a comment."""
    report = selectors.visible_report(request.user, report_id)
    report = writes.report_review(
        acting_user=request.user, report=report, accept=payload.decision == "accept", comment=payload.comment
    )
    return selectors.report_again(report)
