"""Incremental consolidation on stored reports reuses the features computed by earlier runs: only the new reports
(and reports whose enterprise fields were edited) are parsed, and the clusters are the same as without reuse."""

import pytest

from yrd.core.actors import SYSTEM
from yrd.market.consolidation import feature_cache
from yrd.market.models import Report, ReportFeatures
from yrd.market.tests import factories as f
from yrd.market.writes import consolidation_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def parsed(monkeypatch):
    """Counts the reports each call of the feature parser gets."""
    calls = []
    original = feature_cache.add_features

    def counting(frame):
        calls.append(len(frame))
        return original(frame)

    monkeypatch.setattr(feature_cache, "add_features", counting)
    return calls


def test_an_incremental_run_parses_only_what_is_new_or_edited(reference, parsed):
    for n in range(6):
        f.report(subject_name=f"苏州美佳{n}号食品有限公司", incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    assert ReportFeatures.objects.count() == 6
    f.report(subject_name="美佳食品（苏州）有限公司", incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="incremental")
    assert parsed == [] and ReportFeatures.objects.count() == 7  # the new one parsed by the engine, then stored
    Report.objects.filter(pk=Report.objects.order_by("pk").first().pk).update(subject_name="南京华联超市有限公司")
    f.report(subject_name="合肥华联超市", incident_city="340100")
    consolidation_run(acting_user=SYSTEM, mode="incremental")
    assert parsed == [1]  # the edited report only


def test_reused_features_give_the_clusters_of_a_run_without_them(reference):
    for name in ("苏州美佳食品有限公司", "美佳食品（苏州）有限公司", "合肥华联超市", "苏州美佳食品"):
        f.report(subject_name=name, incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="batch")
    f.report(subject_name="苏州市美佳食品有限公司", incident_city="320500")
    consolidation_run(acting_user=SYSTEM, mode="incremental")
    with_reuse = dict(Report.objects.values_list("pk", "enterprise_key"))
    ReportFeatures.objects.all().delete()
    Report.objects.filter(pk=max(with_reuse)).update(enterprise_key="", case=None)
    consolidation_run(acting_user=SYSTEM, mode="incremental")
    assert dict(Report.objects.values_list("pk", "enterprise_key")) == with_reuse
