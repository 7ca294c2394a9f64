"""The review queue: both records side by side with the model's reasons; a decision recorded and kept."""

import pytest
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.market.models import ConsolidationRun, MatchDecision, ReviewPair
from yrd.market.tests import factories as f
from yrd.market.writes import match_decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(reference):
    a = f.report(subject_name="苏州美佳食品有限公司", incident_city="320500")
    b = f.report(subject_name="美家食品店", incident_city="320500", reporter_phone="13900139000")
    run = ConsolidationRun.objects.create(
        mode="batch", started_at=timezone.now(), finished_at=timezone.now(), reports=2, enterprises=2,
        review_pairs=1, model={},
    )  # fmt: skip
    reasons = [{"feature": "trade_name", "level": "same sound (pinyin)", "weight": 9.7},
               {"feature": "prior", "level": "two reports chosen at random", "weight": -11.5}]  # fmt: skip
    return ReviewPair.objects.create(
        report_a=a, report_b=b, match_weight=1.2, match_probability=0.7, linked=False, reasons=reasons, run=run
    )


def test_a_reviewer_sees_both_records_side_by_side_and_why_the_model_was_unsure(client, pair):
    regulator = f.jiangsu_regulator()
    regulator.language = "en"
    regulator.save()
    client.force_login(regulator)
    page = client.get("/market/review/").content.decode()
    assert "苏州美佳食品有限公司" in page and "美家食品店" in page and "same sound (pinyin)" in page
    assert "13900139000" not in page


def test_a_merge_is_recorded_and_leaves_the_queue(client, pair):
    client.force_login(f.jiangsu_regulator())
    client.post(f"/market/review/{pair.pk}/", {"kind": "merge"})
    decision = MatchDecision.objects.get()
    assert (decision.kind, decision.report_a_id, decision.report_b_id) == ("merge", pair.report_a_id, pair.report_b_id)
    assert not ReviewPair.objects.exists()


def test_a_regulator_of_another_province_neither_sees_nor_decides_the_pair(client, pair):
    client.force_login(f.anhui_regulator())
    assert "美家食品店" not in client.get("/market/review/").content.decode()
    assert client.post(f"/market/review/{pair.pk}/", {"kind": "split"}).status_code == 403
    assert not MatchDecision.objects.exists()


def test_the_system_may_record_a_decision_too(pair):
    match_decide(acting_user=SYSTEM, report_a=pair.report_b, report_b=pair.report_a, kind="split")
    assert MatchDecision.objects.get().report_a_id == pair.report_a_id


def test_the_reasons_read_in_the_reviewers_language(client, pair):
    regulator = f.jiangsu_regulator()
    regulator.language = "zh-hans"
    regulator.save()
    client.force_login(regulator)
    page = client.get("/market/review/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "字号" in page and "读音相同" in page and "same sound (pinyin)" not in page


def test_every_level_the_engine_can_name_has_a_translated_label():
    from yrd.market.consolidation.clustering import Refusal
    from yrd.market.consolidation.model import DESCRIPTIONS
    from yrd.market.review_labels import FEATURES, LEVELS, REFUSALS
    from yrd.market.writes.consolidation import starter_model

    model = starter_model()
    labels = {level["label_for_charts"] for c in model["comparisons"] for level in c["comparison_levels"]}
    assert set(DESCRIPTIONS) <= set(FEATURES) and {r.value for r in Refusal} <= set(REFUSALS)
    assert labels <= set(LEVELS), labels - set(LEVELS)
