"""One window per training log, found again from the application menu: the Hinge that has a data
folder takes a name on the session bus made from that folder, and a second Hinge started on the
same folder (from the menu, while the first runs in the background) asks it to show its window
instead of refusing to start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import ClassInfo, QObject, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusAbstractAdaptor, QDBusConnection, QDBusMessage

from hinge_desktop import APP_ID
from hinge_desktop.ui.desktop.bus_calls import BusError, DesktopBus

PATH = "/" + APP_ID.replace(".", "/")
INTERFACE = f"{APP_ID}.Window"
SHOW_TIMEOUT_MS = 2000


def folder_bus_name(root: Path) -> str:
    """The bus name of the Hinge that has the data folder ``root``."""
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return f"{APP_ID}.Folder_{digest}"


class RunningHinge(QObject):
    """This Hinge on the bus, for a second one to find: ``show_requested`` when it asks."""

    show_requested = Signal()

    def __init__(self, bus: DesktopBus, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._name = folder_bus_name(root)
        self._registered = False
        _WindowAdaptor(self)
        bus.submit(self._register, self._done, lambda _error: None)

    def shutdown(self) -> None:
        if self._registered:
            self._registered = False
            name = self._name
            self._bus.submit(lambda: _unregister(name), lambda _: None, lambda _: None)

    def _register(self) -> bool:
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            raise BusError("there is no session bus")
        if not bus.registerObject(PATH, self, QDBusConnection.RegisterOption.ExportAdaptors):
            raise BusError(f"{PATH} is taken")
        if not bus.registerService(self._name):
            bus.unregisterObject(PATH)
            raise BusError(f"{self._name} is taken")
        return True

    def _done(self, registered: object) -> None:
        self._registered = bool(registered)


def _unregister(name: str) -> None:
    bus = QDBusConnection.sessionBus()
    bus.unregisterService(name)
    bus.unregisterObject(PATH)


@ClassInfo({"D-Bus Interface": INTERFACE})
class _WindowAdaptor(QDBusAbstractAdaptor):
    def __init__(self, running: RunningHinge) -> None:
        super().__init__(running)
        self._running = running

    @Slot()
    def Show(self) -> None:
        self._running.show_requested.emit()


def show_running_hinge(root: Path) -> bool:
    """Ask the Hinge that has ``root`` to show its window; whether it did. Waits at most
    ``SHOW_TIMEOUT_MS`` (only a Hinge that could not start asks, on its way out)."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    call = QDBusMessage.createMethodCall(folder_bus_name(root), PATH, INTERFACE, "Show")
    reply = bus.call(call, QDBus.CallMode.Block, SHOW_TIMEOUT_MS)
    return reply.type() == QDBusMessage.MessageType.ReplyMessage
