"""The phase ladder: the rules (pure), their properties, and the ladder kept on disk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from drill_catalogue import CATALOGUE
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    ACTIVATION_DAYS_BEFORE_RETEST,
    GATED_PHASES,
    MOBILITY_DAYS_TO_UNLOCK,
    SESSIONS_TO_UNLOCK,
    GateAnswers,
    LadderFact,
    LadderHint,
    LadderState,
    LegRaise,
    UnlockReason,
    asks_easily,
    assess,
    suggested_routine,
)
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Side
from hinge_desktop.storage.ladder import LadderRepository
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.ladder_text import unlock_message
from hinge_desktop.ui.library.gate_questions import GateQuestions
from hinge_desktop.ui.library.ladder_panel import LadderPanel

ZONE = timezone(timedelta(hours=1))
DAY0 = datetime(2024, 3, 4, 8, 0, tzinfo=ZONE)
YES = GateAnswers(True, True, True)
NO_BACK = GateAnswers(True, False, True)
PASS, FAIL = CheckOutcome.PASS, CheckOutcome.FAIL

DRILL_OF = {
    Phase.ACTIVATION: "glute-bridge",
    Phase.MOBILITY: "roll-stretch-hamstrings",
    Phase.PATTERNING: "wall-hip-hinge",
    Phase.LIGHT_LOADING: "band-pull-through",
    Phase.LOADING: "kettlebell-deadlift",
    Phase.BAR_AND_SWING: "romanian-deadlift",
    Phase.SINGLE_LEG: "single-leg-rdl",
}

NOT_STANDING = {
    Phase.PATTERNING: "quadruped-rock-back",
    Phase.LIGHT_LOADING: "hip-thrust",
}
"""Drills of a gated phase where the three questions mean nothing: on all fours, lying."""


def at(day: int, minute: int = 0) -> datetime:
    return DAY0 + timedelta(days=day, minutes=minute)


def drill(
    phase: Phase, day: int, minute: int = 0, answers: GateAnswers | None = None
) -> LadderFact:
    return LadderFact(DRILL_OF[phase], phase, at(day, minute), answers=answers)


def check(
    drill_id: str,
    day: int,
    result: CheckOutcome | None = None,
    measured: float | None = None,
    minute: int = 0,
    side: Side | None = None,
) -> LadderFact:
    return LadderFact(
        drill_id, Phase.CHECK, at(day, minute), result=result, measured=measured, side=side
    )


def leg_raise(
    day: int, left: float | None, right: float | None, test_id: str = "aslr-test"
) -> list[LadderFact]:
    """One straight-leg raise test, logged as the player logs it: left, then right."""
    return [
        check(test_id, day, measured=angle, minute=minute, side=side)
        for minute, side, angle in ((0, Side.LEFT, left), (1, Side.RIGHT, right))
        if angle is not None
    ]


def squeeze(day: int, result: CheckOutcome, minute: int = 0) -> LadderFact:
    return check("glute-squeeze-test", day, result, minute=minute)


def phase_after(current: Phase | None, history: Sequence[LadderFact]) -> Phase:
    return assess(current, history, CATALOGUE).phase


def test_the_catalogue_has_the_drills_these_tests_use() -> None:
    for phase, drill_id in DRILL_OF.items():
        assert CATALOGUE.get(drill_id).phase is phase
    for drill_id in (
        "glute-squeeze-test",
        "aslr-test",
        "aslr-distraction-test",
        "wall-hinge-check",
        "dowel-three-point-check",
    ):
        assert CATALOGUE.get(drill_id).phase is Phase.CHECK
    assert CATALOGUE.get("aslr-test").check.target == 90
    for phase in GATED_PHASES:
        assert CATALOGUE.get(DRILL_OF[phase]).easily, DRILL_OF[phase]
    for drill_id in NOT_STANDING.values():
        assert not CATALOGUE.get(drill_id).easily, drill_id


# Where the ladder starts


def test_no_phase_and_no_history_starts_at_the_checks() -> None:
    result = assess(None, [], CATALOGUE)
    assert result.phase is Phase.CHECK
    assert result.unlock is None
    assert result.state == LadderState(Phase.CHECK, 0, 0, LadderHint.TAKE_SQUEEZE_TEST)
    assert suggested_routine(result.state) == "builtin.phase-0"


def test_a_failed_squeeze_test_puts_activation_first() -> None:
    result = assess(None, [squeeze(0, FAIL)], CATALOGUE)
    assert result.phase is Phase.ACTIVATION
    [unlock] = result.unlocks
    assert (unlock.from_phase, unlock.to_phase, unlock.reason) == (
        Phase.CHECK,
        Phase.ACTIVATION,
        UnlockReason.SQUEEZE_FAILED,
    )
    assert unlock.at == at(0)
    assert result.since == at(0)
    assert suggested_routine(result.state) == "builtin.phase-1"


def test_a_passed_squeeze_test_skips_to_mobility() -> None:
    result = assess(Phase.CHECK, [squeeze(0, PASS)], CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.unlock is not None
    assert result.unlock.reason is UnlockReason.SQUEEZE_PASSED


def test_other_checks_do_not_decide_at_the_checks() -> None:
    history = [
        check("aslr-test", 0, measured=100.0),
        check("wall-hinge-check", 0, PASS, minute=1),
        check("glute-squeeze-test", 0, None, minute=2),
        drill(Phase.ACTIVATION, 0, minute=3),
    ]
    assert phase_after(None, history) is Phase.CHECK


# Activation


def test_activation_counts_days_and_then_suggests_the_retest() -> None:
    history = [squeeze(0, FAIL)]
    history += [drill(Phase.ACTIVATION, day, minute) for day in range(1, 4) for minute in (0, 600)]
    result = assess(None, history, CATALOGUE)
    assert result.phase is Phase.ACTIVATION
    assert result.state == LadderState(
        Phase.ACTIVATION, 3, ACTIVATION_DAYS_BEFORE_RETEST, LadderHint.ACTIVATION_DAYS
    )
    history += [drill(Phase.ACTIVATION, day) for day in range(4, 4 + 10)]
    result = assess(None, history, CATALOGUE)
    assert result.state.passed_sessions == ACTIVATION_DAYS_BEFORE_RETEST
    assert result.state.hint is LadderHint.RETAKE_SQUEEZE_TEST
    assert suggested_routine(result.state) == "builtin.phase-0"


def test_activation_days_alone_never_move_on() -> None:
    history = [drill(Phase.ACTIVATION, day) for day in range(40)]
    assert phase_after(Phase.ACTIVATION, history) is Phase.ACTIVATION


def test_a_later_squeeze_pass_moves_activation_to_mobility() -> None:
    history = [squeeze(0, FAIL), squeeze(3, FAIL), squeeze(7, PASS)]
    result = assess(None, history, CATALOGUE)
    assert [(u.from_phase, u.to_phase) for u in result.unlocks] == [
        (Phase.CHECK, Phase.ACTIVATION),
        (Phase.ACTIVATION, Phase.MOBILITY),
    ]
    assert result.unlocks[1].at == at(7)


def test_a_squeeze_pass_from_before_activation_was_reached_does_not_count() -> None:
    history = [squeeze(0, PASS), squeeze(1, FAIL)]
    assert phase_after(Phase.ACTIVATION, [squeeze(0, PASS)]) is Phase.MOBILITY
    result = assess(Phase.ACTIVATION, history, CATALOGUE, since=at(1))
    assert result.phase is Phase.ACTIVATION


# Mobility


@pytest.mark.parametrize("test_id", ["aslr-test", "aslr-distraction-test"])
def test_a_leg_raise_at_target_on_both_sides_opens_patterning(test_id: str) -> None:
    result = assess(Phase.MOBILITY, leg_raise(0, 90.0, 92.0, test_id), CATALOGUE)
    assert result.phase is Phase.PATTERNING
    assert result.unlock is not None
    assert result.unlock.reason is UnlockReason.STRAIGHT_LEG_RAISE
    assert result.unlock.at == at(0, 1), "opened by the second side, the one that completed it"


@pytest.mark.parametrize("test_id", ["aslr-test", "aslr-distraction-test"])
def test_a_leg_raise_at_target_on_one_side_only_does_not(test_id: str) -> None:
    result = assess(Phase.MOBILITY, leg_raise(0, 90.0, 60.0, test_id), CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.unlocks == ()
    assert result.state.leg_raise == LegRaise(test_id, at(0).date(), 90.0, left=90.0, right=60.0)
    assert result.state.leg_raise.short_sides == (Side.RIGHT,)
    result = assess(Phase.MOBILITY, leg_raise(0, 60.0, 95.0, test_id), CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.state.leg_raise is not None
    assert result.state.leg_raise.short_sides == (Side.LEFT,)


def test_both_sides_must_reach_the_target_on_the_same_day_in_the_same_test() -> None:
    apart = [*leg_raise(0, 91.0, None), *leg_raise(1, None, 91.0)]
    assert phase_after(Phase.MOBILITY, apart) is Phase.MOBILITY
    mixed = [
        *leg_raise(2, 91.0, 70.0),
        *leg_raise(2, None, 91.0, "aslr-distraction-test"),
    ]
    result = assess(Phase.MOBILITY, mixed, CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.state.leg_raise == LegRaise(
        "aslr-distraction-test", at(2).date(), 90.0, left=None, right=91.0
    )
    assert result.state.leg_raise.short_sides == (Side.LEFT,)


def test_a_side_measured_again_that_day_counts_at_its_best() -> None:
    history = [
        *leg_raise(0, 91.0, 84.0),
        check("aslr-test", 0, measured=90.0, minute=5, side=Side.RIGHT),
    ]
    result = assess(Phase.MOBILITY, history, CATALOGUE)
    assert result.phase is Phase.PATTERNING
    assert result.unlock is not None
    assert result.unlock.at == at(0, 5)


def test_a_leg_raise_with_no_side_says_nothing_about_either_leg() -> None:
    history = [check("aslr-test", 0, measured=100.0), check("aslr-test", 0, measured=100.0)]
    result = assess(Phase.MOBILITY, history, CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.state.leg_raise is None


def test_a_leg_raise_below_target_does_not() -> None:
    history = [*leg_raise(0, 89.5, 89.5), check("aslr-distraction-test", 1, PASS)]
    assert phase_after(Phase.MOBILITY, history) is Phase.MOBILITY


def test_the_state_keeps_the_last_leg_raise_test() -> None:
    history = [*leg_raise(0, 70.0, 65.0), *leg_raise(3, 84.0, 80.0)]
    state = assess(Phase.MOBILITY, history, CATALOGUE).state
    assert state.leg_raise == LegRaise("aslr-test", at(3).date(), 90.0, left=84.0, right=80.0)
    assert state.leg_raise.short_sides == (Side.LEFT, Side.RIGHT)


def test_mobility_on_six_different_days_opens_patterning() -> None:
    five_days = [drill(Phase.MOBILITY, day, minute) for day in range(5) for minute in (0, 30)]
    result = assess(Phase.MOBILITY, five_days, CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.state == LadderState(
        Phase.MOBILITY, 5, MOBILITY_DAYS_TO_UNLOCK, LadderHint.MOBILITY_OR_LEG_RAISE
    )
    result = assess(Phase.MOBILITY, [*five_days, drill(Phase.MOBILITY, 9)], CATALOGUE)
    assert result.phase is Phase.PATTERNING
    assert result.unlock is not None
    assert result.unlock.reason is UnlockReason.MOBILITY_DAYS
    assert result.unlock.at == at(9)


def test_days_count_by_local_date() -> None:
    # 23:30 and 00:30 local are two days, though the same UTC day would not be.
    late = datetime(2024, 3, 4, 23, 30, tzinfo=timezone(timedelta(hours=-6)))
    facts = [
        LadderFact("roll-stretch-glutes", Phase.MOBILITY, late + timedelta(hours=hours))
        for hours in (0, 1)
    ]
    assert assess(Phase.MOBILITY, facts, CATALOGUE).state.passed_sessions == 2


# The "easily" gate


def test_gate_answers_pass_only_when_all_three_are_yes() -> None:
    assert YES.passed
    for answers in (
        GateAnswers(False, True, True),
        GateAnswers(True, False, True),
        GateAnswers(True, True, False),
    ):
        assert not answers.passed


@pytest.mark.parametrize(
    "phase", [Phase.PATTERNING, Phase.LIGHT_LOADING, Phase.LOADING, Phase.BAR_AND_SWING]
)
def test_three_easy_days_open_the_next_phase(phase: Phase) -> None:
    two = [
        drill(phase, 0, answers=YES),
        drill(phase, 0, 60, answers=YES),
        drill(phase, 2, answers=YES),
    ]
    result = assess(phase, two, CATALOGUE)
    assert result.phase is phase
    assert result.state == LadderState(phase, 2, SESSIONS_TO_UNLOCK, LadderHint.EASY_SESSIONS)
    assert suggested_routine(result.state) == f"builtin.phase-{int(phase)}"
    result = assess(phase, [*two, drill(phase, 5, answers=YES)], CATALOGUE)
    assert result.phase is Phase(phase + 1)
    assert result.unlock is not None
    assert result.unlock.reason is UnlockReason.EASY_SESSIONS
    assert result.unlock.at == at(5)
    assert result.state.passed_sessions == 0


def test_a_day_with_a_no_does_not_count_but_keeps_earlier_days() -> None:
    p = Phase.LIGHT_LOADING
    history = [
        drill(p, 0, answers=YES),
        drill(p, 1, answers=YES),
        drill(p, 1, 30, answers=NO_BACK),
        drill(p, 2, answers=NO_BACK),
    ]
    result = assess(p, history, CATALOGUE)
    assert result.state.passed_sessions == 1
    result = assess(p, [*history, drill(p, 3, answers=YES), drill(p, 4, answers=YES)], CATALOGUE)
    assert result.phase is Phase.LOADING
    assert result.unlock is not None
    assert result.unlock.at == at(4)


def test_only_sets_of_the_current_phase_count() -> None:
    history = [drill(Phase.LOADING, day, answers=YES) for day in range(5)]
    history += [drill(Phase.PATTERNING, day, answers=YES) for day in range(5, 10)]
    history += [drill(Phase.LIGHT_LOADING, day) for day in range(10, 15)]  # no answers
    assert phase_after(Phase.LIGHT_LOADING, history) is Phase.LIGHT_LOADING


def test_a_passed_wall_hinge_check_counts_during_patterning_only() -> None:
    checks = [check("wall-hinge-check", day, PASS) for day in range(3)]
    result = assess(Phase.PATTERNING, checks, CATALOGUE)
    assert result.phase is Phase.LIGHT_LOADING
    assert result.unlock is not None
    assert result.unlock.reason is UnlockReason.EASY_SESSIONS
    assert phase_after(Phase.LIGHT_LOADING, checks) is Phase.LIGHT_LOADING


def test_the_dowel_check_keeps_its_own_criteria_and_opens_nothing() -> None:
    p = Phase.PATTERNING
    passes = [check("dowel-three-point-check", day, PASS) for day in range(5)]
    result = assess(p, passes, CATALOGUE)
    assert result.phase is p
    assert result.state.passed_sessions == 0
    history = [
        drill(p, 0, answers=YES),
        check("dowel-three-point-check", 0, FAIL, minute=5),
        check("wall-hinge-check", 1, PASS),
    ]
    assert assess(p, history, CATALOGUE).state.passed_sessions == 2, (
        "a failed dowel check spoils nothing"
    )


def test_a_failed_wall_hinge_check_spoils_its_day() -> None:
    p = Phase.PATTERNING
    history = [
        drill(p, 0, answers=YES),
        drill(p, 1, answers=YES),
        check("wall-hinge-check", 1, FAIL, minute=5),
        check("wall-hinge-check", 2, PASS),
    ]
    result = assess(p, history, CATALOGUE)
    assert result.phase is p
    assert result.state.passed_sessions == 2


@pytest.mark.parametrize("phase", list(NOT_STANDING))
def test_answers_after_a_drill_that_is_not_a_standing_hinge_count_for_nothing(
    phase: Phase,
) -> None:
    drill_id = NOT_STANDING[phase]
    yes_days = [LadderFact(drill_id, phase, at(day), answers=YES) for day in range(5)]
    result = assess(phase, yes_days, CATALOGUE)
    assert result.phase is phase
    assert result.state.passed_sessions == 0
    history = [
        drill(phase, 0, answers=YES),
        LadderFact(drill_id, phase, at(0, 5), answers=NO_BACK),
    ]
    assert assess(phase, history, CATALOGUE).state.passed_sessions == 1, "nor spoil a day"


def test_only_drills_the_catalogue_marks_easily_are_asked_about_and_counted() -> None:
    standing = CATALOGUE.get("wall-hip-hinge")
    unmarked = Catalogue(
        tuple(replace(d, easily=False) if d.id == standing.id else d for d in CATALOGUE)
    )
    history = [drill(Phase.PATTERNING, day, answers=YES) for day in range(3)]
    assert assess(Phase.PATTERNING, history, CATALOGUE).phase is Phase.LIGHT_LOADING
    assert assess(Phase.PATTERNING, history, unmarked).phase is Phase.PATTERNING
    assert asks_easily(standing, Phase.PATTERNING)
    assert not asks_easily(unmarked.get(standing.id), Phase.PATTERNING)
    assert not asks_easily(standing, Phase.LIGHT_LOADING), "only on the drill's own rung"
    assert not asks_easily(standing, None)
    assert not asks_easily(CATALOGUE.get("wall-hinge-check"), Phase.PATTERNING), "a check"
    assert not asks_easily(CATALOGUE.get("quadruped-rock-back"), Phase.PATTERNING)
    assert not asks_easily(CATALOGUE.get("single-leg-rdl"), Phase.SINGLE_LEG), "top rung"


def test_passes_before_the_phase_was_reached_do_not_count() -> None:
    p = Phase.BAR_AND_SWING
    history = [drill(p, day, answers=YES) for day in range(3)]
    assert phase_after(p, history) is Phase.SINGLE_LEG
    assert assess(p, history, CATALOGUE, since=at(2)).phase is p
    assert assess(p, history, CATALOGUE, since=at(1)).state.passed_sessions == 1


def test_the_top_rung_stays() -> None:
    history = [drill(Phase.SINGLE_LEG, day, answers=YES) for day in range(10)]
    result = assess(Phase.SINGLE_LEG, history, CATALOGUE)
    assert result.phase is Phase.SINGLE_LEG
    assert result.unlock is None
    assert result.state == LadderState(Phase.SINGLE_LEG, 0, 0, LadderHint.TOP_RUNG)


def test_a_whole_climb_goes_one_rung_at_a_time() -> None:
    history = [squeeze(0, FAIL), squeeze(6, PASS), *leg_raise(7, 95.0, 93.0)]
    for offset, phase in (
        (10, Phase.PATTERNING),
        (20, Phase.LIGHT_LOADING),
        (30, Phase.LOADING),
        (40, Phase.BAR_AND_SWING),
    ):
        history += [drill(phase, offset + day, answers=YES) for day in range(3)]
    result = assess(None, history, CATALOGUE)
    assert [u.to_phase for u in result.unlocks] == [
        Phase.ACTIVATION,
        Phase.MOBILITY,
        Phase.PATTERNING,
        Phase.LIGHT_LOADING,
        Phase.LOADING,
        Phase.BAR_AND_SWING,
        Phase.SINGLE_LEG,
    ]
    assert result.phase is Phase.SINGLE_LEG


def test_facts_may_come_in_any_order() -> None:
    history = [drill(Phase.PATTERNING, day, answers=YES) for day in (4, 1, 3)]
    result = assess(Phase.PATTERNING, history, CATALOGUE)
    assert result.unlock is not None
    assert result.unlock.at == at(4)


def test_state_lists_reached_phases() -> None:
    assert LadderState(Phase.MOBILITY, 0, 6, LadderHint.MOBILITY_OR_LEG_RAISE).reached_phases == {
        Phase.CHECK,
        Phase.ACTIVATION,
        Phase.MOBILITY,
    }
    skipped = LadderState(
        Phase.MOBILITY, 0, 6, LadderHint.MOBILITY_OR_LEG_RAISE, reached=frozenset({Phase.CHECK})
    )
    assert skipped.reached_phases == {Phase.CHECK, Phase.MOBILITY}


def test_a_fact_needs_its_utc_offset() -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        LadderFact("glute-bridge", Phase.ACTIVATION, datetime(2024, 1, 1, 8, 0))


# Properties

_FACT_DRILLS = [
    ("glute-squeeze-test", Phase.CHECK),
    ("aslr-test", Phase.CHECK),
    ("aslr-distraction-test", Phase.CHECK),
    ("wall-hinge-check", Phase.CHECK),
    ("dowel-three-point-check", Phase.CHECK),
    *((drill_id, phase) for phase, drill_id in DRILL_OF.items()),
    *((drill_id, phase) for phase, drill_id in NOT_STANDING.items()),
]

facts = st.builds(
    lambda pick, minutes, result, measured, answers, side: LadderFact(
        pick[0], pick[1], DAY0 + timedelta(minutes=minutes), result, measured, answers, side
    ),
    st.sampled_from(_FACT_DRILLS),
    st.integers(0, 60 * 24 * 40),
    st.none() | st.sampled_from(CheckOutcome),
    st.none() | st.floats(0, 120, allow_nan=False),
    st.none() | st.builds(GateAnswers, st.booleans(), st.booleans(), st.booleans()),
    st.none() | st.sampled_from(Side),
)
histories = st.lists(facts, max_size=60)
phases = st.none() | st.sampled_from(Phase)


@settings(max_examples=300, deadline=None)
@given(phases, histories)
def test_the_ladder_never_goes_down(current: Phase | None, history: list[LadderFact]) -> None:
    result = assess(current, history, CATALOGUE)
    assert result.phase >= (current or Phase.CHECK)
    assert result.state.phase is result.phase
    assert all(u.to_phase > u.from_phase for u in result.unlocks)


@settings(max_examples=300, deadline=None)
@given(phases, histories)
def test_no_rung_is_skipped_but_the_checks_to_mobility(
    current: Phase | None, history: list[LadderFact]
) -> None:
    result = assess(current, history, CATALOGUE)
    phase = current or Phase.CHECK
    for unlock in result.unlocks:
        assert unlock.from_phase is phase
        assert unlock.to_phase == phase + 1 or (phase, unlock.to_phase) == (
            Phase.CHECK,
            Phase.MOBILITY,
        )
        phase = unlock.to_phase
    assert phase is result.phase
    assert [u.at for u in result.unlocks] == sorted(u.at for u in result.unlocks)


@settings(max_examples=300, deadline=None)
@given(phases, histories)
def test_assessing_again_changes_nothing(current: Phase | None, history: list[LadderFact]) -> None:
    first = assess(current, history, CATALOGUE)
    again = assess(first.phase, history, CATALOGUE, since=first.since)
    assert again.phase is first.phase
    assert again.unlocks == ()
    assert again.state == first.state
    assert again.since == first.since


@settings(max_examples=200, deadline=None)
@given(phases, histories, st.randoms(use_true_random=False))
def test_the_order_facts_arrive_in_does_not_matter(
    current: Phase | None, history: list[LadderFact], shuffler: object
) -> None:
    # Facts at the same moment keep their order; only distinct moments are shuffled.
    by_moment: dict[datetime, list[LadderFact]] = {}
    for fact in history:
        by_moment.setdefault(fact.performed_at, []).append(fact)
    moments = list(by_moment)
    shuffler.shuffle(moments)  # type: ignore[attr-defined]
    shuffled = [fact for moment in moments for fact in by_moment[moment]]
    assert assess(current, shuffled, CATALOGUE) == assess(current, history, CATALOGUE)


@settings(max_examples=200, deadline=None)
@given(histories, st.integers(0, 60))
def test_assessing_in_steps_agrees_with_assessing_at_once(
    history: list[LadderFact], cut: int
) -> None:
    ordered = sorted(history, key=lambda f: f.performed_at)
    if 0 < cut < len(ordered) and ordered[cut - 1].performed_at == ordered[cut].performed_at:
        return  # a cut between two sets of the same moment is not a moment in time
    early = assess(None, ordered[:cut], CATALOGUE)
    late = assess(early.phase, ordered, CATALOGUE, since=early.since)
    at_once = assess(None, ordered, CATALOGUE)
    assert late.phase is at_once.phase
    assert late.state == at_once.state
    assert early.unlocks + late.unlocks == at_once.unlocks


# On disk


@pytest.fixture
def ladder(store: Store) -> LadderRepository:
    return LadderRepository(store.db)


def log(store: Store, drill_id: str, when: datetime, **values: object) -> int:
    stored = store.sets.add(LoggedSet(drill_id=drill_id, performed_at=when, **values))  # type: ignore[arg-type]
    assert stored.id is not None
    return stored.id


def test_a_new_ladder_has_no_phase_and_starts_at_the_checks(
    store: Store, ladder: LadderRepository
) -> None:
    assert ladder.current_phase() is None
    assert ladder.events() == []
    assert ladder.update(at(0), CATALOGUE) is None
    assert ladder.current_phase() is Phase.CHECK
    [event] = ladder.events()
    assert (event.phase, event.reached_at, event.reason) == (Phase.CHECK, at(0), "start")
    assert ladder.update(at(1), CATALOGUE) is None
    assert len(ladder.events()) == 1


def test_answers_are_kept_per_set_and_replaced(store: Store, ladder: LadderRepository) -> None:
    set_id = log(store, "wall-hip-hinge", at(0), reps=8)
    assert ladder.answers_for(set_id) is None
    ladder.record_answers(set_id, NO_BACK)
    assert ladder.answers_for(set_id) == NO_BACK
    ladder.record_answers(set_id, YES)
    assert ladder.answers_for(set_id) == YES
    store.sets.delete(set_id)
    assert ladder.answers_for(set_id) is None
    assert store.db.execute("SELECT count(*) FROM gate_answers").fetchone()[0] == 0


def test_answers_for_a_missing_set_are_refused(ladder: LadderRepository) -> None:
    with pytest.raises(KeyError, match="No set with id 99"):
        ladder.record_answers(99, YES)


def test_history_holds_what_the_rules_need(store: Store, ladder: LadderRepository) -> None:
    log(store, "glute-squeeze-test", at(0), result=FAIL)
    log(store, "aslr-test", at(0, 1), measured=80.0, side=Side.RIGHT)
    log(store, "glute-bridge", at(0, 2), reps=12)
    log(store, "romanian-deadlift", at(0, 3), reps=8)  # no answers: not needed
    answered = log(store, "romanian-deadlift", at(0, 4), reps=8)
    ladder.record_answers(answered, NO_BACK)
    log(store, "single-leg-rdl", at(0, 5), reps=8)
    log(store, "retired-drill", at(0, 6), reps=8)
    facts = ladder.history(CATALOGUE)
    assert [(f.drill_id, f.phase) for f in facts] == [
        ("glute-squeeze-test", Phase.CHECK),
        ("aslr-test", Phase.CHECK),
        ("glute-bridge", Phase.ACTIVATION),
        ("romanian-deadlift", Phase.BAR_AND_SWING),
    ]
    assert facts[0].result is FAIL
    assert facts[0].performed_at == at(0)
    assert (facts[1].measured, facts[1].side) == (80.0, Side.RIGHT)
    assert facts[0].side is None
    assert facts[3].answers == NO_BACK
    assert [f.drill_id for f in ladder.history(CATALOGUE, since=at(0, 1))] == [
        "glute-bridge",
        "romanian-deadlift",
    ]


def test_update_records_each_phase_reached_once(store: Store, ladder: LadderRepository) -> None:
    ladder.update(at(0), CATALOGUE)
    log(store, "glute-squeeze-test", at(0, 5), result=FAIL)
    unlock = ladder.update(at(0, 6), CATALOGUE)
    assert unlock is not None
    assert (unlock.from_phase, unlock.to_phase, unlock.reason) == (
        Phase.CHECK,
        Phase.ACTIVATION,
        UnlockReason.SQUEEZE_FAILED,
    )
    assert ladder.update(at(0, 7), CATALOGUE) is None
    for day in range(1, 4):
        log(store, "glute-bridge", at(day), reps=12)
    state = ladder.state(CATALOGUE)
    assert (state.phase, state.passed_sessions, state.hint) == (
        Phase.ACTIVATION,
        3,
        LadderHint.ACTIVATION_DAYS,
    )
    log(store, "glute-squeeze-test", at(8), result=PASS)
    unlock = ladder.update(at(8, 1), CATALOGUE)
    assert unlock is not None
    assert unlock.to_phase is Phase.MOBILITY
    assert [(e.phase, e.reason) for e in ladder.events()] == [
        (Phase.CHECK, "start"),
        (Phase.ACTIVATION, "squeeze-failed"),
        (Phase.MOBILITY, "squeeze-passed"),
    ]
    assert ladder.events()[-1].reached_at == at(8)
    assert ladder.current_phase() is Phase.MOBILITY


def test_the_gate_through_the_repository(store: Store, ladder: LadderRepository) -> None:
    store.db.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (3, ?, 60, ?)",
        [int(at(0).timestamp()), "straight-leg-raise"],
    )
    for day in (1, 2):
        ladder.record_answers(log(store, "wall-hip-hinge", at(day), reps=8), YES)
        assert ladder.update(at(day, 1), CATALOGUE) is None
    no_day = log(store, "dowel-hinge", at(3), reps=8)
    ladder.record_answers(no_day, GateAnswers(False, True, True))
    assert ladder.update(at(3, 1), CATALOGUE) is None
    state = ladder.state(CATALOGUE)
    assert (state.passed_sessions, state.needed) == (2, SESSIONS_TO_UNLOCK)
    assert state.reached_phases == {Phase.PATTERNING}
    log(store, "wall-hinge-check", at(4), reps=5, result=PASS)
    unlock = ladder.update(at(4, 1), CATALOGUE)
    assert unlock is not None
    assert (unlock.from_phase, unlock.to_phase) == (Phase.PATTERNING, Phase.LIGHT_LOADING)
    state = ladder.state(CATALOGUE)
    assert (state.phase, state.passed_sessions) == (Phase.LIGHT_LOADING, 0)
    assert ladder.update(at(4, 2), CATALOGUE) is None


def test_a_first_update_over_an_old_history_replays_it(
    store: Store, ladder: LadderRepository
) -> None:
    log(store, "glute-squeeze-test", at(0), result=PASS)
    log(store, "aslr-distraction-test", at(1), measured=92.0, side=Side.LEFT)
    log(store, "aslr-distraction-test", at(1), measured=90.0, side=Side.RIGHT)
    unlock = ladder.update(at(30), CATALOGUE)
    assert unlock is not None
    assert unlock.to_phase is Phase.PATTERNING
    events = ladder.events()
    assert [e.phase for e in events] == [Phase.CHECK, Phase.MOBILITY, Phase.PATTERNING]
    assert [e.reached_at for e in events] == [at(0), at(0), at(1)]
    state = ladder.state(CATALOGUE)
    assert state.reached_phases == {Phase.CHECK, Phase.MOBILITY, Phase.PATTERNING}


def test_update_writes_all_phases_or_none(
    store: Store, ladder: LadderRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(store, "glute-squeeze-test", at(0), result=FAIL)
    real_record = ladder._record
    calls: list[Phase] = []

    def fail_on_second(phase: Phase, when: datetime, reason: UnlockReason) -> None:
        calls.append(phase)
        if len(calls) == 2:
            raise OSError("disk full")
        real_record(phase, when, reason)

    monkeypatch.setattr(ladder, "_record", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        ladder.update(at(1), CATALOGUE)
    assert calls == [Phase.CHECK, Phase.ACTIVATION]
    assert ladder.events() == []
    monkeypatch.undo()
    assert ladder.update(at(1), CATALOGUE) is not None
    assert [e.phase for e in ladder.events()] == [Phase.CHECK, Phase.ACTIVATION]


# On screen


def test_gate_questions_answer_with_one_click_each(qtbot: QtBot) -> None:
    gate = GateQuestions()
    qtbot.addWidget(gate)
    submit = gate.findChild(QPushButton, "gateSubmitButton")
    assert not submit.isEnabled()
    for name, answer in (
        ("gateNobodyHeld", "Yes"),
        ("gateBackStill", "No"),
        ("gatePressureSteady", "Yes"),
    ):
        assert gate.findChild(QWidget, name).accessibleName()
        qtbot.mouseClick(gate.findChild(QPushButton, f"{name}{answer}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.findChild(QPushButton, "gateBackStillYes"), Qt.MouseButton.LeftButton)
    assert not gate.findChild(QPushButton, "gateBackStillNo").isChecked()
    with qtbot.waitSignal(gate.answered) as blocker:
        qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert blocker.args == [YES]
    gate.reset()
    assert gate.answers() is None
    assert not submit.isEnabled()


def test_gate_questions_from_the_keyboard(qtbot: QtBot) -> None:
    gate = GateQuestions()
    qtbot.addWidget(gate)
    for key in (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Y):
        qtbot.keyClick(gate, key)
    with qtbot.waitSignal(gate.answered) as blocker:
        qtbot.keyClick(gate, Qt.Key.Key_Return)
    assert blocker.args == [NO_BACK]
    with qtbot.waitSignal(gate.skipped):
        qtbot.keyClick(gate, Qt.Key.Key_Escape)
    with qtbot.waitSignal(gate.skipped):
        qtbot.mouseClick(gate.findChild(QPushButton, "gateSkipButton"), Qt.MouseButton.LeftButton)


def test_the_ladder_panel_shows_phase_progress_and_the_routine(qtbot: QtBot) -> None:
    panel = LadderPanel()
    qtbot.addWidget(panel)
    assert panel.objectName() == "ladderPanel"
    panel.show_state(
        LadderState(
            Phase.PATTERNING,
            2,
            3,
            LadderHint.EASY_SESSIONS,
            reached=frozenset({Phase.CHECK, Phase.MOBILITY}),
        )
    )
    assert (
        panel.findChild(QLabel, "ladderProgressText").text()
        == "2 of 3 days with an easy standing hinge"
    )
    assert "light loading" in panel.findChild(QLabel, "ladderHint").text()
    rungs = {phase: panel.findChild(QWidget, f"ladderRung{int(phase)}") for phase in Phase}
    assert rungs[Phase.PATTERNING].accessibleName() == "Patterning: your phase now"
    assert rungs[Phase.MOBILITY].accessibleName() == "Mobility: reached"
    assert rungs[Phase.ACTIVATION].accessibleName() == "Glute activation: not yet"
    assert rungs[Phase.LOADING].accessibleName() == "Loading: not yet"
    assert rungs[Phase.BAR_AND_SWING].accessibleName() == "Bar and swing: not yet"
    assert len([rung for rung in rungs.values() if rung is not None]) == 8
    button = panel.findChild(QPushButton, "startSuggestedButton")
    assert button.accessibleName()
    with qtbot.waitSignal(panel.start_routine_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["builtin.phase-3"]

    panel.show_state(LadderState(Phase.ACTIVATION, 6, 6, LadderHint.RETAKE_SQUEEZE_TEST))
    assert panel.findChild(QLabel, "ladderProgressText").text() == "6 of 6 days of activation"
    with qtbot.waitSignal(panel.start_routine_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["builtin.phase-0"]

    panel.show_state(LadderState(Phase.BAR_AND_SWING, 1, 3, LadderHint.EASY_SESSIONS))
    assert "open single leg" in panel.findChild(QLabel, "ladderHint").text()
    assert button.text() == "Start: Bar and swing"
    with qtbot.waitSignal(panel.start_routine_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["builtin.phase-6"]

    panel.show_state(LadderState(Phase.SINGLE_LEG, 0, 0, LadderHint.TOP_RUNG))
    assert panel.findChild(QProgressBar, "ladderProgress").isHidden()
    assert panel.findChild(QLabel, "ladderProgressText").isHidden()


def test_the_ladder_panel_names_the_leg_that_is_short(qtbot: QtBot) -> None:
    panel = LadderPanel()
    qtbot.addWidget(panel)
    [left, right] = leg_raise(0, 90.0, 60.0)
    state = assess(Phase.MOBILITY, [left, right], CATALOGUE).state
    panel.show_state(state)
    hint = panel.findChild(QLabel, "ladderHint").text()
    assert "Last test: left 90°, right 60°: the right leg is not there yet." in hint
    assert "each straight leg to 90°" in hint
    panel.show_state(assess(Phase.MOBILITY, [left], CATALOGUE).state)
    hint = panel.findChild(QLabel, "ladderHint").text()
    assert "left 90°, right not measured: measure the right leg on the same day too." in hint
    state = assess(Phase.MOBILITY, leg_raise(0, 70.0, 95.0), CATALOGUE).state
    panel.show_state(state)
    assert "the left leg is not there yet." in panel.findChild(QLabel, "ladderHint").text()
    state = assess(Phase.MOBILITY, leg_raise(0, 70.0, 75.0), CATALOGUE).state
    panel.show_state(state)
    assert "neither leg is there yet." in panel.findChild(QLabel, "ladderHint").text()
    panel.show_state(assess(Phase.MOBILITY, [], CATALOGUE).state)
    assert "Last test" not in panel.findChild(QLabel, "ladderHint").text()


@pytest.mark.parametrize("reason", list(UnlockReason))
def test_every_unlock_has_a_message_naming_the_new_phase(reason: UnlockReason) -> None:
    message = unlock_message(Phase.PATTERNING, Phase.LIGHT_LOADING, reason)
    assert "Light loading" in message
    assert "{" not in message


def test_the_unlock_message_for_light_loading() -> None:
    message = unlock_message(Phase.PATTERNING, Phase.LIGHT_LOADING, UnlockReason.EASY_SESSIONS)
    assert message.startswith("A standing hinge went easily on 3 different days: ")
    assert "You've unlocked Light loading" in message.replace("you've", "You've")
