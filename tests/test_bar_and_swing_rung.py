"""The loading tier split as the first article loads: weights held in the hands (rung 5), then
the bar, the swing and the good morning with a bar (rung 6, "bar and swing"), then single-leg
work (rung 7); a log, a session under way and a JSON export from before the split read right."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, PAIRS
from hinge_window import HingeWindow
from open_dialogs import open_dialog
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Equipment, Phase
from hinge_desktop.domain.ladder import (
    GATED_PHASES,
    GateAnswers,
    LadderFact,
    LadderHint,
    UnlockReason,
    asks_easily,
    assess,
)
from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.routines import routine_for_phase
from hinge_desktop.domain.training import LoggedSet, Unit, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.library.drill_delegate import DrillDelegate
from hinge_desktop.ui.library.drill_model import DrillRole
from hinge_desktop.ui.library.drills_view import DrillsView

ZONE = timezone(timedelta(hours=1))
YES = GateAnswers(True, True, True)
DAY = datetime(2025, 5, 1, 18, 0, tzinfo=ZONE)
BAR_AND_SWING = {"romanian-deadlift", "deadlift-setup", "kettlebell-swing", "barbell-good-morning"}
HELD_IN_THE_HANDS = {
    "front-loaded-rdl",
    "kettlebell-deadlift",
    "kettlebell-deadlift-block",
    "hinge-row",
}


# The rungs -------------------------------------------------------------------------------------


def test_the_ladder_has_eight_rungs_with_bar_and_swing_between_loading_and_single_leg() -> None:
    assert [int(p) for p in Phase] == list(range(8))
    assert Phase.LOADING + 1 == Phase.BAR_AND_SWING
    assert Phase.BAR_AND_SWING + 1 == Phase.SINGLE_LEG == max(Phase)


def test_loading_holds_the_weights_held_in_the_hands_and_the_new_rung_the_bar_and_swing() -> None:
    assert {d.id for d in CATALOGUE.in_phase(Phase.LOADING)} == HELD_IN_THE_HANDS
    assert {d.id for d in CATALOGUE.in_phase(Phase.BAR_AND_SWING)} == BAR_AND_SWING
    for drill_id in HELD_IN_THE_HANDS:
        assert Equipment.BARBELL not in CATALOGUE.get(drill_id).equipment, drill_id
    # The hip thrust is among the article's options for light loading, before "a little more
    # weight" on the RDL.
    assert CATALOGUE.get("hip-thrust").phase is Phase.LIGHT_LOADING
    assert {d.id for d in CATALOGUE.in_phase(Phase.SINGLE_LEG)} == {
        "b-stance-deadlift",
        "single-leg-rdl",
    }


def test_the_new_rung_has_its_own_gate_of_easy_days_on_its_standing_hinges() -> None:
    assert {Phase.LOADING, Phase.BAR_AND_SWING} <= GATED_PHASES
    assert Phase.SINGLE_LEG not in GATED_PHASES
    rdl, bell = CATALOGUE.get("romanian-deadlift"), CATALOGUE.get("kettlebell-deadlift")
    assert asks_easily(rdl, Phase.BAR_AND_SWING)
    assert not asks_easily(rdl, Phase.LOADING), "the bar's easy days do not open the bar"
    assert asks_easily(bell, Phase.LOADING)

    def easy(drill_id: str, days: int) -> LadderFact:
        return LadderFact(
            drill_id, CATALOGUE.get(drill_id).phase, DAY + timedelta(days=days), answers=YES
        )

    on_loading = assess(
        Phase.LOADING, [easy("kettlebell-deadlift", d) for d in range(3)], CATALOGUE
    )
    assert on_loading.phase is Phase.BAR_AND_SWING
    assert on_loading.unlocks[-1].reason is UnlockReason.EASY_SESSIONS
    on_the_bar = assess(
        Phase.BAR_AND_SWING, [easy("romanian-deadlift", d) for d in range(3)], CATALOGUE
    )
    assert on_the_bar.phase is Phase.SINGLE_LEG
    assert on_the_bar.state.hint is LadderHint.TOP_RUNG


def test_each_rung_routine_holds_its_rungs_drills_the_new_one_the_bar_and_the_swing() -> None:
    routine = routine_for_phase(Phase.BAR_AND_SWING, CATALOGUE)
    assert routine.id == "builtin.phase-6"
    assert routine.name == "Ladder 6: bar and swing"
    assert [item.drill_id for item in routine.entries] == ["romanian-deadlift", "kettlebell-swing"]
    single = routine_for_phase(Phase.SINGLE_LEG, CATALOGUE)
    assert (single.id, single.name) == ("builtin.phase-7", "Ladder 7: single leg")


# A log from before the split ---------------------------------------------------------------


def _event(db: sqlite3.Connection, phase: int, at: datetime, reason: str) -> None:
    seconds, offset = timecodec.encode(at)
    db.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (?, ?, ?, ?)",
        [phase, seconds, offset, reason],
    )


def _workout(db: sqlite3.Connection, at: datetime, routine_id: str, name: str) -> int:
    seconds, offset = timecodec.encode(at)
    cursor = db.execute(
        "INSERT INTO workouts (started_at, utc_offset, ended_at, routine_id, name) "
        "VALUES (?, ?, ?, ?, ?)",
        [seconds, offset, seconds + 1800, routine_id, name],
    )
    return int(cursor.lastrowid or 0)


def _log_from_format_7(path: Path, phases: list[int]) -> None:
    from old_database import older_database

    old = older_database(path, 7)
    reasons = ["start", "squeeze-failed", "squeeze-passed", "straight-leg-raise"]
    for index, phase in enumerate(phases):
        reason = reasons[index] if index < len(reasons) else "easy-sessions"
        _event(old.conn, phase, DAY + timedelta(days=10 * index), reason)
    old.conn.commit()
    old.close()


def test_a_log_on_single_leg_work_moves_it_to_seven_and_reaches_the_bar_with_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hinge.sqlite3"
    _log_from_format_7(path, [0, 1, 2, 3, 4, 5, 6])
    store = open_store(path)
    try:
        assert store.data_format == 8
        events = store.ladder.events()
        assert [e.phase for e in events] == list(Phase)
        bar, single = events[-2:]
        assert (bar.phase, single.phase) == (Phase.BAR_AND_SWING, Phase.SINGLE_LEG)
        assert bar.reached_at == single.reached_at
        assert bar.reason == single.reason == "easy-sessions"
        assert store.ladder.current_phase() is Phase.SINGLE_LEG
        state = store.ladder.state(CATALOGUE)
        assert state.phase is Phase.SINGLE_LEG
        assert state.reached_phases == frozenset(Phase)
        # The wider check holds: the top rung is 7, nothing above.
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO phase_events (phase, reached_at, utc_offset) VALUES (8, 0, 0)"
            )
    finally:
        store.close()


def test_a_log_on_loading_stays_on_loading_and_has_the_bar_still_ahead(tmp_path: Path) -> None:
    path = tmp_path / "hinge.sqlite3"
    _log_from_format_7(path, [0, 1, 2, 3, 4, 5])
    store = open_store(path)
    try:
        assert [e.phase for e in store.ladder.events()] == list(Phase)[:6]
        state = store.ladder.state(CATALOGUE)
        assert state.phase is Phase.LOADING
        assert Phase.BAR_AND_SWING not in state.reached_phases
    finally:
        store.close()


def test_workouts_and_the_session_under_way_keep_the_single_leg_routine(tmp_path: Path) -> None:
    from old_database import older_database

    path = tmp_path / "hinge.sqlite3"
    old = older_database(path, 7)
    done = _workout(old.conn, DAY, "builtin.phase-6", "Ladder 6: single leg")
    renamed = _workout(old.conn, DAY + timedelta(days=1), "builtin.phase-6", "My single legs")
    loading = _workout(old.conn, DAY + timedelta(days=2), "builtin.phase-5", "Ladder 5: loading")
    seconds, offset = timecodec.encode(DAY + timedelta(days=3))
    cursor = old.conn.execute(
        "INSERT INTO workouts (started_at, utc_offset, routine_id, name) VALUES (?, ?, ?, ?)",
        [seconds, offset, "builtin.phase-6", "Ladder 6: single leg"],
    )
    under_way = int(cursor.lastrowid or 0)
    plan = WorkoutPlan(
        "Ladder 6: single leg",
        (PlanEntry("b-stance-deadlift", 3, 8, None, 60),),
        routine_id="builtin.phase-6",
        rest_between_drills=60,
    )
    old.conn.execute(
        "INSERT INTO workout_progress (workout_id, plan, step_index, updated_at) "
        "VALUES (?, ?, 4, ?)",
        [under_way, plan.to_json(), seconds],
    )
    old.conn.commit()
    old.close()

    store = open_store(path)
    try:
        rows = dict(
            (row[0], (row[1], row[2]))
            for row in store.db.execute("SELECT id, routine_id, name FROM workouts").fetchall()
        )
        assert rows[done] == ("builtin.phase-7", "Ladder 7: single leg")
        assert rows[renamed] == ("builtin.phase-7", "My single legs")
        assert rows[loading] == ("builtin.phase-5", "Ladder 5: loading")
        unfinished = store.session.unfinished()
        assert unfinished is not None
        assert unfinished.workout.id == under_way
        assert unfinished.step_index == 4
        assert unfinished.plan.routine_id == "builtin.phase-7"
        assert unfinished.plan.name == "Ladder 7: single leg"
        assert unfinished.plan.entries == plan.entries
        assert unfinished.plan.rest_between_drills == 60
    finally:
        store.close()


# JSON exports --------------------------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "fresh.sqlite3")
    yield opened
    opened.close()


def _import(store: Store, path: Path) -> list[str]:
    """Import ``path``; the problems found (nothing is stored when there are any)."""
    attempt = prepare_import(store.db, path, read_export(path), PAIRS, Unit.KG)
    problems = [problem.reason for problem in attempt.plan.problems]
    if not problems:
        store_import(store.db, attempt)
    return problems


def _document(version: int, phases: list[int], routine_id: str, name: str) -> dict[str, object]:
    return {
        "format": "hinge-training-log",
        "version": version,
        "phase_events": [
            {
                "phase": phase,
                "reached_at": (DAY + timedelta(days=10 * i)).isoformat(),
                "reason": "easy-sessions",
            }
            for i, phase in enumerate(phases)
        ],
        "workouts": [
            {
                "started_at": DAY.isoformat(),
                "ended_at": (DAY + timedelta(minutes=30)).isoformat(),
                "name": name,
                "notes": "",
                "routine_id": routine_id,
                "drill_id": None,
                "sets": [
                    {
                        "drill_id": "b-stance-deadlift",
                        "performed_at": (DAY + timedelta(minutes=5)).isoformat(),
                        "set_number": 1,
                        "side": "left",
                        "reps": 8,
                        "weight": 16,
                        "unit": "kg",
                    }
                ],
            }
        ],
    }


def _write(tmp_path: Path, document: dict[str, object]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def test_a_version_1_export_reads_single_leg_as_seven_with_the_bar_reached_before_it(
    fresh: Store, tmp_path: Path
) -> None:
    document = _document(1, [0, 1, 2, 3, 4, 5, 6], "builtin.phase-6", "Ladder 6: single leg")
    assert _import(fresh, _write(tmp_path, document)) == []
    events = fresh.ladder.events()
    assert [e.phase for e in events] == list(Phase)
    assert events[-2].reached_at == events[-1].reached_at
    assert fresh.ladder.current_phase() is Phase.SINGLE_LEG
    assert fresh.db.execute("SELECT routine_id, name FROM workouts").fetchall() == [
        ("builtin.phase-7", "Ladder 7: single leg")
    ]


def test_a_version_2_export_keeps_its_rungs_and_routines(fresh: Store, tmp_path: Path) -> None:
    document = _document(2, [0, 2, 3, 4, 5, 6], "builtin.phase-6", "Ladder 6: bar and swing")
    assert _import(fresh, _write(tmp_path, document)) == []
    assert [e.phase for e in fresh.ladder.events()][-2:] == [Phase.LOADING, Phase.BAR_AND_SWING]
    assert fresh.db.execute("SELECT routine_id, name FROM workouts").fetchall() == [
        ("builtin.phase-6", "Ladder 6: bar and swing")
    ]


@pytest.mark.parametrize(
    ("version", "phase", "found"),
    [(1, 7, "(0 to 6)"), (2, 8, "(0 to 7)"), (2, -1, "(0 to 7)")],
)
def test_a_rung_the_version_does_not_have_is_refused_by_its_line(
    fresh: Store, tmp_path: Path, version: int, phase: int, found: str
) -> None:
    document = _document(version, [0, phase], "builtin.phase-0", "Ladder 0: the checks")
    problems = _import(fresh, _write(tmp_path, document))
    assert len(problems) == 1
    assert f"phase {phase}" in problems[0]
    assert found in problems[0]
    assert fresh.ladder.events() == []


def test_a_newer_version_is_refused(fresh: Store, tmp_path: Path) -> None:
    document = _document(3, [0], "builtin.phase-0", "Ladder 0: the checks")
    (problem,) = _import(fresh, _write(tmp_path, document))
    assert "version 3" in problem
    assert "1 to 2" in problem


def test_the_export_is_version_2_and_round_trips_the_top_rung(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    for phase in Phase:
        store.db.execute(
            "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (?, ?, 60, ?)",
            [int(phase), int((DAY + timedelta(days=int(phase))).timestamp()), "easy-sessions"],
        )
    workout = store.workouts.start(
        Workout(DAY, DAY + timedelta(hours=1), "builtin.phase-7", name="Ladder 7: single leg")
    )
    store.sets.add(
        LoggedSet("single-leg-rdl", DAY + timedelta(minutes=5), reps=8, workout_id=workout.id)
    )
    store.db.conn.commit()
    out = tmp_path / "everything.json"
    export_json(store.db, out)
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2
    assert _import(fresh, out) == []
    assert [e.phase for e in fresh.ladder.events()] == list(Phase)
    assert fresh.db.execute("SELECT routine_id FROM workouts").fetchall() == [("builtin.phase-7",)]


# Where the person sees the rungs -----------------------------------------------------------


def test_the_drill_list_heads_and_filters_the_new_rung(
    qtbot: QtBot, store: Store, catalogue: Catalogue
) -> None:
    view = DrillsView(catalogue, store.favourites.all(), store.favourites.set)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    drill_list = view.findChild(QListView, "drillList")
    model, delegate = drill_list.model(), drill_list.itemDelegate()
    assert isinstance(delegate, DrillDelegate)
    headings = [delegate.heading(model.index(row, 0)) for row in range(model.rowCount())]
    assert [h for h in headings if h is not None] == [
        "Phase 0 · Checks",
        "Phase 1 · Glute activation",
        "Phase 2 · Mobility",
        "Phase 3 · Patterning",
        "Phase 4 · Light loading",
        "Phase 5 · Loading",
        "Phase 6 · Bar and swing",
        "Phase 7 · Single leg",
    ]
    phases = view.findChild(QComboBox, "phaseFilter")
    phases.setCurrentIndex(phases.findData(int(Phase.BAR_AND_SWING)))
    assert phases.currentText() == "6 · Bar and swing"
    shown = {model.index(row, 0).data(DrillRole.ID) for row in range(model.rowCount())}
    assert shown == BAR_AND_SWING


def _reach(hinge: HingeWindow, phase: Phase, days_ago: int = 10) -> datetime:
    now = datetime.now().astimezone()
    at, offset = timecodec.encode(now - timedelta(days=days_ago))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": at, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    return now


def test_easy_days_on_weights_in_the_hands_open_the_bar_and_today_says_so(
    hinge: HingeWindow,
) -> None:
    now = _reach(hinge, Phase.LOADING)
    today = hinge.views.today
    today.refresh()
    assert today.wait_until_loaded()
    assert hinge.widget(QLabel, "todayRung").text() == "You are on rung 5 of 7: loading"
    assert hinge.widget(QLabel, "todayGateCaption").text() == "What opens bar and swing"
    assert hinge.widget(QLabel, "todayNextName").text() == "Ladder 5: loading"
    for days_ago in (3, 2, 1):
        logged = hinge.store.sets.add(
            LoggedSet("kettlebell-deadlift", now - timedelta(days=days_ago), reps=8)
        )
        assert logged.id is not None
        hinge.store.ladder.record_answers(logged.id, YES)
    hinge.views.services.log_changes.announce()
    assert hinge.views.ladder.wait_until_applied()
    box = open_dialog(QMessageBox, "unlockBox")
    assert "you've unlocked Bar and swing" in box.text()
    box.close()
    assert hinge.store.ladder.current_phase() is Phase.BAR_AND_SWING
    assert today.wait_until_loaded()
    assert hinge.widget(QLabel, "todayRung").text() == "You are on rung 6 of 7: bar and swing"
    assert hinge.widget(QLabel, "todayGateCaption").text() == "What opens single leg"
    assert hinge.widget(QLabel, "todayNextName").text() == "Ladder 6: bar and swing"
    rung = hinge.widget(QWidget, "ladderRung6")
    assert rung.accessibleName() == "Bar and swing: your phase now"
