import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import jurisdiction
from yrd.innovation import writes
from yrd.innovation.matching import Doc, TokenCache
from yrd.innovation.selectors import matching as selectors


def test_a_rebuild_segments_only_the_documents_that_changed():
    words = TokenCache()
    docs = [Doc("a", "扫描电镜 测试"), Doc("b", "water quality testing"), Doc("c", "锂电池 循环寿命")]
    first = words.corpus(docs)
    assert words.segmented == 3
    again = words.corpus([docs[0], Doc("b", "水质 检测"), Doc("d", "质谱仪")])
    assert words.segmented == 2 and again[0] == first[0] and "水质" in again[1]
    words.corpus([docs[2]])
    assert words.segmented == 1  # "c" was forgotten when it left the corpus, so it is segmented anew


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(selectors, "_state", selectors._State())


def capability(world, code, title):
    return writes.capability_save(
        acting_user=SYSTEM, code=code, kind="lab", title=title, text=title,
        province=world.sh_lab.jurisdiction.province, field="materials",
    )  # fmt: skip


def test_the_index_is_built_once_per_data_version(world, fresh):
    capability(world, "C1", "扫描电镜测试")
    first, _details = selectors.index()
    assert selectors.index()[0] is first
    capability(world, "C2", "质谱分析")
    second, details = selectors.index()
    assert second is not first and "capability:C2" in details
    assert selectors._state.words.segmented == 1  # only the new capability was segmented


def test_a_large_stale_index_answers_while_the_new_version_is_built_aside(world, fresh, monkeypatch):
    asked = []
    monkeypatch.setattr(selectors, "INLINE_LIMIT", 0)
    monkeypatch.setattr(selectors, "_build_in_background", asked.append)
    capability(world, "C1", "扫描电镜测试")
    assert len(selectors.index()[0]) == 0 and len(asked) == 1  # a new process: nothing to answer from yet
    selectors._build(asked.pop())  # what the thread does
    first, _details = selectors.index()
    capability(world, "C2", "质谱分析")
    assert selectors.index()[0] is first and len(asked) == 1
    selectors._build(asked[0])
    assert "capability:C2" in selectors.index()[1] and len(asked) == 1


def test_an_exhibitors_offer_at_a_coming_exhibition_is_matched(world, fresh):
    starts = timezone.localdate() + timedelta(days=5)
    fair = writes.exhibition_save(
        acting_user=SYSTEM, name_zh="对接会", name_en="", city=jurisdiction("310000", "city"),
        starts_on=starts, ends_on=starts,
    )  # fmt: skip
    capability(world, "C1", "质谱分析")
    assert not selectors.match("医疗器械")
    writes.participant_register(
        acting_user=SYSTEM, exhibition=fair, organisation=world.sh_lab, role="exhibitor", offer="进口医疗器械 展示"
    )
    found = selectors.match("医疗器械")
    assert [m.key.split(":")[0] for m in found] == ["exhibitor"] and "对接会" in found[0].title


def test_a_version_already_built_is_not_built_again(world, fresh):
    capability(world, "C1", "扫描电镜测试")
    version = selectors._indexed_version()
    first = selectors._build(version)  # two requests (or a request and the thread) found the same stale version
    assert selectors._build(version) is first


def test_an_older_versions_thread_does_not_clear_the_newer_ones_flag(fresh, monkeypatch):
    def build(version):  # while this thread builds, a write moves the data on and a newer thread is asked for
        selectors._state.building = ("newer",)

    monkeypatch.setattr(selectors, "_build", build)
    selectors._build_in_background(("older",))
    for thread in threading.enumerate():
        if thread.name == "innovation-match-index":
            thread.join()
    assert selectors._state.building == ("newer",) and selectors.index_building()
