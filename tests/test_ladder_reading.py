"""The ladder reads the log off the GUI thread: after a change the window runs none of its reads,
only the short recording of a phase reached; only the newest answer counts; a phase is told
once; the questions follow their set; and quitting while it reads loses nothing."""

from __future__ import annotations

import sqlite3
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hinge_window import HingeWindow, StartHinge
from ladder_log import add, now, phases
from open_dialogs import open_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

import hinge_desktop.ui.library.ladder_loader as ladder_loader
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import GateAnswers, UnlockReason
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import CheckOutcome
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.store import Store
from hinge_desktop.ui import gc_pauses
from hinge_desktop.ui.library.ladder_panel import LadderPanel

LADDER_CODE = ("hinge_desktop/storage/ladder.py", "hinge_desktop/ui/library/ladder_")
YES = GateAnswers(True, True, True)


@contextmanager
def ladder_statements(store: Store) -> Iterator[list[str]]:
    """The statements the ladder's own code runs on the window's connection (the GUI
    thread's) meanwhile (not those of what listens to it)."""
    seen: list[str] = []

    def traced(statement: str) -> None:
        ours = [f.filename for f in traceback.extract_stack() if "hinge_desktop" in f.filename]
        if ours and any(code in ours[-1] for code in LADDER_CODE):
            seen.append(statement)

    connection = store.db.conn
    assert isinstance(connection, sqlite3.Connection)
    connection.set_trace_callback(traced)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def settled(hinge: HingeWindow) -> HingeWindow:
    assert hinge.views.ladder.wait_until_applied()
    return hinge


def panel(hinge: HingeWindow) -> LadderPanel:
    return hinge.widget(LadderPanel, "ladderPanel")


def reach(hinge: HingeWindow, phase: Phase, days_ago: int = 10) -> None:
    """A person who reached ``phase`` ``days_ago`` days ago, in place of the start."""
    performed, offset = timecodec.encode(now() - timedelta(days=days_ago))
    hinge.store.db.execute("DELETE FROM phase_events")
    hinge.store.db.table("phase_events").insert(
        {"phase": int(phase), "reached_at": performed, "utc_offset": offset}
    )
    hinge.views.ladder.update()
    assert hinge.views.ladder.wait_until_applied()


def unlock_boxes(hinge: HingeWindow) -> list[QMessageBox]:
    """The announcements open over this window."""
    boxes = open_dialogs(QMessageBox, "unlockBox")
    return [box for box in boxes if box.parentWidget() is hinge.window]


def log_set_in_player(hinge: HingeWindow, drill_id: str) -> None:
    hinge.show_drill(drill_id)
    hinge.click("startPauseButton")
    hinge.skip_to(StepKind.REST, 1)
    hinge.click("logSetButton")


# Off the GUI thread


def test_after_a_change_the_window_runs_none_of_the_ladders_reads(hinge: HingeWindow) -> None:
    settled(hinge)
    for day in range(1, 4):
        add(hinge.store, "glute-bridge", now() - timedelta(days=day), reps=12)
    reach(hinge, Phase.ACTIVATION, days_ago=5)
    add(hinge.store, "glute-bridge", now(), reps=12)

    with ladder_statements(hinge.store) as statements:
        hinge.views.services.log_changes.announce()
        assert hinge.views.ladder.is_updating(), "the answer comes later"
        assert hinge.views.ladder.wait_until_applied()

    assert statements == []
    assert panel(hinge).state().passed_sessions == 4, "the new day is counted"


def test_the_rules_read_the_log_on_the_background_reader_handing_the_gil_over_often(
    hinge: HingeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    intervals: list[float] = []
    real_read = ladder_loader.read_ladder

    def read(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        intervals.append(sys.getswitchinterval())
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ladder_loader, "read_ladder", read)
    settled(hinge)
    before = sys.getswitchinterval()
    hinge.views.services.log_changes.announce()
    settled(hinge)
    assert threads
    assert threading.main_thread() not in threads
    assert set(intervals) == {gc_pauses.IMPORT_SWITCH_INTERVAL}, "the window waits 0.5 ms at most"
    assert sys.getswitchinterval() == before, "and as it was afterwards"


def test_a_phase_reached_is_recorded_in_one_short_transaction(hinge: HingeWindow) -> None:
    settled(hinge)
    add(hinge.store, "glute-squeeze-test", now(), result=CheckOutcome.FAIL)

    with ladder_statements(hinge.store) as statements:
        hinge.views.services.log_changes.announce()
        assert hinge.views.ladder.wait_until_applied()

    assert phases(hinge.store) == [Phase.CHECK, Phase.ACTIVATION]
    assert statements[0] == "BEGIN"
    assert statements[-1] == "COMMIT"
    assert [s for s in statements[1:-1] if s.startswith("INSERT")] == [statements[-2]]
    assert "phase_events" in statements[-2]
    assert not [s for s in statements if " sets " in f"{s} "], "the sets are read elsewhere"


# Only the newest answer


def test_an_answer_overtaken_by_a_newer_change_is_dropped(hinge: HingeWindow) -> None:
    settled(hinge)
    coach = hinge.views.ladder
    unlocks: list[object] = []
    shown: list[object] = []
    coach.unlocked.connect(unlocks.append)
    panel(hinge).rung_shown.connect(shown.append)
    squeeze = add(hinge.store, "glute-squeeze-test", now(), result=CheckOutcome.FAIL)
    hinge.views.services.log_changes.announce()
    hinge.store.sets.delete(squeeze)  # taken back before the first answer is in
    hinge.views.services.log_changes.announce()

    assert coach.wait_until_applied()

    assert phases(hinge.store) == [Phase.CHECK], (
        "the squeeze test that was taken back opens nothing"
    )
    assert unlocks == []
    assert not unlock_boxes(hinge)
    assert shown == [Phase.CHECK], "the panel shows only the newest answer"


def test_a_phase_is_told_once_however_many_changes_follow(hinge: HingeWindow) -> None:
    settled(hinge)
    coach = hinge.views.ladder
    unlocks: list[object] = []
    coach.unlocked.connect(unlocks.append)
    add(hinge.store, "glute-squeeze-test", now(), result=CheckOutcome.FAIL)
    for _ in range(3):
        hinge.views.services.log_changes.announce()
    assert coach.wait_until_applied()
    hinge.views.services.log_changes.announce()
    coach.update()
    assert coach.wait_until_applied()

    assert len(unlocks) == 1
    assert len(unlock_boxes(hinge)) == 1
    assert phases(hinge.store) == [Phase.CHECK, Phase.ACTIVATION]


def test_an_answer_read_before_the_phases_changed_on_disk_is_read_again(
    hinge: HingeWindow,
) -> None:
    settled(hinge)
    coach = hinge.views.ladder
    unlocks: list[object] = []
    coach.unlocked.connect(unlocks.append)
    add(hinge.store, "glute-squeeze-test", now() - timedelta(minutes=5), result=CheckOutcome.FAIL)
    hinge.views.services.log_changes.announce()
    # The reading is done on the reader's thread, its answer not yet taken on the GUI thread...
    read = threading.Event()
    hinge.views.reader.submit(lambda _db: read.set(), lambda _none: None, pytest.fail)
    assert read.wait(30)
    # ... when the phases on disk change (as an import of a Hinge file can bring some).
    performed, offset = timecodec.encode(now())
    hinge.store.db.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (?, ?, ?, ?)",
        [int(Phase.MOBILITY), performed, offset, UnlockReason.SQUEEZE_PASSED.value],
    )

    assert coach.wait_until_applied()

    assert phases(hinge.store) == [Phase.CHECK, Phase.MOBILITY], "nothing recorded over it"
    assert unlocks == []
    assert panel(hinge).state().phase is Phase.MOBILITY


# The questions


def test_the_questions_are_put_away_when_their_set_is_taken_back(
    start_hinge: StartHinge,
) -> None:
    hinge = settled(start_hinge(view="workout", active=True))
    reach(hinge, Phase.PATTERNING)
    log_set_in_player(hinge, "wall-hip-hinge")
    questions = hinge.widget(QWidget, "gateQuestions")
    assert questions.isVisible()

    hinge.qtbot.keyClick(hinge.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert hinge.views.ladder.wait_until_applied()

    assert list(hinge.store.sets.all()) == []
    assert not questions.isVisible()


def test_the_questions_are_put_away_when_their_set_is_said_to_have_hurt(
    start_hinge: StartHinge,
) -> None:
    hinge = settled(start_hinge(view="workout", active=True))
    reach(hinge, Phase.PATTERNING)
    questions = hinge.widget(QWidget, "gateQuestions")
    log_set_in_player(hinge, "wall-hip-hinge")
    assert questions.isVisible()
    [logged] = list(hinge.store.sets.all())
    assert logged.id is not None

    hinge.views.hurt.mark(logged.id)
    assert hinge.views.ladder.wait_until_applied()

    assert hinge.store.sets.marked_hurt(logged.id)
    assert not questions.isVisible()


def test_a_set_logged_while_a_change_is_read_is_asked_about_once_it_is_in(
    hinge: HingeWindow,
) -> None:
    settled(hinge)
    reach(hinge, Phase.PATTERNING)
    questions = hinge.widget(QWidget, "gateQuestions")
    hinge.views.services.log_changes.announce()  # an earlier change, still being read
    log_set_in_player(hinge, "wall-hip-hinge")
    assert not questions.isVisible()

    assert hinge.views.ladder.wait_until_applied()

    assert questions.isVisible()


def test_a_set_taken_back_before_it_was_asked_about_is_not(hinge: HingeWindow) -> None:
    settled(hinge)
    reach(hinge, Phase.PATTERNING)
    questions = hinge.widget(QWidget, "gateQuestions")
    hinge.views.services.log_changes.announce()
    log_set_in_player(hinge, "wall-hip-hinge")
    hinge.views.undo_stack.undo()

    assert hinge.views.ladder.wait_until_applied()

    assert list(hinge.store.sets.all()) == []
    assert not questions.isVisible()


def test_a_reading_that_fails_is_told_and_the_set_still_asked_about(
    hinge: HingeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    settled(hinge)
    reach(hinge, Phase.PATTERNING)
    messages: list[str] = []
    hinge.views.ladder.message.connect(messages.append)

    def broken(*_args: object) -> object:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(ladder_loader, "read_ladder", broken)
    hinge.views.services.log_changes.announce()
    log_set_in_player(hinge, "wall-hip-hinge")
    assert hinge.views.ladder.wait_until_applied()

    assert messages == ["Cannot read your ladder: database disk image is malformed"]
    assert hinge.widget(QWidget, "gateQuestions").isVisible()


# Quitting


def test_quitting_while_the_ladder_is_read_loses_nothing(start_hinge: StartHinge) -> None:
    first = settled(start_hinge())
    add(first.store, "glute-squeeze-test", now(), result=CheckOutcome.FAIL)
    first.views.services.log_changes.announce()
    assert first.views.ladder.is_updating()
    first.close()  # as Hinge quits: the answer on its way is dropped
    assert phases(first.store) == [Phase.CHECK]

    again = settled(start_hinge())

    assert phases(again.store) == [Phase.CHECK, Phase.ACTIVATION], "read again at the start"
    [box] = unlock_boxes(again)
    assert "activation" in box.text().lower()
    box.close()
