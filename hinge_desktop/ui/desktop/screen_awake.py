"""The screen kept awake while a workout runs: followed from three metres, a set must never end
on a blank or locked screen.

The desktop is asked through its screen saver service (``org.freedesktop.ScreenSaver``), or in
a sandbox through the desktop portal's ``Inhibit`` with the idle flag. The hold is given back on
pause, at the workout's end and when the setting is turned off; if Hinge quits or crashes, the
desktop gives it back itself when Hinge's bus connection ends.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from hinge_desktop import APP_NAME
from hinge_desktop.ui.desktop.bus_calls import BusError, DesktopBus
from hinge_desktop.ui.desktop.session_link import SessionLink

FLATPAK_INFO = Path("/.flatpak-info")
"""Present in a Flatpak sandbox, where the desktop's services are reached through its portal."""


class InhibitRoute(Protocol):
    """One way of asking the desktop not to blank the screen; the calls block (bus thread)."""

    def hold(self, reason: str) -> object:
        """Ask; return what releases the hold."""
        ...

    def release(self, token: object) -> None: ...

    def release_all(self) -> None:
        """Give back every hold given and not yet released."""
        ...


class _Holds:
    """The holds a route was given, kept on the bus lane where its calls run."""

    def __init__(self, link: SessionLink) -> None:
        self._link = link
        self.given: list[object] = []

    def release_all(self) -> None:
        for token in list(self.given):
            self.release(token)

    def release(self, token: object) -> None:  # pragma: no cover - each route has its own
        raise NotImplementedError


class ScreenSaverRoute(_Holds):
    """``org.freedesktop.ScreenSaver``: GNOME, KDE, Xfce, Cinnamon, MATE and others."""

    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"

    def hold(self, reason: str) -> object:
        (cookie,) = self._link.call(
            self.SERVICE, self.PATH, self.SERVICE, "Inhibit", "ss", (APP_NAME, reason)
        )
        self.given.append(cookie)
        return cookie

    def release(self, token: object) -> None:
        self.given.remove(token)
        self._link.call(self.SERVICE, self.PATH, self.SERVICE, "UnInhibit", "u", (token,))


class PortalRoute(_Holds):
    """The desktop portal's ``Inhibit``, for a sandboxed Hinge: held until its request is
    closed."""

    SERVICE = "org.freedesktop.portal.Desktop"
    PATH = "/org/freedesktop/portal/desktop"
    INTERFACE = "org.freedesktop.portal.Inhibit"
    IDLE = 8
    """The flag that keeps the session from going idle (blanking, locking)."""

    def __init__(self, link: SessionLink) -> None:
        super().__init__(link)
        self._tokens = (f"hinge_awake_{n}" for n in itertools.count(1))

    def hold(self, reason: str) -> object:
        options = {"handle_token": ("s", next(self._tokens)), "reason": ("s", reason)}
        (handle,) = self._link.call(
            self.SERVICE, self.PATH, self.INTERFACE, "Inhibit", "sua{sv}", ("", self.IDLE, options)
        )
        self.given.append(str(handle))
        return str(handle)

    def release(self, token: object) -> None:
        self.given.remove(token)
        self._link.call(self.SERVICE, str(token), "org.freedesktop.portal.Request", "Close")


def route_for_this_desktop(link: SessionLink, sandboxed: bool | None = None) -> InhibitRoute:
    if sandboxed is None:
        sandboxed = FLATPAK_INFO.exists()
    return PortalRoute(link) if sandboxed else ScreenSaverRoute(link)


class ScreenAwake(QObject):
    """Holds the screen awake exactly while a workout runs and the setting allows it.

    Calls go one at a time: a pause before the desktop has answered the hold releases it as
    soon as it is given. A desktop that cannot be asked is told about once (``message``), and
    asked again at the next start.
    """

    message = Signal(str)
    held_changed = Signal(bool)

    def __init__(
        self,
        bus: DesktopBus,
        route: InhibitRoute,
        enabled: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._route = route
        self._enabled = enabled
        self._running = False
        self._token: object | None = None
        self._asking = False
        self._refused = False
        self._told = False

    def is_held(self) -> bool:
        return self._token is not None

    def set_running(self, running: bool) -> None:
        """Follow the workout: running (started, not paused, not over) or not."""
        if running and not self._running:
            self._refused = False
        self._running = running
        self._settle()

    def set_enabled(self, enabled: bool) -> None:
        """Follow the setting."""
        self._enabled = enabled
        self._settle()

    def shutdown(self) -> None:
        """Hinge is quitting: every hold given back, one still being asked for included (the
        bus lane makes its calls in order, and the last ones before it ends)."""
        self._running = False
        if self._asking or self._token is not None:
            self._bus.submit(self._route.release_all, lambda _: None, lambda _: None)
        self._asking = True  # nothing more is asked

    def _settle(self) -> None:
        if self._asking:
            return
        wanted = self._running and self._enabled
        if wanted and self._token is None and not self._refused:
            self._asking = True
            reason = self.tr("A workout is running")
            self._bus.submit(lambda: self._route.hold(reason), self._held, self._not_held)
        elif not wanted and self._token is not None:
            self._asking = True
            token = self._token
            self._bus.submit(lambda: self._route.release(token), self._released, self._released)

    def _held(self, token: object) -> None:
        self._asking = False
        self._token = token
        self.held_changed.emit(True)
        self._settle()

    def _not_held(self, error: Exception) -> None:
        self._asking = False
        self._refused = True
        if not self._told:
            self._told = True
            text = str(error)
            if "not provided by any" in text or "ServiceUnknown" in text or "session bus" in text:
                self.message.emit(
                    self.tr(
                        "This desktop offers Hinge no way to keep the screen awake: if it blanks "
                        "during a workout, lengthen its blank time in the desktop's settings."
                    )
                )
            else:
                self.message.emit(
                    self.tr(
                        "The screen may blank during this workout: the desktop did not keep it "
                        "awake ({reason})."
                    ).format(reason=text if isinstance(error, BusError) else repr(error))
                )
        self._settle()

    def _released(self, _answer: object = None) -> None:
        # A release the desktop refused still ends Hinge's part: it lapses when Hinge exits.
        self._asking = False
        self._token = None
        self.held_changed.emit(False)
        self._settle()
