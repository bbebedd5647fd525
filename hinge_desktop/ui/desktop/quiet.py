"""Whether the person can be disturbed: not while the screen is locked (the screen saver says
so; GNOME's own service where the common one cannot), nor while the desktop's do-not-disturb
is on, where its notification service says so (its ``Inhibited`` property: KDE's does); where
it does not, the service holds our notification back itself; nor while the window in front is
full screen, where the desktop says so (``full_screen.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

from hinge_desktop.ui.desktop.bus_calls import CALL_TIMEOUT_MS, DesktopBus
from hinge_desktop.ui.desktop.full_screen import active_window_is_full_screen

SCREEN_SAVER = "org.freedesktop.ScreenSaver"
SCREEN_SAVER_PATH = "/org/freedesktop/ScreenSaver"
GNOME_SCREEN_SAVER = "org.gnome.ScreenSaver"
GNOME_PATH = "/org/gnome/ScreenSaver"
NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"


class QuietCheck(QObject):
    """Asks the desktop, off the GUI thread, whether its screen is locked now."""

    def __init__(self, bus: DesktopBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus

    def ask(self, answer: Callable[[bool], None]) -> None:
        """``answer(True)`` when the screen is locked, do-not-disturb is on or the window in front
        is full screen; what a desktop cannot say counts as not."""

        def quiet() -> bool:
            return (
                _asked(SCREEN_SAVER, SCREEN_SAVER_PATH, SCREEN_SAVER, "GetActive")
                # GNOME's org.freedesktop.ScreenSaver cannot say: its own service can.
                or _asked(GNOME_SCREEN_SAVER, GNOME_PATH, GNOME_SCREEN_SAVER, "GetActive")
                or _inhibited()
                or active_window_is_full_screen()
            )

        def _inhibited() -> bool:
            return _asked(
                NOTIFICATIONS,
                NOTIFICATIONS_PATH,
                "org.freedesktop.DBus.Properties",
                "Get",
                NOTIFICATIONS,
                "Inhibited",
            )

        self._bus.submit(quiet, answer, lambda _error: answer(False))


def _asked(service: str, path: str, interface: str, method: str, *args: object) -> bool:
    """A yes-or-no question to a desktop service, as plain messages (nothing in them needs the
    method's own types); False when it cannot answer. Blocks: on the bus lane only."""
    call = QDBusMessage.createMethodCall(service, path, interface, method)
    call.setArguments(list(args))
    reply = QDBusConnection.sessionBus().call(call, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return False
    value = reply.arguments()[0]
    if isinstance(value, QDBusVariant):
        value = value.variant()
    return value is True
