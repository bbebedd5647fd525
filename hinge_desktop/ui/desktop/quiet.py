"""Whether the person can be disturbed: not while the screen is locked (the screen saver says
so); the desktop's own do-not-disturb holds back the notification itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from hinge_desktop.ui.desktop.bus_calls import DesktopBus, call_method

SCREEN_SAVER = "org.freedesktop.ScreenSaver"
SCREEN_SAVER_PATH = "/org/freedesktop/ScreenSaver"


class QuietCheck(QObject):
    """Asks the desktop, off the GUI thread, whether its screen is locked now."""

    def __init__(self, bus: DesktopBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus

    def ask(self, answer: Callable[[bool], None]) -> None:
        """``answer(True)`` when the screen is locked; a desktop that cannot say is not."""

        def locked() -> bool:
            return bool(
                call_method(
                    SCREEN_SAVER, SCREEN_SAVER_PATH, SCREEN_SAVER, "GetActive", returns="bool"
                )
            )

        self._bus.submit(locked, answer, lambda _error: answer(False))
