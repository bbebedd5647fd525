"""Saying a set hurt, as a person does in the player: "This hurt" in the log panel (or H) once a
set is logged, and beside the three "easily" questions; it marks the set logged last on the undo
stack, says what follows, and holds the ladder."""

from __future__ import annotations

from datetime import datetime, timedelta

from hinge_window import HingeWindow, StartHinge
from open_dialogs import open_dialog, open_dialogs
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome, LoggedSet
from hinge_desktop.storage import timecodec

NOTED = "Noted: this set will not count towards the ladder."


def log_first_set(hinge: HingeWindow, drill_id: str) -> LoggedSet:
    hinge.show_drill(drill_id)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    logged = [s for s in hinge.store.sets.all() if s.workout_id is not None]
    assert logged, "the set was logged"
    return logged[-1]


def marked(hinge: HingeWindow) -> list[int]:
    rows = hinge.store.db.execute("SELECT set_id FROM hurt_sets ORDER BY set_id").fetchall()
    return [row[0] for row in rows]


def hurt_button(hinge: HingeWindow) -> QPushButton:
    return hinge.widget(QPushButton, "hurtButton")


def reach(hinge: HingeWindow, phase: Phase, days_ago: int = 10) -> datetime:
    """A person who reached ``phase`` ``days_ago`` days ago; returns now."""
    now = datetime.now().astimezone()
    performed, offset = timecodec.encode(now - timedelta(days=days_ago))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": performed, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is phase
    return now


def test_this_hurt_marks_the_set_logged_says_what_follows_and_ctrl_z_takes_it_back(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(view="workout", active=True)
    drill = hinge.views.catalogue.get("glute-bridge-knee-outs")
    easier = hinge.views.catalogue.get(drill.regression)
    hinge.show_drill(drill.id)
    hinge.click("startPauseButton")
    assert not hurt_button(hinge).isVisible(), "nothing is logged yet"
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_H)
    assert marked(hinge) == []

    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")
    (logged,) = hinge.store.sets.all()
    button = hurt_button(hinge)
    assert button.isVisible()
    assert button.accessibleName() == "This set hurt"
    hinge.click("hurtButton")

    assert marked(hinge) == [logged.id]
    said = f"{NOTED} Next time Hinge offers {easier.name} first."
    note = hinge.widget(QLabel, "hurtNoteLabel")
    assert note.isVisible()
    assert note.text() == said
    assert hinge.window.statusBar().currentMessage() == said
    assert not button.isEnabled(), "said once"

    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert marked(hinge) == [], "the mark is taken back"
    assert [s.id for s in hinge.store.sets.all()] == [logged.id], "and only the mark"
    assert button.isEnabled()
    assert not note.isVisible()
    assert hinge.window.statusBar().currentMessage() == (
        "Taken back: the set no longer counts as one that hurt."
    ), "the status bar no longer says it was noted"


def test_h_marks_the_set_logged_last(start_hinge: StartHinge) -> None:
    hinge = start_hinge(view="workout", active=True)
    logged = log_first_set(hinge, "glute-bridge-knee-outs")
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_H)
    assert marked(hinge) == [logged.id]


def test_this_hurt_goes_when_the_next_set_begins(start_hinge: StartHinge) -> None:
    hinge = start_hinge(view="workout", active=True)
    log_first_set(hinge, "glute-bridge-knee-outs")
    assert hurt_button(hinge).isVisible()
    hinge.skip_to(StepKind.REPS, 2)
    assert not hurt_button(hinge).isVisible(), "set 2 is under way: not the set logged"
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_H)
    assert marked(hinge) == []


def test_with_nothing_easier_it_says_to_stop_and_have_it_checked(hinge: HingeWindow) -> None:
    drill = hinge.views.catalogue.get("glute-bridge")
    assert drill.regression is None
    log_first_set(hinge, drill.id)
    hinge.click("hurtButton")
    note = hinge.widget(QLabel, "hurtNoteLabel").text()
    assert note.startswith(NOTED)
    assert "stop, and have it checked" in note
    assert "Next time" not in note


def test_beside_the_easily_questions_this_hurt_marks_the_set_and_holds_the_ladder(
    hinge: HingeWindow,
) -> None:
    now = reach(hinge, Phase.PATTERNING)
    for days_ago in (3, 2):
        earlier = hinge.store.sets.add(
            LoggedSet("wall-hip-hinge", now - timedelta(days=days_ago), reps=10)
        )
        assert earlier.id is not None
        hinge.store.ladder.record_answers(earlier.id, GateAnswers(True, True, True))
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.state(hinge.views.catalogue).passed_sessions == 2

    logged = log_first_set(hinge, "wall-hip-hinge")
    questions = hinge.widget(QWidget, "gateQuestions")
    assert questions.isVisible()
    assert not hurt_button(hinge).isVisible(), "one This hurt: the questions'"
    hinge.click("gateHurtButton")

    assert marked(hinge) == [logged.id]
    assert not questions.isVisible()
    assert hinge.store.ladder.answers_for(logged.id or 0) is None
    assert hinge.widget(QLabel, "hurtNoteLabel").text().startswith(NOTED)

    # Another set today, all yes: the day still does not count, and patterning holds.
    hinge.skip_to(StepKind.REPS, 2)
    hinge.click("logSetButton")  # ends set 2 and logs it
    for name in ("gateNobodyHeldYes", "gateBackStillYes", "gatePressureSteadyYes"):
        hinge.click(name)
    hinge.click("gateSubmitButton")
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.PATTERNING
    assert hinge.store.ladder.state(hinge.views.catalogue).passed_sessions == 2


def test_a_squeeze_test_that_hurt_closes_the_rung_it_opened_until_undone(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(view="workout", active=True)
    hinge.show_drill("glute-squeeze-test")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.DONE)
    form = hinge.views.workout.findChild(QWidget, "setForm")
    hinge.qtbot.mouseClick(
        form.result.button_for(CheckOutcome.PASS),  # type: ignore[union-attr]
        Qt.MouseButton.LeftButton,
    )
    hinge.click("logSetButton")
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.MOBILITY
    open_dialog(QMessageBox, "unlockBox").close()
    hinge.show_window(active=True)  # back to the window, whose shortcuts then work

    hinge.click("hurtButton")
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.CHECK, "a test that hurt opens nothing"
    assert not open_dialogs(QMessageBox, "unlockBox")

    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.MOBILITY
    open_dialog(QMessageBox, "unlockBox").close()


def test_typing_an_h_in_the_note_writes_it_and_marks_nothing(start_hinge: StartHinge) -> None:
    hinge = start_hinge(view="workout", active=True)
    log_first_set(hinge, "glute-bridge-knee-outs")
    note = hinge.widget(QLineEdit, "noteInput")
    note.setFocus()
    hinge.qtbot.keyClicks(note, "hh")
    assert note.text().endswith("hh")
    assert marked(hinge) == []


def test_at_1280x720_the_questions_with_this_hurt_need_no_scrolling(
    start_hinge: StartHinge,
) -> None:
    hinge = start_hinge(view="workout", active=True)
    hinge.window.resize(QSize(1280, 720))
    reach(hinge, Phase.PATTERNING)
    log_first_set(hinge, "wall-hip-hinge")
    QApplication.processEvents()
    assert hinge.widget(QWidget, "gateQuestions").isVisible()
    assert hinge.window.size() == QSize(1280, 720)
    assert hinge.widget(QScrollArea, "logPanelScroll").verticalScrollBar().maximum() == 0
