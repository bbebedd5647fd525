"""The one helper for work off the GUI thread: jobs in order on a thread of their own, the
connection opened and closed there, answers, errors and progress back on the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hinge_desktop.ui.tasks import Report, TaskRunner


class Connection:
    """Stands in for a database connection: remembers the threads it was opened and closed
    on."""

    def __init__(self) -> None:
        self.opened_on = threading.get_ident()
        self.closed_on: int | None = None

    def close(self) -> None:
        self.closed_on = threading.get_ident()


@pytest.fixture
def opened() -> list[Connection]:
    return []


@pytest.fixture
def runner(opened: list[Connection]) -> Iterator[TaskRunner[Connection]]:
    def connect() -> Connection:
        opened.append(Connection())
        return opened[-1]

    tasks = TaskRunner("testRunner", connect)
    yield tasks
    tasks.shutdown()


def test_jobs_run_in_order_off_the_gui_thread_and_answer_on_it(
    qtbot: QtBot, runner: TaskRunner[Connection], opened: list[Connection]
) -> None:
    gui = threading.get_ident()
    ran_on: list[int] = []
    answered_on: list[int] = []
    answers: list[int] = []

    def answer(value: int) -> None:
        answered_on.append(threading.get_ident())
        answers.append(value)

    for number in range(5):
        runner.submit(
            lambda _conn, n=number: (ran_on.append(threading.get_ident()), n)[1],
            answer,
            pytest.fail,
        )
    assert runner.is_busy()
    qtbot.waitUntil(lambda: len(answers) == 5)
    assert answers == [0, 1, 2, 3, 4]
    assert gui not in ran_on
    assert answered_on == [gui] * 5
    assert not runner.is_busy()
    (connection,) = opened
    assert connection.opened_on == ran_on[0]

    runner.shutdown()
    assert connection.closed_on == ran_on[0]


def test_an_error_goes_to_on_error_and_the_next_job_still_runs(
    qtbot: QtBot, runner: TaskRunner[Connection]
) -> None:
    errors: list[Exception] = []
    answers: list[str] = []

    def fail(_conn: Connection) -> str:
        raise ValueError("no such drill")

    runner.submit(fail, answers.append, errors.append)
    runner.submit(lambda _conn: "next", answers.append, errors.append)
    qtbot.waitUntil(lambda: answers == ["next"])
    assert [str(error) for error in errors] == ["no such drill"]


def test_a_connection_that_cannot_be_opened_fails_the_job_and_is_tried_again(
    qtbot: QtBot,
) -> None:
    tries: list[int] = []

    def connect() -> Connection:
        tries.append(1)
        if len(tries) == 1:
            raise OSError("locked")
        return Connection()

    runner: TaskRunner[Connection] = TaskRunner("flakyRunner", connect)
    try:
        errors: list[Exception] = []
        answers: list[str] = []
        runner.submit(lambda _conn: "first", answers.append, errors.append)
        runner.submit(lambda _conn: "second", answers.append, errors.append)
        qtbot.waitUntil(lambda: answers == ["second"])
        assert [str(error) for error in errors] == ["locked"]
    finally:
        runner.shutdown()


def test_progress_comes_back_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner[Connection]
) -> None:
    gui = threading.get_ident()
    steps: list[tuple[int, int, int]] = []

    def job(_conn: Connection, report: Report) -> str:
        for done in range(1, 4):
            report(done, 3)
        return "done"

    with qtbot.waitCallback() as finished:
        runner.submit_reporting(
            job,
            finished,
            pytest.fail,
            lambda done, total: steps.append((done, total, threading.get_ident())),
        )
    finished.assert_called_with("done")
    assert steps == [(1, 3, gui), (2, 3, gui), (3, 3, gui)]


def test_an_answer_for_a_context_that_is_gone_is_dropped(
    qtbot: QtBot, runner: TaskRunner[Connection]
) -> None:
    context = QObject()
    gate = threading.Event()
    answers: list[object] = []
    runner.submit(lambda _conn: gate.wait(10), answers.append, answers.append, context=context)
    Shiboken.delete(context)
    gate.set()
    with qtbot.waitCallback() as after:
        runner.submit(lambda _conn: 2, after, pytest.fail)
    assert answers == []


def test_a_runner_never_waits_for_another(qtbot: QtBot, runner: TaskRunner[Connection]) -> None:
    # Reads and imports have a runner each: a read is answered while an import holds its own.
    importing: TaskRunner[None] = TaskRunner("heldRunner", finish_all=True)
    gate = threading.Event()
    try:
        held: list[object] = []
        importing.submit(lambda _none: gate.wait(10), held.append, held.append)
        with qtbot.waitCallback() as read:
            runner.submit(lambda _conn: "read", read, pytest.fail)
        read.assert_called_with("read")
        assert held == []
    finally:
        gate.set()
        importing.shutdown()


@pytest.mark.parametrize(
    ("finish_all", "ran"), [(False, ["under way"]), (True, ["under way", "next"])]
)
def test_shutdown_finishes_the_job_under_way_and_the_rest_only_when_asked(
    qtbot: QtBot, finish_all: bool, ran: list[str]
) -> None:
    runner: TaskRunner[None] = TaskRunner("stoppingRunner", finish_all=finish_all)
    entered = threading.Event()
    gate = threading.Event()
    done: list[str] = []
    answers: list[object] = []

    def first(_none: None) -> None:
        entered.set()
        gate.wait(10)
        done.append("under way")

    def release_once_shutting_down() -> None:
        # The job under way ends only after shutdown has begun, whatever the scheduling.
        while not runner._closed:
            time.sleep(0.001)
        gate.set()

    runner.submit(first, answers.append, answers.append)
    runner.submit(lambda _none: done.append("next"), answers.append, answers.append)
    assert entered.wait(10)
    releaser = threading.Thread(target=release_once_shutting_down)
    releaser.start()
    runner.shutdown()
    releaser.join()
    assert done == ran
    qtbot.wait(50)
    assert answers == []  # answers still on their way are dropped
    with pytest.raises(RuntimeError):
        runner.submit(lambda _none: None, answers.append, answers.append)


def test_a_runner_that_does_not_keep_its_thread_ends_it_before_answering_and_starts_again(
    qtbot: QtBot, opened: list[Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    start = QThread.start  # the leak guard's, which keeps the thread for its check

    def connect() -> Connection:
        opened.append(Connection())
        return opened[-1]

    runner: TaskRunner[Connection] = TaskRunner("briefRunner", connect, keep_thread=False)
    threads: list[QThread] = []
    monkeypatch.setattr(QThread, "start", lambda thread: (threads.append(thread), start(thread)))
    running: list[bool] = []

    def answer(_result: object) -> None:
        running.append(any(thread.isRunning() for thread in threads))

    for _ in range(2):
        with qtbot.waitCallback() as answered:
            runner.submit(lambda _conn: None, answer, pytest.fail)
            runner.submit(
                lambda _conn: None, lambda result: (answer(result), answered()), pytest.fail
            )
    # Running while a job waits its turn; ended before the last answer is handed on.
    assert running == [True, False, True, False]
    assert len(threads) == 2
    assert len(opened) == 2
    assert all(connection.closed_on is not None for connection in opened)
    runner.shutdown()


@pytest.mark.slow
def test_quitting_waits_for_the_jobs_of_a_runner_that_does_not_keep_its_thread(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        """
        import time
        from PySide6.QtCore import QThread
        from hinge_desktop.ui.tasks import TaskRunner

        def test_quit(qapp, monkeypatch):
            threads = []
            start = QThread.start
            monkeypatch.setattr(QThread, "start", lambda t: (threads.append(t), start(t)))
            runner = TaskRunner("backupTasks", keep_thread=False, finish_all=True)
            done = []
            runner.submit(lambda _: (time.sleep(0.3), done.append(1)), print, print)
            runner.submit(lambda _: done.append(2), print, print)
            qapp.aboutToQuit.emit()
            assert done == [1, 2]
            (thread,) = threads
            assert thread.isFinished()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
