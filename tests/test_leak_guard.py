"""The leak guard itself: a test that leaves a timer or thread running must fail."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_leaked_qtimer_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        """
        from PySide6.QtCore import QTimer

        def test_leaks(qapp):
            timer = QTimer()
            timer.setObjectName("forgottenTimer")
            timer.start(1000)

        def test_cleans_up(qapp):
            timer = QTimer()
            timer.start(1000)
            timer.stop()
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*Left running when the test ended: QTimer forgottenTimer*"])


@pytest.mark.slow
def test_a_pending_single_shot_and_a_running_thread_fail_the_test(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        """
        from PySide6.QtCore import QThread, QTimer

        def test_pending_single_shot(qapp):
            QTimer.singleShot(5000, lambda: None)

        def test_running_thread(qapp):
            thread = QThread()
            thread.setObjectName("forgottenThread")
            thread.start()
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=2, errors=2)
    result.stdout.fnmatch_lines(["*Left running when the test ended: QTimer*"])
    result.stdout.fnmatch_lines(["*Left running when the test ended: QThread forgottenThread*"])


@pytest.mark.slow
def test_a_task_runner_left_running_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        """
        from hinge_desktop.ui.tasks import TaskRunner

        def test_leaks(qtbot):
            runner = TaskRunner("forgottenRunner")
            with qtbot.waitCallback() as answered:
                runner.submit(lambda _: 1, answered, answered)

        def test_shuts_down(qtbot):
            runner = TaskRunner("stoppedRunner")
            with qtbot.waitCallback() as answered:
                runner.submit(lambda _: 1, answered, answered)
            runner.shutdown()

        def test_ends_when_idle(qtbot):
            runner = TaskRunner("idleRunner", keep_thread=False)
            with qtbot.waitCallback() as answered:
                runner.submit(lambda _: 1, answered, answered)
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        ["*Left running when the test ended: QThread forgottenRunnerThread*"]
    )
