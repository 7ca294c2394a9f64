"""The index answers like a scan of every stored volume, through any sequence of accepts and withdrawals."""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from yrd.lowalt.conflicts import VolumeIndex

from .strategies import BASE, intents, one, volumes


class AcceptAndWithdraw(RuleBasedStateMachine):
    """Operators file, change and withdraw intents; at every step a query must match brute force."""

    def __init__(self):
        super().__init__()
        self.index = VolumeIndex(slice_seconds=1200, min_pending=2)
        self.stored = {}

    @rule(number=st.integers(0, 40), data=st.data())
    def accept(self, number, data):
        intent = data.draw(intents(f"i{number}"))  # the same id again is a new version
        self.index.add(intent)
        self.stored[intent.id] = intent

    @rule(number=st.integers(0, 40))
    def withdraw(self, number):
        name = f"i{number}"
        assert self.index.remove(name) == (name in self.stored)
        self.stored.pop(name, None)

    @rule(volume=volumes(), exclude=st.sampled_from([None, "i1", "i2"]))
    def query(self, volume, exclude):
        window = volume.window
        hits = self.index.query(volume.geometry, volume.band, window.t0, window.t1, exclude=exclude)
        found = sorted((hit.intent_id, hit.volume_no) for hit in hits)
        expected = sorted(
            (intent.id, number)
            for intent in self.stored.values()
            if intent.id != exclude
            for number, other in enumerate(intent.volumes)
            if volume.intersects(other)
        )
        assert found == expected

    @invariant()
    def it_holds_exactly_the_stored_intents(self):
        assert len(self.index) == len(self.stored)
        assert {i.id for i in self.index.intents()} == set(self.stored)


AcceptAndWithdraw.TestCase.settings = settings(max_examples=60, stateful_step_count=60, deadline=None)
test_the_index_matches_a_scan_through_accepts_and_withdrawals = AcceptAndWithdraw.TestCase


def test_a_hit_names_the_intent_its_volume_and_priority():
    index = VolumeIndex()
    index.add(one("a", start=0))
    (hit,) = index.query(
        one("q").volumes[0].geometry, one("q").volumes[0].band, BASE.timestamp(), BASE.timestamp() + 60
    )
    assert (hit.intent_id, hit.volume_no, hit.priority) == ("a", 0, 0)
    assert hit.volume == index.intent("a").volumes[0]


def test_a_thousand_withdrawals_leave_an_index_that_still_answers():
    index = VolumeIndex(min_pending=4)
    for n in range(1000):
        index.add(one(f"i{n}", start=(n % 48) * 10))
    for n in range(0, 1000, 3):
        index.remove(f"i{n}")
    probe = one("probe", start=0, minutes=480).volumes[0]
    hits = index.query(probe.geometry, probe.band, probe.window.t0, probe.window.t1)
    assert len(hits) == len(index) == 1000 - 334
