"""The end of a session in the whole window: the summary fills with the log's figures, says what
the ladder counted and offers the next session, whose Start starts it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from hinge_window import HingeWindow
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.sets import SetRepository
from hinge_desktop.ui.workout.summary_page import SummaryPage


def test_the_summary_fills_itself_with_the_log_the_ladder_and_the_next_session(
    hinge: HingeWindow,
) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    for number in (1, 2):
        hinge.skip_to(StepKind.REPS, number)
        hinge.click("logSetButton")
    hinge.skip_to(StepKind.DONE)
    summary = hinge.widget(SummaryPage, "sessionSummary")
    assert summary.isVisible()
    hinge.qtbot.waitUntil(lambda: "sets logged" in summary.shown_figures())
    figures = summary.shown_figures()
    assert figures["sets logged"] == "2"
    assert figures["reps"] == str(sum(s.reps or 0 for s in hinge.store.sets.all()))
    today = hinge.views.today
    note = hinge.widget(QLabel, "summaryLadderNote")
    hinge.qtbot.waitUntil(lambda: today.summary() is not None and note.isVisible())
    facts = today.summary()
    assert facts is not None
    # A new person's glute bridges do not move the ladder: the squeeze test decides the rung.
    assert note.text() == "What decides your first rung: The glute squeeze test"
    next_name = facts.next_routine.name
    assert hinge.widget(QLabel, "summaryNextLabel").text() == next_name
    hinge.click("summaryStartNextButton")
    assert hinge.window.current_view() == "workout"
    plan = hinge.views.workout.plan()
    assert plan is not None
    assert plan.name == next_name


def test_a_set_logged_after_the_end_is_counted_in_the_summary(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.click("logSetButton")
    hinge.skip_to(StepKind.DONE)
    summary = hinge.widget(SummaryPage, "sessionSummary")
    hinge.qtbot.waitUntil(lambda: summary.shown_figures().get("sets logged") == "1 of 2")
    # The last set, logged from the panel beside the summary once the workout ended.
    hinge.click("logSetButton")
    hinge.qtbot.waitUntil(lambda: summary.shown_figures().get("sets logged") == "2")
    assert len(list(hinge.store.sets.all())) == 2


def test_the_records_are_looked_up_off_the_gui_thread(
    hinge: HingeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each drill's whole history is read for the records: never on the window's thread."""
    threads: list[bool] = []
    original = SetRepository.for_drill

    def for_drill(self: SetRepository, drill_id: str) -> Iterator[LoggedSet]:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self, drill_id)

    monkeypatch.setattr(SetRepository, "for_drill", for_drill)
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REPS, 1)
    hinge.click("logSetButton")
    hinge.skip_to(StepKind.DONE)
    summary = hinge.widget(SummaryPage, "sessionSummary")
    hinge.qtbot.waitUntil(lambda: "sets logged" in summary.shown_figures())
    assert threads
    assert not any(threads)


def test_the_next_session_is_not_offered_when_it_is_the_one_just_done(hinge: HingeWindow) -> None:
    """A new person's next session is the checks: done from Today's Start, the summary offers
    "Do it again", not a second button for the same session."""
    hinge.show("today")
    today = hinge.views.today
    hinge.qtbot.waitUntil(lambda: today.summary() is not None)
    hinge.click("todayStartButton")
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.DONE)
    summary = hinge.widget(SummaryPage, "sessionSummary")
    note = hinge.widget(QLabel, "summaryLadderNote")
    hinge.qtbot.waitUntil(lambda: note.isVisible())
    assert not hinge.widget(QWidget, "summaryNext").isVisibleTo(summary)
    assert hinge.widget(QPushButton, "summaryAgainButton").isVisibleTo(summary)
