"""Demo people and organisations. Everything created here is marked as demo data."""

import hashlib

from django.db import transaction

from yrd.core.actors import SYSTEM
from yrd.core.models import Jurisdiction, Organisation, User
from yrd.core.writes import organisation_create, person_create, role_assign

DEMO_PASSWORD = "yrd-demo-2026"
DEMO_EMAIL_DOMAIN = "@demo.yrd.invalid"  # .invalid never resolves (RFC 2606): no demo mail leaves

# Demo people are named in both scripts, so English pages name a person rather than show a Chinese
# role title; who is who is in the login list `make demo` prints.
DEMO_NAMES = [
    ("陈静", "Chen Jing"),
    ("刘洋", "Liu Yang"),
    ("赵敏", "Zhao Min"),
    ("孙磊", "Sun Lei"),
    ("周华", "Zhou Hua"),
    ("吴刚", "Wu Gang"),
    ("郑丽", "Zheng Li"),
    ("何军", "He Jun"),
    ("林峰", "Lin Feng"),
    ("黄蕾", "Huang Lei"),
    ("徐明", "Xu Ming"),
    ("朱琳", "Zhu Lin"),
    ("马骏", "Ma Jun"),
    ("胡洁", "Hu Jie"),
    ("郭涛", "Guo Tao"),
    ("罗欣", "Luo Xin"),
    ("梁宇", "Liang Yu"),
    ("宋佳", "Song Jia"),
    ("唐辉", "Tang Hui"),
    ("韩雪", "Han Xue"),
    ("冯凯", "Feng Kai"),
    ("董倩", "Dong Qian"),
    ("萧然", "Xiao Ran"),
    ("程晨", "Cheng Chen"),
    ("曹阳", "Cao Yang"),
    ("袁媛", "Yuan Yuan"),
    ("邓超", "Deng Chao"),
    ("许诺", "Xu Nuo"),
    ("傅强", "Fu Qiang"),
    ("沈悦", "Shen Yue"),
    ("曾琪", "Zeng Qi"),
    ("彭飞", "Peng Fei"),
    ("吕萍", "Lyu Ping"),
    ("苏畅", "Su Chang"),
    ("卢勇", "Lu Yong"),
    ("蒋睿", "Jiang Rui"),
    ("蔡莹", "Cai Ying"),
    ("贾斌", "Jia Bin"),
    ("丁宁", "Ding Ning"),
    ("魏岚", "Wei Lan"),
]


def bilingual_name(username: str, display_name: str) -> str:
    """`display_name` when it already has a Latin-script part, else a name in both scripts that
    stays the same for the same username."""
    if any("a" <= c.lower() <= "z" for c in display_name):
        return display_name
    zh, en = DEMO_NAMES[int(hashlib.sha256(username.encode()).hexdigest(), 16) % len(DEMO_NAMES)]
    return f"{zh} {en}"


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
            display_name=bilingual_name(username, display_name),
            email=f"{username}{DEMO_EMAIL_DOMAIN}",
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
    region = Jurisdiction.objects.get(level="region")
    # Separation of duties (MLPS level 3): the three administrators production uses instead of a superuser.
    demo_person("sysadmin", "系统管理员", roles=[("system_admin", region)])
    demo_person("secadmin", "安全管理员", roles=[("security_admin", region)])
    demo_person("auditadmin", "审计管理员", roles=[("audit_admin", region)])
    return [
        ("admin", "superuser", "everything (refused at login in production)"),
        ("sysadmin", "system administrator", "organisations and accounts"),
        ("secadmin", "security administrator", "roles and security alerts"),
        ("auditadmin", "audit administrator", "reads and exports the audit log"),
    ]
