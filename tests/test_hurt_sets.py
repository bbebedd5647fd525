"""Saying a set hurt, in the log: kept on disk across a restart, undone like any other change,
kept through an edit, gone with the set, and read back for the drill in one indexed query that
tells the player what to offer next time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hinge_window import HingeWindow
from PySide6.QtGui import QUndoStack

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.hurt import NEVER_HURT, HurtHistory, HurtOfferKind, offer_after_hurt
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet, SetKind, Workout
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.hurt_queries import history_plan, hurt_sql
from hinge_desktop.storage.migrations import LATEST_FORMAT
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.set_commands import DeleteSet, DeleteWorkout, EditSet, MarkSetHurt

BERLIN = timezone(timedelta(hours=1))
THURSDAY = datetime(2026, 4, 2, 18, 30, tzinfo=BERLIN)


def _deadlift(at: datetime, number: int = 1, **values: Any) -> LoggedSet:
    return LoggedSet("kettlebell-deadlift", at, set_number=number, **{"reps": 10, **values})


def _stored(store: Store, logged: LoggedSet) -> int:
    set_id = store.sets.add(logged).id
    assert set_id is not None
    return set_id


def _whole_log(store: Store) -> list[str]:
    """Every row of every table, as SQL: what "the log as it was" means."""
    store.db.conn.commit()
    return list(store.db.conn.iterdump())


def _log_a_set_in_the_player(hinge: HingeWindow, drill_id: str) -> LoggedSet:
    hinge.show_drill(drill_id)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    (logged,) = hinge.store.sets.all()
    return logged


def _mark(hinge: HingeWindow, set_id: int, hurt: bool = True) -> MarkSetHurt:
    command = MarkSetHurt(hinge.store.sets, set_id, hurt, hinge.views.services.log_changes.announce)
    hinge.views.undo_stack.push(command)
    return command


# Marking, undoing, keeping


def test_a_set_marked_hurt_and_undone_leaves_the_log_as_it_was(hinge: HingeWindow) -> None:
    logged = _log_a_set_in_the_player(hinge, "kettlebell-deadlift")
    assert logged.id is not None
    before = _whole_log(hinge.store)

    _mark(hinge, logged.id)
    assert hinge.store.sets.marked_hurt(logged.id)
    assert _whole_log(hinge.store) != before
    hinge.click("undoButton")

    assert not hinge.store.sets.marked_hurt(logged.id)
    assert _whole_log(hinge.store) == before
    assert len(list(hinge.store.sets.all())) == 1, "undo took back the mark, not the set"
    hinge.click("redoButton")
    assert hinge.store.sets.marked_hurt(logged.id)


def test_marking_a_set_tells_the_views_the_log_changed(hinge: HingeWindow) -> None:
    logged = _log_a_set_in_the_player(hinge, "kettlebell-deadlift")
    assert logged.id is not None
    changes = hinge.views.services.log_changes
    with hinge.qtbot.waitSignal(changes.changed, timeout=1000):
        _mark(hinge, logged.id)
    with hinge.qtbot.waitSignal(changes.changed, timeout=1000):
        hinge.click("undoButton")


def test_a_set_marked_hurt_survives_a_restart(paths: DataPaths) -> None:
    first = open_store(paths.database)
    set_id = _stored(first, _deadlift(THURSDAY))
    QUndoStack().push(MarkSetHurt(first.sets, set_id, True, lambda: None))
    first.close()

    again = open_store(paths.database)
    try:
        assert again.sets.marked_hurt(set_id)
        assert again.sets.hurt_history("kettlebell-deadlift") == HurtHistory(THURSDAY)
    finally:
        again.close()


def test_taking_back_a_hurt_mark_is_undone_too(store: Store) -> None:
    set_id = _stored(store, _deadlift(THURSDAY))
    store.sets.mark_hurt(set_id)
    stack = QUndoStack()

    stack.push(MarkSetHurt(store.sets, set_id, False, lambda: None))
    assert not store.sets.marked_hurt(set_id)
    stack.undo()
    assert store.sets.marked_hurt(set_id)


def test_marking_twice_changes_nothing_and_one_undo_keeps_the_first_mark(store: Store) -> None:
    set_id = _stored(store, _deadlift(THURSDAY))
    stack = QUndoStack()
    stack.push(MarkSetHurt(store.sets, set_id, True, lambda: None))
    stack.push(MarkSetHurt(store.sets, set_id, True, lambda: None))
    stack.undo()
    assert store.sets.marked_hurt(set_id), "the first answer still stands"
    stack.undo()
    assert not store.sets.marked_hurt(set_id)


def test_a_set_taken_back_before_the_answer_is_not_marked_and_leaves_no_undo_step(
    store: Store,
) -> None:
    set_id = _stored(store, _deadlift(THURSDAY))
    store.sets.delete(set_id)
    stack = QUndoStack()

    command = MarkSetHurt(store.sets, set_id, True, lambda: None)
    stack.push(command)

    assert not command.found
    assert stack.count() == 0
    assert store.db.execute("SELECT count(*) FROM hurt_sets").fetchone()[0] == 0
    with pytest.raises(KeyError):
        store.sets.mark_hurt(set_id)


def test_editing_a_set_keeps_its_mark(store: Store) -> None:
    logged = store.sets.add(_deadlift(THURSDAY))
    assert logged.id is not None
    store.sets.mark_hurt(logged.id)
    stack = QUndoStack()

    after = replace(logged, reps=6, note="sore")
    stack.push(EditSet(store.sets, logged, after, lambda: None))
    assert store.sets.get(logged.id).note == "sore"
    assert store.sets.marked_hurt(logged.id)
    stack.undo()
    assert store.sets.marked_hurt(logged.id)


def test_deleting_a_set_removes_its_mark_and_undo_puts_both_back(store: Store) -> None:
    logged = store.sets.add(_deadlift(THURSDAY))
    assert logged.id is not None
    store.sets.mark_hurt(logged.id)
    before = _whole_log(store)
    stack = QUndoStack()

    stack.push(DeleteSet(store.sets, logged, lambda: None))
    assert store.db.execute("SELECT count(*) FROM hurt_sets").fetchone()[0] == 0
    assert store.sets.hurt_history("kettlebell-deadlift") == NEVER_HURT
    stack.undo()

    assert store.sets.marked_hurt(logged.id)
    assert _whole_log(store) == before


def test_deleting_a_workout_removes_its_marks_and_undo_puts_them_back(store: Store) -> None:
    workout = store.workouts.start(Workout(started_at=THURSDAY))
    first = _stored(store, _deadlift(THURSDAY, 1, workout_id=workout.id))
    second = _stored(store, _deadlift(THURSDAY + timedelta(minutes=3), 2, workout_id=workout.id))
    store.sets.mark_hurt(second)
    before = _whole_log(store)
    stack = QUndoStack()

    assert workout.id is not None
    stack.push(DeleteWorkout(store.workouts, workout.id, lambda: None))
    assert store.db.execute("SELECT count(*) FROM hurt_sets").fetchone()[0] == 0
    stack.undo()

    assert store.sets.marked_hurt(second)
    assert not store.sets.marked_hurt(first)
    assert _whole_log(store) == before


def test_a_log_from_before_hurt_marks_is_migrated_and_can_be_marked(paths: DataPaths) -> None:
    from old_database import older_log_with_a_set

    older_log_with_a_set(paths.database, 6).close()  # the format before hurt marks
    store = open_store(paths.database)
    try:
        assert store.data_format == LATEST_FORMAT
        (logged,) = store.sets.all()
        assert logged.id is not None
        assert not store.sets.marked_hurt(logged.id)
        store.sets.mark_hurt(logged.id)
        assert store.sets.hurt_history("glute-bridge").hurts_still
    finally:
        store.close()


# What the log tells the player next time


def test_the_offer_appears_after_a_hurt_set_and_goes_after_a_painless_one(
    store: Store, catalogue: Catalogue
) -> None:
    drill = catalogue.get("kettlebell-deadlift")

    def offer() -> object:
        return offer_after_hurt(drill, catalogue, store.sets.hurt_history(drill.id))

    _stored(store, _deadlift(THURSDAY - timedelta(days=7)))
    assert offer() is None, "it never hurt"

    hurt = _stored(store, _deadlift(THURSDAY))
    store.sets.mark_hurt(hurt)
    shown = offer_after_hurt(drill, catalogue, store.sets.hurt_history(drill.id))
    assert shown is not None
    assert shown.kind is HurtOfferKind.TRY_EASIER
    assert shown.easier_id == "kettlebell-deadlift-block"
    assert shown.hurt_on == THURSDAY.date()

    store.sets.add(LoggedSet("kettlebell-deadlift-block", THURSDAY + timedelta(days=2), reps=10))
    assert offer() is not None, "the easier drill going well does not clear the drill itself"
    store.sets.add(_deadlift(THURSDAY + timedelta(days=4), kind=SetKind.WARMUP))
    assert offer() is not None, "a light warm-up says little about the sets that hurt"
    store.sets.add(_deadlift(THURSDAY + timedelta(days=4, minutes=3), 2))
    assert offer() is None, "a working set went without hurting"

    again = _stored(store, _deadlift(THURSDAY + timedelta(days=9)))
    store.sets.mark_hurt(again)
    shown = offer_after_hurt(drill, catalogue, store.sets.hurt_history(drill.id))
    assert shown is not None
    assert shown.hurt_on == (THURSDAY + timedelta(days=9)).date()


def test_a_later_set_in_the_same_workout_that_did_not_hurt_ends_the_offer(store: Store) -> None:
    first = _stored(store, _deadlift(THURSDAY))
    _stored(store, _deadlift(THURSDAY, 2))  # logged in the same second, after it
    store.sets.mark_hurt(first)
    assert not store.sets.hurt_history("kettlebell-deadlift").hurts_still


def test_a_set_marked_hurt_after_a_later_one_still_counts_as_the_last_word(store: Store) -> None:
    first = _stored(store, _deadlift(THURSDAY))
    second = _stored(store, _deadlift(THURSDAY + timedelta(minutes=3), 2))
    store.sets.mark_hurt(second)
    store.sets.mark_hurt(first)
    history = store.sets.hurt_history("kettlebell-deadlift")
    assert history == HurtHistory(THURSDAY + timedelta(minutes=3), painless_since=False)


def test_another_drill_that_hurt_does_not_touch_this_one(store: Store) -> None:
    other = _stored(store, LoggedSet("romanian-deadlift", THURSDAY, reps=8))
    store.sets.mark_hurt(other)
    assert store.sets.hurt_history("kettlebell-deadlift") == NEVER_HURT
    assert store.sets.hurt_history("romanian-deadlift").hurts_still


def test_the_drills_pain_history_is_read_through_indexes(store: Store) -> None:
    rows = [
        (drill, 1_700_000_000 + i * 600, 60, 1 + i % 3, 10, "warmup" if i % 5 == 0 else "working")
        for i, drill in enumerate(
            ["glute-bridge", "kettlebell-deadlift", "romanian-deadlift", "dead-bug"] * 1500
        )
    ]
    with store.db.conn:
        store.db.conn.executemany(
            "INSERT INTO sets (drill_id, performed_at, utc_offset, set_number, reps, kind) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        store.db.execute(
            "INSERT INTO hurt_sets (set_id) SELECT id FROM sets "
            "WHERE drill_id = 'kettlebell-deadlift' AND id % 97 = 0"
        )
    for analysed in (False, True):
        if analysed:
            store.db.execute("ANALYZE")
        plan = history_plan(store.db, "kettlebell-deadlift")
        scans = [step for step in plan if step.startswith("SCAN") and "mark" not in step]
        assert scans == ["SCAN last"], plan  # the one row found, not a table
        assert any("COVERING INDEX sets_for_progress" in step for step in plan), plan
        assert any("hurt_sets USING INTEGER PRIMARY KEY" in step for step in plan), plan


def test_the_sql_test_for_a_set_that_hurt_picks_out_exactly_the_marked_sets(store: Store) -> None:
    ids = [_stored(store, _deadlift(THURSDAY + timedelta(minutes=n), n + 1)) for n in range(4)]
    store.sets.mark_hurt(ids[1])
    store.sets.mark_hurt(ids[3])
    rows = store.db.execute(f"SELECT id, {hurt_sql('s')} FROM sets AS s ORDER BY id").fetchall()
    assert rows == [(ids[0], 0), (ids[1], 1), (ids[2], 0), (ids[3], 1)]
