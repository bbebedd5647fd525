"""What a person does once is stored once: a bounce of Return, Return on the ladder's questions, a
resumed workout replaced, extra sets in the summary, and the day a set belongs to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hinge_window import HingeWindow, StartHinge
from open_dialogs import open_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_workout_end import press

from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.ui.shell.resume import offer_resume


def _sets(hinge: HingeWindow) -> list[LoggedSet]:
    return sorted(hinge.store.sets.all(), key=lambda s: s.id or 0)


def test_return_pressed_twice_in_the_last_set_logs_it_once(start_hinge: StartHinge) -> None:
    hinge = start_hinge(view="workout", active=True)
    hinge.show_drill("glute-bridge")  # 2 x 12
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Return)
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Return)  # a bounce: nothing more
    assert len(_sets(hinge)) == 1
    hinge.skip_to(StepKind.REPS, 2)
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Return)  # ends and logs the last set
    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Return)  # the same bounce
    assert [s.set_number for s in _sets(hinge)] == [1, 2], "a set nobody did was logged"


def test_a_resumed_workout_is_not_ended_by_starting_a_drill_without_asking(
    hinge: HingeWindow,
) -> None:
    bridge = hinge.views.catalogue.get("glute-bridge")
    plan = WorkoutPlan.single(bridge)
    steps = plan.steps(hinge.views.catalogue)
    rest = [s.kind for s in steps].index(StepKind.REST)
    started = hinge.store.session.begin(plan, datetime.now().astimezone() - timedelta(minutes=3))
    assert started.id is not None
    hinge.store.session.reach(started.id, rest)
    offer_resume(hinge.window, hinge.store, hinge.views)
    press("resumeWorkoutBox", "resumeWorkoutButton")

    hinge.show_drill("dead-bug")  # Start in the library, before pressing Start in the player
    asked = bool(open_dialogs(QMessageBox, "replaceWorkoutBox"))
    kept = hinge.store.session.unfinished() is not None
    assert asked or kept, "the resumed workout was ended without a word"


def test_sets_today_follow_the_local_day_across_a_clock_change(hinge: HingeWindow) -> None:
    # Europe: the clocks went forward on 31 March 2024. A set at 23:30 on the 30th (UTC+1) is
    # not a set of the 31st, which datetime.now().astimezone() gives as UTC+2.
    evening = datetime(2024, 3, 30, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    hinge.store.sets.add(
        LoggedSet(drill_id="glute-bridge", performed_at=evening, set_number=1, reps=12)
    )
    noon = datetime(2024, 3, 31, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert hinge.store.sets.for_drill_on_day("glute-bridge", noon) == []


def test_a_summary_with_an_extra_set_does_not_read_as_more_of_fewer(
    qapp: object,
) -> None:
    from hinge_desktop.domain.session_summary import SessionEnd, summarize
    from hinge_desktop.ui.workout.summary_text import sets_text

    at = datetime(2025, 5, 6, 8, tzinfo=UTC)
    logged = [
        LoggedSet(drill_id="glute-bridge", performed_at=at, set_number=n, reps=12, workout_id=1)
        for n in (1, 2, 3)
    ]
    summary = summarize(SessionEnd("Glute bridge", 300, 2, 2, False), logged)
    assert sets_text(summary) != "3 of 2", "two planned, three logged"


@pytest.mark.parametrize(
    ("logged_at", "number"),
    [(StepKind.DONE, 1), (StepKind.REST, 1)],
    ids=["the-last-set-after-the-end", "mid-drill-in-its-rest"],
)
def test_return_on_the_gate_questions_saves_them_and_logs_no_extra_set(
    start_hinge: StartHinge, logged_at: StepKind, number: int
) -> None:
    from PySide6.QtWidgets import QWidget

    from hinge_desktop.domain.drills import Phase
    from hinge_desktop.storage import timecodec

    hinge = start_hinge(view="workout", active=True)
    performed, offset = timecodec.encode(datetime.now().astimezone() - timedelta(days=10))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(Phase.PATTERNING), "reached_at": performed, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    hinge.show_drill("wall-hip-hinge")
    hinge.click("startPauseButton")
    hinge.skip_to(logged_at, number)
    hinge.click("logSetButton")
    questions = hinge.widget(QWidget, "gateQuestions")
    assert questions.isVisible()
    questions.setFocus()
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_Return):
        hinge.qtbot.keyClick(questions, key)
    logged = [s for s in _sets(hinge)]
    assert len(logged) == 1, "Return logged an extra set instead of saving the answers"
    assert logged[0].id is not None
    assert hinge.store.ladder.answers_for(logged[0].id) is not None
