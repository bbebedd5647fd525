"""Small stand-ins for the desktop's services, run as a process of their own on the tests'
session bus. Each call they receive is printed on stdout as one JSON list, so a test sees what
Hinge asked of the desktop through the real D-Bus protocol:

    python desktop_stand_ins.py screensaver portal

prints ``["ready"]`` once every service's name is taken. Like the desktops they stand in for,
they drop what a caller held when its bus connection ends (a quit, a crash).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusServiceWatcher,
)

EXPORT = QDBusConnection.RegisterOption.ExportAllSlots


def record(*fields: object) -> None:
    print(json.dumps(fields), flush=True)


class Holds(QObject):
    """What callers hold, dropped when a caller leaves the bus."""

    def __init__(self, bus: QDBusConnection, kind: str) -> None:
        super().__init__()
        self._kind = kind
        self.held: dict[object, str] = {}
        self._watcher = QDBusServiceWatcher(self)
        self._watcher.setConnection(bus)
        self._watcher.setWatchMode(QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration)
        self._watcher.serviceUnregistered.connect(self._gone)

    def add(self, token: object, caller: str) -> None:
        self.held[token] = caller
        self._watcher.addWatchedService(caller)

    def remove(self, token: object) -> bool:
        return self.held.pop(token, None) is not None

    def _gone(self, caller: str) -> None:
        for token, holder in list(self.held.items()):
            if holder == caller:
                del self.held[token]
                record(self._kind, "dropped", token, caller)


class ScreenSaver(QObject):
    """``org.freedesktop.ScreenSaver``: Inhibit gives a cookie, UnInhibit takes it back."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self._next = 1
        self._holds = Holds(bus, "screensaver")

    @Slot(str, str, QDBusMessage, result="uint")
    def Inhibit(self, application: str, reason: str, message: QDBusMessage) -> int:
        cookie = self._next
        self._next += 1
        self._holds.add(cookie, message.service())
        record("screensaver", "Inhibit", cookie, application, reason, message.service())
        return cookie

    @Slot("uint", QDBusMessage)
    def UnInhibit(self, cookie: int, message: QDBusMessage) -> None:
        known = self._holds.remove(cookie)
        record("screensaver", "UnInhibit", cookie, known, message.service())


class PortalRequest(QObject):
    def __init__(self, portal: Portal, handle: str) -> None:
        super().__init__()
        self._portal = portal
        self._handle = handle

    @Slot()
    def Close(self) -> None:
        self._portal.close(self._handle)


class Portal(QObject):
    """The desktop portal's ``org.freedesktop.portal.Inhibit``: each hold is a request object
    that the caller closes."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self._bus = bus
        self._holds = Holds(bus, "portal")
        self._requests: dict[str, PortalRequest] = {}

    @Slot(str, "uint", "QVariantMap", QDBusMessage, result=QDBusObjectPath)
    def Inhibit(
        self, window: str, flags: int, options: dict[str, object], message: QDBusMessage
    ) -> QDBusObjectPath:
        sender = message.service().lstrip(":").replace(".", "_")
        handle = f"/org/freedesktop/portal/desktop/request/{sender}/{options['handle_token']}"
        request = PortalRequest(self, handle)
        self._requests[handle] = request
        self._bus.registerObject(handle, "org.freedesktop.portal.Request", request, EXPORT)
        self._holds.add(handle, message.service())
        record("portal", "Inhibit", handle, window, flags, options.get("reason"))
        return QDBusObjectPath(handle)

    def close(self, handle: str) -> None:
        known = self._holds.remove(handle)
        self._bus.unregisterObject(handle)
        self._requests.pop(handle, None)
        record("portal", "Close", handle, known)


def serve(names: list[str]) -> list[QObject]:
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        sys.exit(f"no session bus: {bus.lastError().message()}")
    served: list[QObject] = []
    for wanted in names:
        if wanted == "screensaver":
            saver = ScreenSaver(bus)
            bus.registerObject(
                "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", saver, EXPORT
            )
            bus.registerService("org.freedesktop.ScreenSaver")
            served.append(saver)
        elif wanted == "portal":
            portal = Portal(bus)
            bus.registerObject(
                "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Inhibit", portal, EXPORT
            )
            bus.registerService("org.freedesktop.portal.Desktop")
            served.append(portal)
        else:
            sys.exit(f"no stand-in is called {wanted!r}")
    return served


def main() -> None:
    app = QCoreApplication(sys.argv[:1])
    served = serve(sys.argv[1:])
    record("ready")
    app.exec()
    del served


if __name__ == "__main__":
    main()
