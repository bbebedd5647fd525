"""The gate to loading in the whole window, as the article sets it: the three "easily" questions
follow a set of a standing hinge, and only there, and each check keeps its own criteria."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hinge_window import HingeWindow
from open_dialogs import open_dialog
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome, LoggedSet
from hinge_desktop.storage import timecodec

YES = GateAnswers(True, True, True)


def reach(hinge: HingeWindow, phase: Phase, days_ago: int = 10) -> datetime:
    """A person who reached ``phase`` ``days_ago`` days ago (in place of the start at the
    checks); returns now."""
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


def two_easy_days(hinge: HingeWindow, now: datetime) -> None:
    for days_ago in (3, 2):
        logged = hinge.store.sets.add(
            LoggedSet("wall-hip-hinge", now - timedelta(days=days_ago), reps=10)
        )
        assert logged.id is not None
        hinge.store.ladder.record_answers(logged.id, YES)
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()


def log_first_set(hinge: HingeWindow, drill_id: str) -> None:
    hinge.show_drill(drill_id)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")


@pytest.mark.parametrize(
    ("phase", "drill_id"),
    [
        (Phase.PATTERNING, "quadruped-rock-back"),
        (Phase.PATTERNING, "dead-bug"),
        (Phase.PATTERNING, "kneeling-hinge"),
        (Phase.LIGHT_LOADING, "hip-thrust"),
    ],
)
def test_no_questions_after_a_drill_that_is_not_a_standing_hinge(
    hinge: HingeWindow, phase: Phase, drill_id: str
) -> None:
    reach(hinge, phase)
    log_first_set(hinge, drill_id)
    assert [s.drill_id for s in hinge.store.sets.all()] == [drill_id]
    assert not hinge.widget(QWidget, "gateQuestions").isVisible()


@pytest.mark.parametrize(
    ("phase", "drill_id"),
    [
        (Phase.PATTERNING, "wall-hip-hinge"),
        (Phase.PATTERNING, "dowel-hinge"),
        (Phase.LIGHT_LOADING, "band-pull-through"),
        (Phase.LIGHT_LOADING, "band-resisted-hip-thrust"),
        (Phase.LOADING, "kettlebell-deadlift"),
        (Phase.BAR_AND_SWING, "romanian-deadlift"),
    ],
)
def test_the_questions_follow_a_set_of_a_standing_hinge_of_the_phase(
    hinge: HingeWindow, phase: Phase, drill_id: str
) -> None:
    reach(hinge, phase)
    log_first_set(hinge, drill_id)
    assert hinge.widget(QWidget, "gateQuestions").isVisible()


def test_a_passed_dowel_check_does_not_open_light_loading(hinge: HingeWindow) -> None:
    now = reach(hinge, Phase.PATTERNING)
    two_easy_days(hinge, now)
    hinge.store.sets.add(
        LoggedSet("dowel-three-point-check", now, reps=5, result=CheckOutcome.PASS)
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.PATTERNING
    assert hinge.store.ladder.state(hinge.views.catalogue).passed_sessions == 2


def test_a_passed_wall_hinge_check_opens_light_loading(hinge: HingeWindow) -> None:
    now = reach(hinge, Phase.PATTERNING)
    two_easy_days(hinge, now)
    hinge.store.sets.add(LoggedSet("wall-hinge-check", now, reps=5, result=CheckOutcome.PASS))
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()
    assert hinge.store.ladder.current_phase() is Phase.LIGHT_LOADING
    box = open_dialog(QMessageBox, "unlockBox")
    assert "A standing hinge went easily on 3 different days" in box.text()
    box.close()
