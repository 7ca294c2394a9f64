"""Demo details and a demo flow for the services app, clearly marked.

What the public record does not give — modes, time limits, materials and the competent authority
per province — is filled in with plausible values flagged `demo` (items: demo_details; materials
and authorities: is_demo). Department names are the real names of such departments; that they are
the competent authority for an item here is demo. Then windows, officers, applicants and about fifty
applications in every mode and state, from a fixed seed, all through the services layer (so the
audit chain and exchange records are as real use would leave them)."""

import random
from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from stdnum.cn import ric, uscc

from yrd.core.actors import SYSTEM
from yrd.core.demo import demo_organisation, demo_person
from yrd.core.models import Jurisdiction, Organisation
from yrd.core.selectors import jurisdiction_by_code, region
from yrd.core.workdays import add_workdays, is_workday
from yrd.core.writes import organisation_create
from yrd.services import writes
from yrd.services.demo_data import (
    BIRTH_PLACES,
    DEPARTMENTS,
    DETAILS,
    NAMES,
    SHORT,
    TYPES,
    WINDOWS,
)
from yrd.services.models import Application, HandlingStep, Mode, RemoteSlot, ServiceItem

SEED = 2023
PROVINCES = ("310000", "320000", "330000", "340000")


def demo_pdf(label):
    body = f"%PDF-1.4\n% yrd demo material: {label}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    return SimpleUploadedFile(f"{label}.pdf", body.encode())


def demo_ric(rng):
    body = (
        f"{rng.choice(BIRTH_PLACES)}{rng.randint(1984, 2000)}"
        f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        f"{rng.randint(0, 999):03d}"
    )
    return body + ric.calc_check_digit(body + "0")


def demo_uscc(region_code, serial):
    body = f"91{region_code}{serial:09d}"[:17]
    return body + uscc.calc_check_digit(body)


def _province(code):
    return jurisdiction_by_code(code, Jurisdiction.Level.PROVINCE)


def _city(code):
    return jurisdiction_by_code(code, Jurisdiction.Level.CITY)


def _catalogue_details():
    authorities = {}
    types = {
        code: writes.material_type_ensure(acting_user=SYSTEM, code=code, name_zh=zh, name_en=en)
        for code, (zh, en) in TYPES.items()
    }
    for code, (department, modes, days, materials, decision) in DETAILS.items():
        item = ServiceItem.objects.filter(code=code).first()
        if item is None:
            continue
        writes.item_set_details(
            acting_user=SYSTEM,
            item=item,
            online="online" in modes,
            remote="remote" in modes,
            joint="joint" in modes,
            time_limit_days=days,
            demo_details=True,
            decision_material=types[decision] if decision else None,
        )
        for type_code, mandatory, formats in materials:
            writes.material_require(
                acting_user=SYSTEM,
                item=item,
                material_type=types[type_code],
                mandatory=mandatory,
                formats=formats,
                max_mb=10,
                is_demo=True,
            )
        for province in PROVINCES:
            zh, en, seat = DEPARTMENTS[department][province]
            kind = "regulator" if department == "market" else "government"
            seat_jurisdiction = _province(seat) if seat == province else _city(seat)
            organisation = demo_organisation(zh, en, kind, seat_jurisdiction)
            writes.authority_set(
                acting_user=SYSTEM,
                item=item,
                province=_province(province),
                organisation=organisation,
                is_demo=True,
            )
            authorities[(department, province)] = organisation
    return authorities


def _people(authorities):
    windows, window_officers, handlers = {}, {}, {}
    for province, (zh, en, city) in WINDOWS.items():
        windows[province] = demo_organisation(zh, en, "government", _city(city))
        window_officers[province] = demo_person(
            f"window_{SHORT[province]}",
            f"{zh}工作人员",
            organisation=windows[province],
            roles=[("service_officer", _city(city), windows[province])],
        )
        handlers[province] = demo_person(
            f"handler_{SHORT[province]}",
            f"{_province(province).name_zh}承办人员",
            roles=[("handling_officer", _province(province))],
        )
    applicants = [  # (account, name, resident ID number): the same person applies again (once-only)
        (
            demo_person("applicant_zhang", "张伟（演示申请人）", roles=[("applicant", region())]),
            "张伟",
            demo_ric(random.Random(1)),
        ),
        (
            demo_person("applicant_wang", "王芳（演示申请人）", roles=[("applicant", region())]),
            "王芳",
            demo_ric(random.Random(2)),
        ),
    ]
    enterprise = Organisation.objects.filter(uscc=demo_uscc("320500", 90001)).first() or organisation_create(
        acting_user=SYSTEM,
        name_zh="长三角示范科技有限公司（演示）",
        name_en="YRD Demo Technology Co., Ltd.",
        kind="enterprise",
        jurisdiction=_city("320500"),
        uscc=demo_uscc("320500", 90001),
        is_demo=True,
    )
    company_user = demo_person(
        "applicant_company",
        "长三角示范科技有限公司经办人",
        organisation=enterprise,
        roles=[("applicant", region())],
    )
    return windows, window_officers, handlers, applicants, (company_user, enterprise)


def _moment(day, rng):
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59))))


def _next_workday(day, rng, at_most=2):
    return add_workdays(day, rng.randint(0, at_most))


STAGES = [
    "submitted",
    "received",
    "forwarded",
    "accepted",
    "correction",
    "in_handling",
    "decided",
    "decided",
    "delivered",
    "delivered",
    "delivered",
    "rejected",
]


def _flow(rng, item, mode, actors, day, stage):
    """Take one application as far as `stage`, each step a few working days after the last."""
    windows, officers, handlers, applicants, company = actors
    enterprise_item = item.audience == ServiceItem.Audience.ENTERPRISE
    handling_codes = rng.sample(PROVINCES, 2)
    window_province = rng.choice([p for p in PROVINCES if p != handling_codes[0]])
    channel = "online" if mode == Mode.ONLINE or (mode == Mode.JOINT and rng.random() < 0.5) else "window"
    window = windows[window_province] if channel == "window" else None
    walk_in = channel == "window" and rng.random() < 0.5
    if enterprise_item:
        applicant_user, enterprise = company
        name, id_number = enterprise.name_zh, ""
    else:
        enterprise = None
        applicant_user, name, id_number = (
            (None, rng.choice(NAMES), demo_ric(rng)) if walk_in else rng.choice(applicants)
        )
    materials = [
        (r.material_type.code, demo_pdf(r.material_type.code))
        for r in item.materials.all()
        if r.mandatory or rng.random() < 0.5
    ]
    materials = [(c, f) for c, f in materials if "pdf" in item.materials.get(material_type__code=c).formats]
    draft = writes.ApplicationDraft(
        item=item,
        mode=mode,
        channel=channel,
        receiving_window=window,
        applicant_kind="enterprise" if enterprise_item else "person",
        applicant_name=name,
        applicant_id_number=id_number,
        applicant_uscc=enterprise.uscc if enterprise_item else "",
        handling=tuple(_province(c) for c in (handling_codes if mode == Mode.JOINT else handling_codes[:1])),
        uploads=tuple(materials),
        applicant_user=applicant_user,
        at=_moment(day, rng),
        is_demo=True,
    )
    application = writes.application_submit(
        acting_user=officers[window_province] if walk_in else applicant_user, draft=draft
    )
    lead = handlers[handling_codes[0]]
    steps = [
        (
            "received",
            lambda at: writes.application_receive(
                acting_user=officers[window_province] if window else lead,
                application=application,
                consent_signed=True,
                at=at,
            ),
        )
    ]
    if mode == Mode.REMOTE:
        steps.append(
            (
                "forwarded",
                lambda at: writes.application_forward(
                    acting_user=officers[window_province], application=application, at=at
                ),
            )
        )
    if stage == "rejected":
        steps.append(
            (
                "rejected",
                lambda at: writes.application_reject(
                    acting_user=lead,
                    application=application,
                    reasons="申请材料与事项要求不符（演示）",
                    at=at,
                ),
            )
        )
    else:
        steps.append(
            (
                "accepted",
                lambda at: writes.application_accept(acting_user=lead, application=application, at=at),
            )
        )
        if stage in ("correction",) or rng.random() < 0.25:
            steps.append(
                (
                    "correction",
                    lambda at: writes.correction_request(
                        acting_user=lead,
                        application=application,
                        reasons="请补充清晰的证明材料（演示）",
                        at=at,
                    ),
                )
            )
            if stage != "correction":
                steps.append(
                    (
                        "answered",
                        lambda at: writes.correction_respond(
                            acting_user=applicant_user or SYSTEM,
                            application=application,
                            note="已按要求补充（演示）",
                            at=at,
                        ),
                    )
                )
        steps.append(
            (
                "in_handling",
                lambda at: writes.application_start_handling(acting_user=lead, application=application, at=at),
            )
        )
        steps.append(("decided", lambda at: _decide(rng, application, handlers, at)))
        steps.append(
            (
                "delivered",
                lambda at: _deliver(rng, application, officers, window_province, lead, at),
            )
        )
    if stage not in {label for label, _step in steps}:
        stage = "received"
    last = application.submitted_at
    for label, step in [] if stage == "submitted" else steps:
        day = _next_workday(day, rng, at_most=3 if label == "decided" else 2)
        if day >= timezone.localdate():
            break
        last = max(_moment(day, rng), last + timedelta(minutes=rng.randint(5, 90)))
        step(last)
        if label == stage:
            break
    return application


def _decide(rng, application, handlers, at):
    approved = rng.random() < 0.85
    if application.mode != Mode.JOINT:
        return writes.application_decide(
            acting_user=handlers[application.steps.get().jurisdiction.code],
            application=application,
            approved=approved,
            note="" if approved else "不符合办理条件（演示）",
            document=demo_pdf("decision"),
            at=at,
        )
    for step in application.steps.order_by("order"):
        step.refresh_from_db()
        if step.outcome != HandlingStep.Outcome.PENDING:
            continue
        writes.step_complete(
            acting_user=handlers[step.jurisdiction.code],
            application=application,
            step=step.jurisdiction.code,
            approved=approved,
            note="" if approved else "不符合办理条件（演示）",
            document=demo_pdf(f"step-{step.jurisdiction.code}"),
            at=at,
        )
        if not approved:
            break


def _deliver(rng, application, officers, window_province, lead, at):
    if application.receiving_window_id and rng.random() < 0.5:
        return writes.application_deliver(
            acting_user=officers[window_province], application=application, method="window", at=at
        )
    return writes.application_deliver(
        acting_user=lead,
        application=application,
        method="courier",
        tracking_number=f"SF{rng.randint(10**11, 10**12 - 1)}",
        at=at,
    )


def _applications(rng, actors):
    today = timezone.localdate()
    items = list(ServiceItem.objects.filter(demo_details=True).prefetch_related("materials__material_type"))
    for n in range(56):
        item = items[n % len(items)]
        mode = rng.choice([m.value for m in item.modes])
        stage = STAGES[n % len(STAGES)]
        back = {"submitted": 1, "received": 3, "forwarded": 4}.get(stage, rng.randint(8, 60))
        day = today - timedelta(days=back)
        while not is_workday(day):
            day -= timedelta(days=1)
        _flow(rng, item, mode, actors, day, stage)


def _slots(handlers, windows, officers, authorities):
    """Remote-window slots of the Anhui and Zhejiang public security for the next working days, and
    morning's queue at the Shanghai window."""
    if RemoteSlot.objects.filter(is_demo=True).exists():
        return
    day, now = timezone.localdate(), timezone.now()
    item = ServiceItem.objects.get(code="hukou-transfer")
    for offset in range(3):
        on = add_workdays(day, offset) if offset else day
        for province in ("340000", "330000"):
            for hour in (9, 10, 14, 15):
                starts = timezone.make_aware(datetime.combine(on, time(hour, 0)))
                writes.slot_create(
                    acting_user=SYSTEM,
                    authority=authorities[("police", province)],
                    officer=handlers[province],
                    starts_at=starts,
                    ends_at=starts + timedelta(minutes=30),
                    capacity=2,
                    video_url="https://video.example.invalid/yrd-demo",
                    is_demo=True,
                )
    upcoming = RemoteSlot.objects.filter(is_demo=True, ends_at__gt=now).order_by("starts_at")
    for slot, name in zip(upcoming[:3], ["刘洋", "陈静", "杨磊"], strict=False):
        booking = writes.booking_create(
            acting_user=officers["310000"],
            slot=slot,
            window=windows["310000"],
            item=item,
            applicant_name=f"{name}（演示）",
            is_demo=True,
        )
        if name != "杨磊":
            writes.booking_check_in(acting_user=officers["310000"], booking=booking)


@transaction.atomic
def load_demo():
    rng = random.Random(SEED)
    authorities = _catalogue_details()
    windows, officers, handlers, applicants, company = _people(authorities)
    if not Application.objects.filter(is_demo=True).exists():
        _applications(rng, (windows, officers, handlers, applicants, company))
    _slots(handlers, windows, officers, authorities)
    rows = [(f"window_{SHORT[p]}", "window officer", WINDOWS[p][1]) for p in PROVINCES]
    rows += [(f"handler_{SHORT[p]}", "handling officer", _province(p).name_en) for p in PROVINCES]
    rows += [
        ("applicant_zhang", "applicant", "own applications"),
        ("applicant_wang", "applicant", "own applications"),
        ("applicant_company", "applicant (enterprise)", "own applications"),
    ]
    return rows
