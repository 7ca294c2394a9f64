"""Every field of the core and plan models has a translatable label, so that the admin and the
forms built from the models show it in the reader's language."""

from django.apps import apps
from django.utils.functional import Promise

APPS = ("core", "plan")


def _fields(model):
    for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
        if not field.auto_created:  # the automatic primary key "ID"
            yield field


def test_every_field_has_a_translatable_verbose_name():
    # The automatic verbose name is a plain str made from the field's name; an explicit one is
    # a lazy translation. (Comparing with name.replace("_", " ") would flag correct labels that
    # happen to read the same in English, such as "code" or "hash".)
    offenders = [
        f"{model._meta.label}.{field.name}"
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        for field in _fields(model)
        if not isinstance(field.verbose_name, Promise)
    ]
    assert offenders == []


def test_the_progress_report_labels_read_as_asked():
    from yrd.plan.models import ProgressReport

    label = {f.name: str(f.verbose_name) for f in ProgressReport._meta.get_fields() if hasattr(f, "verbose_name")}
    assert label["submitted_by"] == "submitted by"
    assert label["reviewed_by"] == "reviewed by"


def test_the_admin_change_page_of_a_report_shows_the_labels(client, reference):
    from django.urls import reverse

    from yrd.core.tests.factories import person
    from yrd.plan.tests.factories import ReportFactory

    report = ReportFactory()
    client.force_login(person(is_superuser=True, is_staff=True))
    page = client.get(
        reverse("admin:plan_progressreport_change", args=[report.pk]), headers={"Accept-Language": "en"}
    ).content.decode()
    for label in ("Submitted by", "Reviewed by", "Reviewed at"):
        assert f">{label}" in page, label
