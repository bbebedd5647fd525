"""Starting a drill, or a routine holding one, whose rung is a loaded one above every rung the
person reached asks first, naming both rungs and what opens the next one as the ladder words it;
"Not now" loads nothing, "Start anyway" loads it. No rung number or name is written here: they
come from ``Phase`` and the ladder's own words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hinge_window import HingeWindow
from open_dialogs import open_dialog, open_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from hinge_desktop.domain.drills import Drill, Phase
from hinge_desktop.domain.ladder import LOADED_PHASES, GateAnswers
from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage import timecodec
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.ladder_text import gate_count, gate_text
from hinge_desktop.ui.shell.resume import offer_resume

BOX = "aboveRungBox"


def reach(hinge: HingeWindow, phase: Phase) -> datetime:
    """A person who reached ``phase`` ten days ago; returns now."""
    now = datetime.now().astimezone()
    performed, offset = timecodec.encode(now - timedelta(days=10))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": performed, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is phase
    return now


def rung(phase: Phase) -> str:
    return f"rung {int(phase)}, {phase_name(phase).lower()}"


def a_drill_of(hinge: HingeWindow, phase: Phase) -> Drill:
    """A drill of ``phase``, an exercise where the rung has one."""
    drills = [d for d in hinge.views.catalogue if d.phase is phase]
    return next((d for d in drills if d.check is None), drills[0])


def press(button_name: str) -> QMessageBox:
    box = open_dialog(QMessageBox, BOX)
    button = box.findChild(QPushButton, button_name)
    assert button is not None, button_name
    button.click()
    return box


def start_from_its_page(hinge: HingeWindow, drill_id: str) -> None:
    library = hinge.window.view("drills")
    library.drills.select_drill(drill_id)  # type: ignore[attr-defined]
    hinge.show("drills")
    hinge.click("startDrillButton")


def test_a_loaded_drill_above_the_rung_asks_first_and_not_now_loads_nothing(
    hinge: HingeWindow,
) -> None:
    drill = hinge.views.catalogue.get("kettlebell-deadlift")
    state = hinge.store.ladder.state(hinge.views.catalogue)
    start_from_its_page(hinge, drill.id)

    box = press("notNowButton")

    assert box.text() == f"{drill.name} is on {rung(drill.phase)}. You are on {rung(state.phase)}."
    assert box.informativeText() == gate_text(state)
    assert [b.objectName() for b in box.buttons()] == ["startAnywayButton", "notNowButton"]
    assert hinge.views.workout.timeline() is None, "nothing is loaded"


def test_start_anyway_loads_it(hinge: HingeWindow) -> None:
    start_from_its_page(hinge, "kettlebell-deadlift")
    press("startAnywayButton")
    assert hinge.views.workout.drill() == hinge.views.catalogue.get("kettlebell-deadlift")
    assert hinge.window.current_view() == "workout"


def test_escape_is_not_now(hinge: HingeWindow) -> None:
    hinge.show_window(active=True)
    start_from_its_page(hinge, "romanian-deadlift")
    box = open_dialog(QMessageBox, BOX)
    hinge.qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not open_dialogs(QMessageBox, BOX)
    assert hinge.views.workout.timeline() is None


@pytest.mark.parametrize("phase", sorted(LOADED_PHASES))
def test_a_loaded_rung_asks_from_the_rung_below_and_not_once_reached(
    hinge: HingeWindow, phase: Phase
) -> None:
    drill = a_drill_of(hinge, phase)
    reach(hinge, Phase(phase - 1))
    hinge.show_drill(drill.id, start_anyway=False)
    assert open_dialogs(QMessageBox, BOX), "one rung below: asked"
    press("notNowButton")

    reach(hinge, phase)
    hinge.show_drill(drill.id, start_anyway=False)
    assert not open_dialogs(QMessageBox, BOX)
    assert hinge.views.workout.drill() == drill


@pytest.mark.parametrize("phase", [p for p in Phase if p not in LOADED_PHASES])
def test_drills_below_the_loaded_rungs_never_ask(hinge: HingeWindow, phase: Phase) -> None:
    assert hinge.store.ladder.current_phase() is min(Phase)
    drill = a_drill_of(hinge, phase)
    hinge.show_drill(drill.id, start_anyway=False)
    assert not open_dialogs(QMessageBox, BOX)
    assert hinge.views.workout.drill() == drill


def test_a_rung_reached_before_counts_though_the_ladder_moved_on_from_it(
    hinge: HingeWindow,
) -> None:
    top = max(Phase)
    reach(hinge, top)
    for phase in LOADED_PHASES:
        hinge.views.workout.unload()
        hinge.show_drill(a_drill_of(hinge, phase).id, start_anyway=False)
        assert not open_dialogs(QMessageBox, BOX), phase


def test_a_routine_names_itself_and_its_highest_drill_above_the_rung(hinge: HingeWindow) -> None:
    catalogue = hinge.views.catalogue
    loaded = sorted(LOADED_PHASES)
    low, high = a_drill_of(hinge, loaded[0]), a_drill_of(hinge, loaded[-1])
    plan = WorkoutPlan(
        "Session", tuple(PlanEntry.of(d) for d in (catalogue.get("glute-bridge"), low, high))
    )
    hinge.views.start_plan(plan)
    box = press("startAnywayButton")
    assert box.text().startswith(f"Session includes {high.name}, on {rung(high.phase)}.")
    assert hinge.views.workout.plan() == plan


def test_the_gate_and_the_count_are_the_ladders_words(hinge: HingeWindow) -> None:
    now = reach(hinge, Phase.PATTERNING)
    earlier = hinge.store.sets.add(LoggedSet("wall-hip-hinge", now - timedelta(days=2), reps=10))
    assert earlier.id is not None
    hinge.store.ladder.record_answers(earlier.id, GateAnswers(True, True, True))
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    state = hinge.store.ladder.state(hinge.views.catalogue)
    assert state.passed_sessions == 1

    hinge.show_drill("kettlebell-deadlift", start_anyway=False)
    box = press("notNowButton")

    assert box.informativeText() == f"{gate_text(state)} So far: {gate_count(state)}."
    assert "1 of" in gate_count(state)


def test_a_workout_under_way_stays_when_the_answer_is_not_now(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.show_drill("kettlebell-deadlift", start_anyway=False)
    press("notNowButton")
    assert not open_dialogs(QMessageBox, "replaceWorkoutBox")
    assert hinge.views.workout.under_way()
    assert hinge.views.workout.drill() == hinge.views.catalogue.get("glute-bridge")

    hinge.show_drill("kettlebell-deadlift", start_anyway=False)
    press("startAnywayButton")
    replace = open_dialog(QMessageBox, "replaceWorkoutBox")
    replace.findChild(QPushButton, "replaceWorkoutButton").click()  # type: ignore[union-attr]
    assert hinge.views.workout.drill() == hinge.views.catalogue.get("kettlebell-deadlift")


def test_a_resumed_workout_above_the_rung_is_not_asked_again(hinge: HingeWindow) -> None:
    plan = WorkoutPlan.single(hinge.views.catalogue.get("kettlebell-deadlift"))
    started = hinge.store.session.begin(plan, datetime.now().astimezone() - timedelta(minutes=3))
    assert started.id is not None
    offer_resume(hinge.window, hinge.store, hinge.views)
    resume = open_dialog(QMessageBox, "resumeWorkoutBox").findChild(
        QPushButton, "resumeWorkoutButton"
    )
    assert resume is not None
    resume.click()
    assert not open_dialogs(QMessageBox, BOX)
    assert hinge.views.workout.plan() == plan
