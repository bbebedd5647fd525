"""The whole app in its main window, composed as Hinge composes it at a start, for tests that use
it as a person does: a page object over the window, its views, the log and the data folder.

Tests get one from the ``hinge`` fixture (started and shown) or start one with ``start_hinge``
(see conftest.py), which closes it when the test ends.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.paths import DataPaths
from hinge_desktop.speech.speaker import RecordingSpeaker
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.history.progress_view import ProgressView
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.shell.main_window import MainWindow
from hinge_desktop.ui.shell.wiring import InstalledViews, install_views
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.workout.set_logger import SetLogger

W = TypeVar("W", bound=QWidget)
H = TypeVar("H", bound="HingeWindow")


class HingeWindow:
    """The main window with every view installed on ``store``, speaking to a recording speaker.

    It is built hidden; :meth:`show_window` puts it on screen. :meth:`close` ends it as Hinge
    does when it quits (the views stop reading and listening to the log, the window closes);
    the log itself is closed by whoever opened it. A restore replaces the window with one built
    anew: :meth:`close` closes those too.
    """

    def __init__(self, qtbot: QtBot, paths: DataPaths, store: Store) -> None:
        self.qtbot = qtbot
        self.paths = paths
        self.store = store
        self.speaker = RecordingSpeaker()
        self.preferences = Preferences(paths.settings)
        self._earlier = set(QApplication.topLevelWidgets())
        self.window = MainWindow(self.preferences)
        self._closed = False
        self.views: InstalledViews = install_views(
            self.window, self.preferences, store, paths, self.speaker
        )

    def show_window(self, *, active: bool = False) -> None:
        """Show the window and wait until it is on screen; ``active``: and has the focus."""
        self.window.show()
        if active:
            self.window.activateWindow()
        self.qtbot.waitExposed(self.window)
        if active:
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def show(self, view: str) -> None:
        """Switch the window to ``view`` ("drills", "workout", "history", "settings")."""
        self.window.show_view(view)

    def widget(self, kind: type[W], name: str) -> W:
        """The window's widget of ``kind`` named ``name``; it must be there."""
        found = self.window.findChild(kind, name)
        assert found is not None, name
        return found

    def click(self, name: str) -> None:
        """Click the button named ``name``, which must be there and enabled."""
        button = self.widget(QAbstractButton, name)
        assert button.isEnabled(), name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def show_drill(self, drill_id: str, *, start_anyway: bool = True) -> None:
        """As "Start this drill" does: the drill in the player, the player shown; a drill above
        the person's rung asks first, and is started anyway unless ``start_anyway`` is False."""
        self.views.workout.show_drill(self.views.catalogue.get(drill_id))
        if start_anyway:
            self.start_anyway()
        self.show("workout")

    def start_anyway(self) -> bool:
        """Answer "Start anyway" when Hinge asks before starting above the person's rung;
        returns whether it asked."""
        boxes = [
            box
            for box in QApplication.topLevelWidgets()
            if isinstance(box, QMessageBox)
            and box.objectName() == "aboveRungBox"
            and box.isVisible()
        ]
        for box in boxes:
            button = box.findChild(QPushButton, "startAnywayButton")
            assert button is not None
            button.click()
        return bool(boxes)

    def skip_to(self, kind: StepKind, number: int = 1) -> None:
        """Skip through the workout to the step wanted (as the Skip button does): set or rest
        ``number`` of ``kind``, or the end."""
        workout = self.views.workout
        for _ in range(200):
            timeline = workout.timeline()
            assert timeline is not None
            step = timeline.moment().step
            if step.kind is kind and (kind is StepKind.DONE or step.set_number == number):
                return
            workout.skip()
        raise AssertionError(f"no {kind} {number}")

    def log_first_set(self) -> None:
        """Start the workout in the player, go to its first set and log it, as Start, Skip and
        Log set do."""
        self.click("startPauseButton")
        self.skip_to(StepKind.REPS)
        self.click("logSetButton")

    def close(self) -> None:
        """Quit as Hinge does; a second call does nothing (a test may quit before it ends, to
        start Hinge again on the same data folder)."""
        if self._closed:
            return
        self._closed = True
        for window in set(QApplication.topLevelWidgets()) - self._earlier:
            if isinstance(window, MainWindow) and window is not self.window:
                # Built by a restore, on this log: its views stop as this window's do.
                for progress in window.findChildren(ProgressView):
                    assert progress.wait_until_loaded()
                for log in window.findChildren(SetLogger):
                    log.shutdown()
                for reader in window.findChildren(BackgroundReader):
                    reader.shutdown()
                window.close()
        if Shiboken.isValid(self.window):
            self.views.workout.unload()
        self.views.shutdown()
        if Shiboken.isValid(self.window):
            self.window.close()
            self.window.deleteLater()


class StartHinge:
    """Starts the whole app in its main window on a test's data folder and log (the
    ``start_hinge`` fixture), and closes every window it started when the test ends."""

    def __init__(self, qtbot: QtBot, paths: DataPaths, store: Store) -> None:
        self._qtbot, self._paths, self._store = qtbot, paths, store
        self._started: list[HingeWindow] = []

    def __call__(
        self,
        page: type[H] | None = None,
        *,
        view: str | None = None,
        shown: bool = True,
        active: bool = False,
    ) -> H:
        """A new main window, as a HingeWindow or as ``page``, a HingeWindow with helpers of
        its own; switched to ``view`` if given, then ``shown`` on screen (``active``: with the
        focus)."""
        hinge = (page or HingeWindow)(self._qtbot, self._paths, self._store)
        self._started.append(hinge)
        if view is not None:
            hinge.show(view)
        if shown:
            hinge.show_window(active=active)
        return hinge  # type: ignore[return-value]

    def close_all(self) -> None:
        for hinge in reversed(self._started):
            hinge.close()
