"""The admin: the negative list is corrected there with every change audited; reports and cases are records
that cannot be changed or deleted there, and a reporter's contact never shows."""

import pytest

from yrd.core.models import AuditEntry
from yrd.core.tests.factories import UserFactory
from yrd.market.models import AccessMeasure, Report
from yrd.market.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, reference):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, username="root"))
    return client


def test_a_measure_changed_in_the_admin_is_audited(admin_client):
    measure = AccessMeasure.objects.create(code="T1", activity_code="A1", activity_zh="测试", kind="prohibited",
                                           legal_basis="测试依据")  # fmt: skip
    url = f"/admin/market/accessmeasure/{measure.pk}/change/"
    data = {"code": "T1", "activity_code": "A1", "activity_zh": "测试事项", "activity_en": "", "kind": "prohibited",
            "authority": "", "legal_basis": "测试依据", "enterprise_types": "", "area_adcode": ""}  # fmt: skip
    assert admin_client.post(url, data).status_code == 302
    assert AuditEntry.objects.filter(action="core.admin.change", object_id=str(measure.pk)).exists()


def test_reports_cannot_be_changed_or_deleted_and_their_contact_is_not_shown(admin_client):
    report = f.report()
    page = admin_client.get(f"/admin/market/report/{report.pk}/change/").content.decode()
    assert report.receipt in page and "13800138000" not in page and "张三" not in page
    assert admin_client.post(f"/admin/market/report/{report.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Report.objects.filter(pk=report.pk).exists()
