"""The conflict check agrees with brute force, decides the edge cases as `volumes` says, and offers the
nearest free window."""

from datetime import time, timedelta

import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from yrd.lowalt.conflicts import (
    AltitudeBand,
    Always,
    OperationalIntent,
    Priority,
    Restriction,
    RestrictionKind,
    RestrictionSet,
    Source,
    TimeWindow,
    Volume4D,
    VolumeIndex,
    Weekly,
    Windows,
    assess,
    brute_assess,
)
from yrd.lowalt.conflicts.detect import DEFAULT_SEARCH

from .strategies import BASE, NOW, SQUARE, at, one, scenes


def answer(assessment):
    return (
        [c.key() for c in assessment.conflicts],
        [c.key() for c in assessment.displaced],
        assessment.shift_seconds,
    )


def indexed(accepted, **options):
    index = VolumeIndex(**options)
    for intent in accepted:
        index.add(intent)
    return index


def both(new, accepted, restrictions=()):
    """The index's answer, after checking that brute force gives the same."""
    fast = assess(new, indexed(accepted), RestrictionSet(restrictions), now=NOW)
    slow = brute_assess(new, accepted, restrictions, now=NOW)
    assert answer(fast) == answer(slow)
    return fast


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes(), st.sampled_from([600.0, 3600.0]), st.sampled_from([1, 64]))
def test_the_index_agrees_with_brute_force_on_random_volumes(scene, slice_seconds, min_pending):
    accepted, restrictions, new = scene
    index = indexed(accepted, slice_seconds=slice_seconds, min_pending=min_pending)
    fast = assess(new, index, RestrictionSet(restrictions), now=NOW)
    slow = brute_assess(new, accepted, restrictions, now=NOW)
    assert answer(fast) == answer(slow)
    event("refused" if slow.conflicts else "accepted")
    event("displaces lower priority" if slow.displaced else "displaces none")
    for conflict in slow.conflicts:
        if conflict.band.lower == conflict.band.upper:
            event("a conflict where bands only meet")
        if shapely.intersection(new.volumes[conflict.volume_no].geometry, conflict.geometry).area == 0:
            event("a conflict where footprints only touch")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes())
def test_the_offered_window_is_free_and_no_nearer_one_exists(scene):
    accepted, restrictions, new = scene
    verdict = assess(new, indexed(accepted), RestrictionSet(restrictions), now=NOW)
    if verdict.accepted:
        return
    candidates = shift_candidates(new, accepted, restrictions)
    free = [s for s in candidates if brute_assess(new.shifted(s), accepted, restrictions, now=NOW).accepted]
    nearest = min(free, key=lambda s: (abs(s), -s), default=None)
    assert verdict.shift_seconds == nearest
    if nearest is not None:
        assert verdict.free_window == new.window.shifted(nearest)
        assert verdict.free_window.duration == new.window.duration
        assert verdict.free_window.start >= NOW


def shift_candidates(new, accepted, restrictions):
    """Every shift at which the set of allowed shifts can begin or end: 0, the range's ends, and the
    shifts that make one of the new volumes abut a blocker (the nearest free shift is one of them)."""
    search = DEFAULT_SEARCH.total_seconds()
    lowest, highest = max(-search, NOW.timestamp() - new.window.t0), search
    found = {0.0, lowest, highest}
    for volume in new.volumes:
        s, e = volume.window.t0, volume.window.t1
        blockers = [
            (v.window.t0, v.window.t1)
            for other in accepted
            if other.id != new.id and other.priority >= new.priority
            for v in other.volumes
        ]
        for restriction in restrictions:
            if restriction.kind == RestrictionKind.NO_FLY:
                blockers += restriction.active.intervals(s - search, e + search)
        for a, b in blockers:
            found |= {a - e, b - s}
    return sorted(s for s in found if lowest <= s <= highest)


def test_footprints_that_share_only_an_edge_conflict():
    neighbour = shapely.box(*at(100, 0), *at(200, 100))
    assert not both(one("new"), [one("a", neighbour)]).accepted


def test_footprints_that_share_only_a_corner_conflict():
    diagonal = shapely.box(*at(100, 100), *at(200, 200))
    assert not both(one("new"), [one("a", diagonal)]).accepted


def test_footprints_a_centimetre_apart_do_not_conflict():
    apart = shapely.box(*at(100.01, 0), *at(200, 100))
    assert both(one("new"), [one("a", apart)]).accepted


def test_altitude_bands_that_meet_at_one_height_conflict_there():
    verdict = both(one("new", lower=0, upper=60), [one("a", lower=60, upper=120)])
    assert verdict.conflicts[0].band == AltitudeBand(60, 60)


def test_altitude_bands_a_metre_apart_do_not_conflict():
    assert both(one("new", lower=0, upper=60), [one("a", lower=61, upper=120)]).accepted


def test_time_windows_that_abut_do_not_conflict():
    assert both(one("new", start=30), [one("a", start=0, minutes=30)]).accepted
    assert both(one("new", start=0), [one("a", start=30)]).accepted


def test_time_windows_overlapping_by_one_second_conflict_for_that_second():
    begin = BASE + timedelta(minutes=30)
    late = OperationalIntent(
        "a",
        (
            Volume4D(
                SQUARE, AltitudeBand(0, 60), TimeWindow(begin - timedelta(seconds=1), begin + timedelta(minutes=30))
            ),
        ),
    )
    verdict = both(one("new"), [late])
    assert verdict.conflicts[0].window == TimeWindow(begin - timedelta(seconds=1), begin)


def test_a_refusal_lists_each_conflicting_volume_with_the_time_and_heights_both_occupy():
    verdict = both(one("new", upper=90, start=0, minutes=60), [one("a", lower=30, upper=60, start=45, minutes=30)])
    (conflict,) = verdict.conflicts
    assert (conflict.source, conflict.ref, conflict.ref_volume_no) == (Source.INTENT, "a", 0)
    assert conflict.window == TimeWindow(BASE + timedelta(minutes=45), BASE + timedelta(minutes=60))
    assert conflict.band == AltitudeBand(30, 60)
    assert conflict.geometry.equals(SQUARE)


def test_the_free_window_may_start_exactly_when_the_blocking_volume_ends():
    verdict = both(one("new", start=10), [one("a", start=0, minutes=30)])
    assert verdict.free_window.start == BASE + timedelta(minutes=30)


def test_the_free_window_may_be_earlier_when_that_is_nearer():
    verdict = both(one("new", start=80, minutes=30), [one("a", start=90, minutes=60)])
    assert verdict.free_window == TimeWindow(BASE + timedelta(minutes=60), BASE + timedelta(minutes=90))


def test_the_free_window_is_never_in_the_past():
    # Blocked from 07:00 to 09:00; asked 08:00–08:30; 07:30–08:00 would clear it too but now is 07:00.
    verdict = both(one("new", start=0), [one("a", start=-60, minutes=120)])
    assert verdict.free_window.start == BASE + timedelta(minutes=60)


def test_an_emergency_is_accepted_over_normal_intents_which_it_lists_as_displaced():
    verdict = both(one("medical", priority=Priority.EMERGENCY), [one("a"), one("b", start=20)])
    assert verdict.accepted
    assert [c.ref for c in verdict.displaced] == ["a", "b"]


def test_a_normal_intent_is_refused_over_an_accepted_emergency():
    assert not both(one("new"), [one("medical", priority=Priority.EMERGENCY)]).accepted


def test_two_emergencies_do_not_overlap_either():
    verdict = both(one("new", priority=Priority.EMERGENCY), [one("medical", priority=Priority.EMERGENCY)])
    assert not verdict.accepted


def test_a_new_version_of_an_accepted_intent_does_not_conflict_with_its_old_self():
    old = one("a")
    assert both(one("a", start=15), [old]).accepted


def test_withdrawn_intents_no_longer_block():
    index = indexed([one("a"), one("b", start=60)])
    assert not assess(one("new"), index, RestrictionSet(), now=NOW).accepted
    index.remove("a")
    assert assess(one("new"), index, RestrictionSet(), now=NOW).accepted
    assert "a" not in index and len(index) == 1


def test_a_window_that_fits_nowhere_in_the_search_gets_no_offer():
    blockers = [one(f"a{n}", start=-60 + 720 * n, minutes=720) for n in range(5)]
    verdict = both(one("new"), blockers)
    assert not verdict.accepted and verdict.free_window is None and verdict.shift_seconds is None


RUSH_HOUR = Weekly(frozenset(range(5)), time(7), time(9))  # weekdays 07:00–09:00 local time


def restriction(name, active, kind=RestrictionKind.NO_FLY, lower=0, upper=300):
    return Restriction(name, shapely.box(*at(50, 50), *at(400, 400)), AltitudeBand(lower, upper), active, kind)


def test_an_active_recurring_restriction_blocks_for_the_time_it_is_active():
    # 08:00–08:30 on a Monday, inside the 07:00–09:00 weekday closure.
    verdict = both(one("new"), [], [restriction("airport", RUSH_HOUR)])
    (conflict,) = verdict.conflicts
    assert (conflict.source, conflict.ref, conflict.ref_volume_no) == (Source.RESTRICTION, "airport", None)
    assert conflict.window == one("new").window


def test_the_free_window_after_a_restriction_starts_when_it_lifts():
    verdict = both(one("new", start=30), [], [restriction("airport", RUSH_HOUR)])
    assert verdict.free_window.start == BASE + timedelta(hours=1)  # 09:00


def test_the_same_restriction_does_not_block_at_the_weekend():
    saturday = 60 * 24 * 5
    assert both(one("new", start=saturday), [], [restriction("airport", RUSH_HOUR)]).accepted


def test_a_restriction_above_the_band_does_not_block():
    assert both(one("new", upper=60), [], [restriction("corridor", Always(), lower=61)]).accepted


def test_a_restriction_blocks_even_an_emergency():
    emergency = one("medical", priority=Priority.EMERGENCY)
    assert not both(emergency, [], [restriction("military", Always())]).accepted


def test_a_permanent_no_fly_zone_leaves_no_free_window():
    verdict = both(one("new"), [], [restriction("military", Always())])
    assert verdict.free_window is None


def test_a_controlled_volume_is_not_a_conflict():
    assert both(one("new"), [], [restriction("tower", Always(), RestrictionKind.CONTROLLED)]).accepted


def test_a_restriction_active_in_listed_windows_blocks_only_then():
    window = TimeWindow(BASE + timedelta(minutes=20), BASE + timedelta(minutes=25))
    verdict = both(one("new"), [], [restriction("event", Windows((window,)))])
    assert [c.window for c in verdict.conflicts] == [window]


def test_a_plan_of_two_legs_moves_as_one_piece():
    first, second = one("x", start=0).volumes[0], one("x", start=30, lower=60, upper=90).volumes[0]
    plan = OperationalIntent("new", (first, second))
    # The second leg (08:30–09:00, 60–90 m) meets a flight at 61–120 m from 08:20 to 09:10; the first
    # (0–60 m) does not. Moving 40 min earlier or later clears it; a tie goes to the later.
    verdict = both(plan, [one("a", lower=61, upper=120, start=20, minutes=50)])
    assert [c.volume_no for c in verdict.conflicts] == [1]
    assert verdict.shift_seconds == 40 * 60
    assert verdict.free_window == TimeWindow(BASE + timedelta(minutes=40), BASE + timedelta(minutes=100))
