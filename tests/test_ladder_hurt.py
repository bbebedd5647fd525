"""A set that hurt holds the ladder: its day counts for nothing towards leaving any rung, a test
that hurt opens nothing, and a rung opened on a day that then turns out to have hurt is taken
back (and opens again when the mark is undone)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    ACTIVATION_DAYS_BEFORE_RETEST,
    GATED_PHASES,
    MOBILITY_DAYS_TO_UNLOCK,
    SESSIONS_TO_UNLOCK,
    GateAnswers,
    LadderFact,
    UnlockReason,
    assess,
)
from hinge_desktop.domain.training import CheckOutcome, LoggedSet, Side
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.set_commands import MarkSetHurt

ZONE = timezone(timedelta(hours=1))
DAY0 = datetime(2024, 3, 4, 8, 0, tzinfo=ZONE)
YES = GateAnswers(True, True, True)
PASS, FAIL = CheckOutcome.PASS, CheckOutcome.FAIL
EASY = {
    phase: next(d.id for d in CATALOGUE if d.phase is phase and d.easily and d.check is None)
    for phase in GATED_PHASES
}
"""A standing hinge of each gated rung, whose easy days count towards leaving it."""


def at(day: int, minute: int = 0) -> datetime:
    return DAY0 + timedelta(days=day, minutes=minute)


def fact(drill_id: str, day: int, minute: int = 0, **values: object) -> LadderFact:
    return LadderFact(drill_id, CATALOGUE.get(drill_id).phase, at(day, minute), **values)  # type: ignore[arg-type]


def hurt(drill_id: str, day: int, minute: int = 30) -> LadderFact:
    return fact(drill_id, day, minute, hurt=True)


def easy_day(phase: Phase, day: int, minute: int = 0) -> LadderFact:
    return fact(EASY[phase], day, minute, answers=YES)


# The rules


@pytest.mark.parametrize("phase", sorted(GATED_PHASES))
def test_a_gated_day_with_a_set_that_hurt_counts_for_nothing(phase: Phase) -> None:
    history = [easy_day(phase, day) for day in range(SESSIONS_TO_UNLOCK)]
    assert assess(phase, history, CATALOGUE).unlock is not None, "the days open the next rung"

    spoiled = [*history, hurt("glute-bridge", SESSIONS_TO_UNLOCK - 1)]
    result = assess(phase, spoiled, CATALOGUE)

    assert result.phase is phase, "the ladder holds"
    assert result.state.passed_sessions == SESSIONS_TO_UNLOCK - 1


def test_a_set_that_hurt_spoils_the_easy_sets_before_it_on_its_day_too() -> None:
    history = [
        easy_day(Phase.PATTERNING, 0),
        easy_day(Phase.PATTERNING, 1, minute=0),
        hurt("wall-hip-hinge", 1, minute=10),
        easy_day(Phase.PATTERNING, 1, minute=20),
    ]
    assert assess(Phase.PATTERNING, history, CATALOGUE).state.passed_sessions == 1


def test_the_set_that_hurt_itself_does_not_count_even_with_yes_answers() -> None:
    history = [easy_day(Phase.PATTERNING, day) for day in range(SESSIONS_TO_UNLOCK - 1)]
    history.append(fact("wall-hip-hinge", 5, answers=YES, hurt=True))
    result = assess(Phase.PATTERNING, history, CATALOGUE)
    assert result.phase is Phase.PATTERNING
    assert result.state.passed_sessions == SESSIONS_TO_UNLOCK - 1


def test_a_passed_wall_hinge_check_that_hurt_counts_for_nothing() -> None:
    history = [easy_day(Phase.PATTERNING, day) for day in range(SESSIONS_TO_UNLOCK - 1)]
    history.append(fact("wall-hinge-check", 5, result=PASS, hurt=True))
    assert assess(Phase.PATTERNING, history, CATALOGUE).phase is Phase.PATTERNING


def test_an_activation_day_with_a_set_that_hurt_is_not_counted() -> None:
    days = range(ACTIVATION_DAYS_BEFORE_RETEST)
    history = [fact("glute-bridge", day) for day in days]
    history.append(hurt("glute-bridge", 2))
    state = assess(Phase.ACTIVATION, history, CATALOGUE).state
    assert state.passed_sessions == ACTIVATION_DAYS_BEFORE_RETEST - 1


def test_mobility_days_with_a_set_that_hurt_do_not_open_patterning() -> None:
    history = [fact("roll-stretch-hamstrings", day) for day in range(MOBILITY_DAYS_TO_UNLOCK)]
    assert assess(Phase.MOBILITY, history, CATALOGUE).phase is Phase.PATTERNING

    history.append(hurt("roll-stretch-glutes", 4))
    result = assess(Phase.MOBILITY, history, CATALOGUE)
    assert result.phase is Phase.MOBILITY
    assert result.state.passed_sessions == MOBILITY_DAYS_TO_UNLOCK - 1


@pytest.mark.parametrize(
    ("current", "result"), [(None, PASS), (None, FAIL), (Phase.ACTIVATION, PASS)]
)
def test_a_squeeze_test_that_hurt_opens_nothing(
    current: Phase | None, result: CheckOutcome
) -> None:
    squeeze = fact("glute-squeeze-test", 0, result=result, hurt=True)
    outcome = assess(current, [squeeze], CATALOGUE)
    assert outcome.unlock is None
    assert outcome.phase is (current or Phase.CHECK)


def test_a_straight_leg_raise_that_hurt_opens_nothing_and_is_not_the_last_test() -> None:
    left = fact("aslr-test", 0, 0, measured=95.0, side=Side.LEFT)
    right = fact("aslr-test", 0, 1, measured=95.0, side=Side.RIGHT, hurt=True)
    outcome = assess(Phase.MOBILITY, [left, right], CATALOGUE)
    assert outcome.phase is Phase.MOBILITY
    assert outcome.state.leg_raise is None, "a test on a day that hurt says nothing"


def test_a_day_that_hurt_takes_nothing_away_from_other_days() -> None:
    history = [easy_day(Phase.PATTERNING, 0), hurt("dead-bug", 1), easy_day(Phase.PATTERNING, 2)]
    history.append(easy_day(Phase.PATTERNING, 3))
    assert assess(Phase.PATTERNING, history, CATALOGUE).phase is Phase.LIGHT_LOADING


# On disk


def _add(store: Store, drill_id: str, when: datetime, **values: object) -> int:
    logged = store.sets.add(LoggedSet(drill_id, when, reps=10, **values))  # type: ignore[arg-type]
    assert logged.id is not None
    return logged.id


def test_the_history_carries_the_sets_that_hurt_of_every_rung(store: Store) -> None:
    top = max(Phase)
    top_drill = next(drill.id for drill in CATALOGUE if drill.phase is top)
    painless = _add(store, top_drill, at(0))
    sore = _add(store, top_drill, at(0, 5))
    store.sets.mark_hurt(sore)
    bridge = _add(store, "glute-bridge", at(0, 10))
    store.sets.mark_hurt(bridge)

    facts = store.ladder.history(CATALOGUE)

    assert [(f.drill_id, f.performed_at, f.hurt) for f in facts] == [
        (top_drill, at(0, 5), True),
        ("glute-bridge", at(0, 10), True),
    ], f"the top rung's painless set ({painless}) still says nothing"


def test_a_rung_opened_by_a_set_said_to_hurt_after_is_taken_back_and_undo_opens_it(
    store: Store,
) -> None:
    now = at(0, 60)
    store.ladder.update(now, CATALOGUE)
    squeeze = _add(store, "glute-squeeze-test", at(0), result=PASS)
    unlock = store.ladder.update(now, CATALOGUE)
    assert unlock is not None
    assert unlock.reason is UnlockReason.SQUEEZE_PASSED
    assert store.ladder.current_phase() is Phase.MOBILITY

    stack = QUndoStack()
    stack.push(MarkSetHurt(store.sets, squeeze, True, lambda: None))
    assert store.ladder.update(now, CATALOGUE) is None
    assert store.ladder.current_phase() is Phase.CHECK, "the rung it opened is taken back"
    assert [e.phase for e in store.ladder.events()] == [Phase.CHECK]

    stack.undo()
    assert store.ladder.update(now, CATALOGUE) is not None
    assert store.ladder.current_phase() is Phase.MOBILITY


def test_a_rung_reached_on_a_painless_day_stays_when_a_later_day_hurts(store: Store) -> None:
    store.ladder.update(at(0), CATALOGUE)
    _add(store, "glute-squeeze-test", at(0, 5), result=PASS)
    store.ladder.update(at(0, 10), CATALOGUE)
    store.sets.mark_hurt(_add(store, "roll-stretch-glutes", at(1)))

    store.ladder.update(at(1, 10), CATALOGUE)

    assert store.ladder.current_phase() is Phase.MOBILITY
    assert store.ladder.state(CATALOGUE).passed_sessions == 0, "the day that hurt is not counted"


def test_the_rungs_opened_on_one_day_that_hurt_go_back_together(store: Store) -> None:
    store.ladder.update(at(0), CATALOGUE)
    _add(store, "glute-squeeze-test", at(0, 5), result=PASS)
    _add(store, "aslr-test", at(0, 6), measured=95.0, side=Side.LEFT)
    _add(store, "aslr-test", at(0, 7), measured=95.0, side=Side.RIGHT)
    store.ladder.update(at(0, 10), CATALOGUE)
    assert store.ladder.current_phase() is Phase.PATTERNING

    store.sets.mark_hurt(_add(store, "dead-bug", at(0, 20)))
    store.ladder.update(at(0, 30), CATALOGUE)

    assert store.ladder.current_phase() is Phase.CHECK
