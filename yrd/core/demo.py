"""Demo people and organisations. Everything created here is marked as demo data."""

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.models import Organisation, User
from yrd.core.writes import organisation_create, person_create, role_assign

DEMO_PASSWORD = "yrd-demo-2026"


def demo_organisation(name_zh, name_en, kind, jurisdiction):
    existing = Organisation.objects.filter(name_zh=name_zh, jurisdiction=jurisdiction).first()
    return existing or organisation_create(
        acting_user=SYSTEM,
        name_zh=name_zh,
        name_en=name_en,
        kind=kind,
        jurisdiction=jurisdiction,
        is_demo=True,
    )


def demo_person(username, display_name, *, roles=(), organisation=None, language="zh-hans", **extra):
    """Create (once) a demo login holding `roles`: (role_code, jurisdiction[, organisation])."""
    person = User.objects.filter(username=username).first()
    if person is None:
        person = person_create(
            acting_user=SYSTEM,
            username=username,
            password=DEMO_PASSWORD,
            display_name=display_name,
            email=f"{username}@demo.yrd.invalid",
            organisation=organisation,
            language=language,
            **extra,
        )
    for role_code, jurisdiction, *org in roles:
        role_assign(
            acting_user=SYSTEM,
            user=person,
            role_code=role_code,
            jurisdiction=jurisdiction,
            organisation=org[0] if org else None,
        )
    return person


@transaction.atomic
def load_demo():
    admin = demo_person("admin", "平台管理员", is_staff=True)
    if not admin.is_superuser:
        admin.is_superuser = True
        admin.save(update_fields=["is_superuser"])
    return [("admin", "superuser", "everything")]
