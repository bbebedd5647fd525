"""Closing the window while reminders or nudges are on: Hinge can keep running in the background
for them (asked once, changed later in Settings), its window hidden, found again from the tray or
the application menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.ui.preferences import KEEP_RUNNING, Preferences


class KeepRunning(QObject):
    """Decides what a close of the window does: ``close_to_background()`` returns True when
    Hinge keeps running (the window hidden, or the question asked first)."""

    def __init__(
        self,
        preferences: Preferences,
        window: QWidget,
        companion_on: Callable[[], bool],
        has_tray: Callable[[], bool],
        hide: Callable[[], None],
        quit_now: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._window = window
        self._companion_on = companion_on
        self._has_tray = has_tray
        self._hide = hide
        self._quit_now = quit_now
        self.box: QMessageBox | None = None

    def close_to_background(self) -> bool:
        if not self._companion_on():
            return False
        choice = self._preferences.get(KEEP_RUNNING)
        if choice == "quit":
            return False
        if choice == "keep":
            self._hide()
        else:
            self._ask()
        return True

    def _ask(self) -> None:
        if self.box is not None and self.box.isVisible():
            return
        where = (
            self.tr("Its icon stays in the tray; starting Hinge again also shows this window.")
            if self._has_tray()
            else self.tr("Start Hinge again, as you started it, to see this window again.")
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep Hinge running?"),
            self.tr(
                "Your snack reminders and desk nudges come only while Hinge runs. Keep it "
                "running in the background when you close the window? {where} You can change "
                "this in Settings."
            ).format(where=where),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setObjectName("keepRunningBox")
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepRunningButton")
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        quit_button.setObjectName("quitHingeButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is keep:
                self._preferences.set(KEEP_RUNNING, "keep")
                self._hide()
            elif clicked is quit_button:
                self._preferences.set(KEEP_RUNNING, "quit")
                self._quit_now()

        box.finished.connect(lambda _result: answered())
        self.box = box
        box.open()
