import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
AUDIT_ANCHOR = {  # production wants the audit log anchored outside the database (core.checks)
    "CRYPTO_SUITE": "intl",
    "AUDIT_SIGNING_KEY": "ed25519:8PVsyMTB4nmsMEYTIU6f26NsiwwfNlBFw7GSP7O7Y+E=",
    "AUDIT_CHECKPOINT_FILE": "/var/lib/yrd/audit-checkpoints.jsonl",
}


def manage(*args, **env):
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "yrd.settings.production", **env}
    full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True)


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-secret-for-the-check-" + "z" * 20,
        ALLOWED_HOSTS="yrd.example.gov.cn",
        **AUDIT_ANCHOR,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "env,message",
    [
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "a.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": "a.example", "DEBUG": "perhaps"}, "DEBUG"),
    ],
)
def test_production_refuses_to_start_with_bad_settings(env, message):
    result = manage("check", **env)
    assert result.returncode != 0 and message in result.stderr


def test_the_migrations_match_the_models():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "yrd.settings.test"},
    )
    assert result.returncode == 0, result.stdout


PRODUCTION_ENV = {"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": "yrd.example.gov.cn", **AUDIT_ANCHOR}


def test_load_demo_refuses_to_run_under_production_settings(tmp_path):
    result = manage("load_demo", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", **PRODUCTION_ENV)
    assert result.returncode != 0 and "DEMO_ALLOWED" in result.stderr


def without_settings_module():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def test_manage_py_without_named_settings_is_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=without_settings_module(), capture_output=True, text=True
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_a_celery_worker_without_named_settings_is_production():
    script = "import yrd.celery, os; print(os.environ['DJANGO_SETTINGS_MODULE'])"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=without_settings_module(), capture_output=True, text=True
    )
    assert result.stdout.strip() == "yrd.settings.production", result.stderr


def test_the_demo_shows_the_sites_error_pages_and_writes_mail_to_files():
    script = "from django.conf import settings as s; print(s.DEBUG, s.DEMO_ALLOWED, s.EMAIL_BACKEND, s.EMAIL_FILE_PATH)"
    env = {**without_settings_module(), "DJANGO_SETTINGS_MODULE": "yrd.settings.dev"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    debug, allowed, backend, folder = result.stdout.strip().splitlines()[-1].split()
    assert (debug, allowed) == ("False", "True"), result.stderr
    assert backend == "django.core.mail.backends.filebased.EmailBackend" and folder.endswith("var/mail")
