"""Small stand-ins for the desktop's services, run as a process of their own on the tests'
session bus. Each call they receive is printed on stdout as one JSON list, so a test sees what
Hinge asked of the desktop through the real D-Bus protocol:

    python desktop_stand_ins.py screensaver portal notifications

prints ``["ready"]`` once every service's name is taken. Like the desktops they stand in for,
they drop what a caller held when its bus connection ends (a quit, a crash). A line on stdin
acts as the person at the desktop would: ``lock``, ``unlock``, ``invoke ID ACTION`` (a button
of notification ID pressed), ``close ID REASON`` (closed: 1 expired, 2 dismissed), ``dnd-on``
and ``dnd-off`` (do-not-disturb).
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import (
    ClassInfo,
    Property,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Signal,
    Slot,
)
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusServiceWatcher,
)

EXPORT = (
    QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
)


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


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})  # what its signals are sent as
class ScreenSaver(QObject):
    """``org.freedesktop.ScreenSaver``: Inhibit gives a cookie, UnInhibit takes it back;
    GetActive says whether the screen is locked."""

    ActiveChanged = Signal(bool)

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self._next = 1
        self._holds = Holds(bus, "screensaver")
        self._active = False

    def command(self, words: list[str]) -> None:
        if words[0] in ("lock", "unlock"):
            self._active = words[0] == "lock"
            record("screensaver", words[0])
            self.ActiveChanged.emit(self._active)

    @Slot(result=bool)
    def GetActive(self) -> bool:
        return self._active

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
    """The desktop portal: its ``Inhibit`` interface, where each hold is a request object that
    the caller closes, and its ``Background`` interface (start at login)."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self._bus = bus
        self._holds = Holds(bus, "portal")
        self._requests: dict[str, PortalRequest] = {}
        _InhibitAdaptor(self)
        _BackgroundAdaptor(self)

    def inhibit(
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


class Notifications(QObject):
    """``org.freedesktop.Notifications``, as a notification daemon with buttons serves it (its
    methods, signals and the do-not-disturb property on one adaptor)."""

    def __init__(self, bus: QDBusConnection) -> None:
        super().__init__()
        self.adaptor = _NotificationsAdaptor(self)

    def command(self, words: list[str]) -> None:
        adaptor = self.adaptor
        if words[0] in ("dnd-on", "dnd-off"):
            adaptor.inhibited = words[0] == "dnd-on"
            record("notifications", words[0])
        elif words[0] == "invoke":
            adaptor.ActionInvoked.emit(int(words[1]), words[2])
        elif words[0] == "close":
            adaptor.NotificationClosed.emit(int(words[1]), int(words[2]))


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class _NotificationsAdaptor(QDBusAbstractAdaptor):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, owner: Notifications) -> None:
        super().__init__(owner)
        self._next = 1
        self.inhibited = False

    def _get_inhibited(self) -> bool:
        return self.inhibited

    Inhibited = Property(bool, _get_inhibited)
    """Do-not-disturb, as KDE's notification service tells it."""

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        application: str,
        replaces: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, object],
        timeout: int,
    ) -> int:
        number = replaces or self._next
        self._next += 0 if replaces else 1
        shown = {key: str(value) for key, value in hints.items()}
        record("notifications", "Notify", number, application, summary, body, actions, shown)
        return number

    @Slot("uint")
    def CloseNotification(self, number: int) -> None:
        record("notifications", "CloseNotification", number)
        self.NotificationClosed.emit(number, 3)

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"]


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Inhibit"})
class _InhibitAdaptor(QDBusAbstractAdaptor):
    def __init__(self, portal: Portal) -> None:
        super().__init__(portal)
        self._portal = portal

    @Slot(str, "uint", "QVariantMap", QDBusMessage, result=QDBusObjectPath)
    def Inhibit(
        self, window: str, flags: int, options: dict[str, object], message: QDBusMessage
    ) -> QDBusObjectPath:
        return self._portal.inhibit(window, flags, options, message)


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Background"})
class _BackgroundAdaptor(QDBusAbstractAdaptor):
    @Slot(str, "QVariantMap", result=QDBusObjectPath)
    def RequestBackground(self, window: str, options: dict[str, object]) -> QDBusObjectPath:
        commandline = options.get("commandline") or []
        record(
            "portal",
            "RequestBackground",
            bool(options.get("autostart")),
            [str(part) for part in commandline],  # type: ignore[attr-defined]
            options.get("reason"),
        )
        token = options.get("handle_token")
        return QDBusObjectPath(f"/org/freedesktop/portal/desktop/request/x/{token}")


SERVICES = {
    "screensaver": (
        ScreenSaver,
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "org.freedesktop.ScreenSaver",
    ),
    "portal": (
        Portal,
        "/org/freedesktop/portal/desktop",
        "org.freedesktop.portal.Inhibit",
        "org.freedesktop.portal.Desktop",
    ),
    "notifications": (
        Notifications,
        "/org/freedesktop/Notifications",
        "org.freedesktop.Notifications",
        "org.freedesktop.Notifications",
    ),
}


def serve(names: list[str]) -> list[QObject]:
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        sys.exit(f"no session bus: {bus.lastError().message()}")
    served: list[QObject] = []
    for wanted in names:
        if wanted not in SERVICES:
            sys.exit(f"no stand-in is called {wanted!r}")
        kind, path, interface, name = SERVICES[wanted]
        service = kind(bus)
        if wanted in ("portal", "notifications"):  # served by adaptors
            bus.registerObject(path, service, QDBusConnection.RegisterOption.ExportAdaptors)
        else:
            bus.registerObject(path, interface, service, EXPORT)
        bus.registerService(name)
        served.append(service)
    return served


def main() -> None:
    app = QCoreApplication(sys.argv[:1])
    served = serve(sys.argv[1:])

    pending = b""

    def command() -> None:
        nonlocal pending
        data = os.read(0, 4096)
        if not data:  # the test closed its end
            notifier.setEnabled(False)
            return
        pending += data
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            words = line.decode().split()
            for service in served if words else ():
                if hasattr(service, "command"):
                    service.command(words)

    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    record("ready")
    app.exec()


if __name__ == "__main__":
    main()
