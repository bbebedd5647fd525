"""Whether the person can be disturbed: not while the screen is locked (the screen saver says
so); the desktop's own do-not-disturb holds back the notification itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from hinge_desktop.ui.desktop.bus_calls import CALL_TIMEOUT_MS, BusError, DesktopBus

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
            # A plain message: GetActive takes nothing that needs the method's own types.
            call = QDBusMessage.createMethodCall(
                SCREEN_SAVER, SCREEN_SAVER_PATH, SCREEN_SAVER, "GetActive"
            )
            reply = QDBusConnection.sessionBus().call(call, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
            if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
                raise BusError(reply.errorMessage() or "no answer")
            return bool(reply.arguments()[0])

        self._bus.submit(locked, answer, lambda _error: answer(False))
