"""The next time: a workout that holds a drill whose last working set hurt says so before it
starts, and offers the easier drill (a click or E swaps it in), or, with nothing easier, to stop
and have it checked; the person can still leave it out (L) or go on as planned (G, or Start).
Every way into the player asks; a resumed workout does not ask again."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hinge_window import HingeWindow, StartHinge
from open_dialogs import open_dialog
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.plan import PlanEntry, WorkoutPlan
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage import timecodec
from hinge_desktop.ui.shell.resume import offer_resume
from hinge_desktop.ui.workout.workout_pages import Page

DEADLIFT = "kettlebell-deadlift"


def reach(hinge: HingeWindow, phase: Phase) -> datetime:
    """A person who reached ``phase`` a month ago, so that its drills start without a
    question about the rung; returns now."""
    now = datetime.now().astimezone()
    performed, offset = timecodec.encode(now - timedelta(days=30))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": performed, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    return now


def hurt(hinge: HingeWindow, drill_id: str, days_ago: int = 3) -> datetime:
    """A working set of ``drill_id`` that hurt ``days_ago`` days ago; returns when."""
    when = datetime.now().astimezone() - timedelta(days=days_ago)
    logged = hinge.store.sets.add(LoggedSet(drill_id, when, reps=8))
    assert logged.id is not None
    hinge.store.sets.mark_hurt(logged.id)
    return when


@pytest.fixture
def app(start_hinge: StartHinge) -> HingeWindow:
    hinge = start_hinge(view="workout", active=True)
    reach(hinge, Phase.LOADING)
    return hinge


def card(hinge: HingeWindow) -> QWidget:
    return hinge.widget(QWidget, "hurtOfferCard")


def entries(hinge: HingeWindow) -> list[PlanEntry]:
    plan = hinge.views.workout.plan()
    assert plan is not None
    return list(plan.entries)


def test_a_drill_that_hurt_last_time_says_so_before_it_starts(app: HingeWindow) -> None:
    when = hurt(app, DEADLIFT)
    drill = app.views.catalogue.get(DEADLIFT)
    easier = app.views.catalogue.get(drill.regression or "")

    app.show_drill(DEADLIFT)

    assert card(app).isVisible()
    weekday = QLocale().dayName(when.isoweekday(), QLocale.FormatType.LongFormat)
    title = app.widget(QLabel, "hurtOfferTitle").text()
    assert title == f"Last time, {drill.name} hurt ({weekday})."
    assert easier.name in app.widget(QLabel, "hurtOfferText").text()
    assert app.widget(QPushButton, "hurtEasierButton").isVisible()
    assert app.views.workout.timeline() is not None, "loaded, and waiting for Start"


def test_the_easier_drill_swaps_in_with_the_same_dose_and_is_what_gets_logged(
    app: HingeWindow,
) -> None:
    hurt(app, DEADLIFT)
    drill = app.views.catalogue.get(DEADLIFT)
    easier = app.views.catalogue.get(drill.regression or "")
    app.show_drill(DEADLIFT)
    (before,) = entries(app)

    app.click("hurtEasierButton")

    (after,) = entries(app)
    assert after.drill_id == easier.id
    assert (after.sets, after.reps, after.hold_seconds, after.rest_seconds) == (
        before.sets,
        before.reps,
        before.hold_seconds,
        before.rest_seconds,
    )
    assert app.views.workout.name() == easier.name
    assert not card(app).isVisible()
    assert easier.name in app.window.statusBar().currentMessage()
    app.click("startPauseButton")
    app.skip_to(StepKind.REST, 1)
    app.click("logSetButton")
    done = [s.drill_id for s in app.store.sets.all() if s.workout_id is not None]
    assert done == [easier.id]


def test_e_swaps_the_easier_drill_in(app: HingeWindow) -> None:
    hurt(app, DEADLIFT)
    app.show_drill(DEADLIFT)
    app.qtbot.keyClick(app.window, Qt.Key.Key_E)
    (entry,) = entries(app)
    assert entry.drill_id == app.views.catalogue.get(DEADLIFT).regression


def test_leave_it_out_takes_the_drill_out_of_a_routine(app: HingeWindow) -> None:
    hurt(app, DEADLIFT)
    catalogue = app.views.catalogue
    plan = WorkoutPlan(
        "Session", tuple(PlanEntry.of(catalogue.get(d)) for d in ("glute-bridge", DEADLIFT))
    )
    app.views.start_plan(plan)
    assert card(app).isVisible(), "a routine asks too"

    app.qtbot.keyClick(app.window, Qt.Key.Key_L)

    assert [e.drill_id for e in entries(app)] == ["glute-bridge"]
    assert app.views.workout.name() == "Session"
    assert not card(app).isVisible()


def test_leaving_out_the_only_drill_leaves_nothing_loaded(app: HingeWindow) -> None:
    hurt(app, DEADLIFT)
    app.show_drill(DEADLIFT)
    app.click("hurtLeaveButton")
    assert app.views.workout.timeline() is None
    assert app.views.workout.current() is Page.EMPTY


def test_go_on_keeps_the_drill_and_start_goes_on_as_planned(app: HingeWindow) -> None:
    hurt(app, DEADLIFT)
    app.show_drill(DEADLIFT)
    app.qtbot.keyClick(app.window, Qt.Key.Key_G)
    assert not card(app).isVisible()
    assert [e.drill_id for e in entries(app)] == [DEADLIFT]

    app.views.workout.unload()
    app.show_drill(DEADLIFT)
    assert card(app).isVisible(), "asked again for a workout loaded anew"
    app.click("startPauseButton")
    assert not card(app).isVisible()
    assert app.views.workout.is_running()
    assert [e.drill_id for e in entries(app)] == [DEADLIFT]


def test_with_nothing_easier_it_says_to_stop_and_have_it_checked_in_the_drills_words(
    app: HingeWindow,
) -> None:
    drill = app.views.catalogue.get("glute-bridge")
    assert drill.regression is None
    assert drill.if_it_hurts
    hurt(app, drill.id, days_ago=1)
    app.show_drill(drill.id)

    assert app.widget(QLabel, "hurtOfferTitle").text() == (
        f"Last time, {drill.name} hurt (yesterday)."
    )
    text = app.widget(QLabel, "hurtOfferText").text()
    assert "stop, and have it checked" in text
    assert drill.if_it_hurts in text
    assert not app.widget(QPushButton, "hurtEasierButton").isVisible()
    app.qtbot.keyClick(app.window, Qt.Key.Key_E)
    assert [e.drill_id for e in entries(app)] == [drill.id], "nothing to swap in"
    assert card(app).isVisible()


def test_an_easier_drill_that_hurt_too_is_asked_about_next(app: HingeWindow) -> None:
    drill = app.views.catalogue.get(DEADLIFT)
    easier = app.views.catalogue.get(drill.regression or "")
    hurt(app, DEADLIFT)
    hurt(app, easier.id, days_ago=0)
    app.show_drill(DEADLIFT)
    app.click("hurtEasierButton")

    assert card(app).isVisible()
    assert app.widget(QLabel, "hurtOfferTitle").text() == f"Last time, {easier.name} hurt (today)."


def test_a_built_in_routine_started_from_its_page_asks(app: HingeWindow) -> None:
    hurt(app, DEADLIFT)
    library = app.window.view("drills")
    library.show_routines()  # type: ignore[attr-defined]
    library.routines.select_routine("builtin.assistance-3x8")  # type: ignore[attr-defined]
    app.click("startRoutineButton")
    assert app.window.current_view() == "workout"
    assert card(app).isVisible()
    assert DEADLIFT in app.widget(QLabel, "hurtOfferTitle").text().lower().replace(" ", "-")


def test_no_question_once_a_later_set_went_without_hurting(app: HingeWindow) -> None:
    when = hurt(app, DEADLIFT, days_ago=3)
    app.store.sets.add(LoggedSet(DEADLIFT, when + timedelta(days=1), reps=8))
    app.show_drill(DEADLIFT)
    assert not card(app).isVisible()


def test_a_resumed_workout_does_not_ask_again(start_hinge: StartHinge) -> None:
    first = start_hinge(view="workout", active=True)
    reach(first, Phase.LOADING)
    hurt(first, DEADLIFT)
    first.show_drill(DEADLIFT)
    assert card(first).isVisible()
    first.click("hurtGoOnButton")
    first.click("startPauseButton")
    first.skip_to(StepKind.REPS, 1)
    first.close()  # as a crash would leave it: the workout under way stays on disk

    again = start_hinge(view="workout", active=True)
    offer_resume(again.window, again.store, again.views)
    resume = open_dialog(QMessageBox, "resumeWorkoutBox").findChild(
        QPushButton, "resumeWorkoutButton"
    )
    assert resume is not None
    resume.click()

    assert again.views.workout.timeline() is not None
    assert not card(again).isVisible(), "answered before it started"
    again.click("startPauseButton")
    again.click("finishButton")
    open_dialog(QMessageBox, "finishWorkoutBox").findChild(
        QPushButton, "confirmFinishButton"
    ).click()  # type: ignore[union-attr]
    again.show_drill(DEADLIFT)
    assert card(again).isVisible(), "no set of it since: a new workout asks"
