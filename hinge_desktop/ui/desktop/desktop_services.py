"""The desktop's services as the rest of Hinge uses them, built once for the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hinge_desktop.ui.desktop.autostart import Autostart, launch_command
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.desktop.media_player import MediaPlayer
from hinge_desktop.ui.desktop.notifications import Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.desktop.running_hinge import RunningHinge
from hinge_desktop.ui.desktop.screen_awake import (
    FLATPAK_INFO,
    ScreenAwake,
    route_for_this_desktop,
)


class DesktopServices(QObject):
    """The screen kept awake while a workout runs (unless the person turned it off), the
    workout as a player of the desktop's media controls, notifications and whether the screen
    is locked, over one lane of calls to the bus."""

    message = Signal(str)

    def __init__(
        self,
        keep_screen_awake: bool = True,
        sandboxed: bool | None = None,
        root: Path | None = None,
        data_dir: Callable[[], Path | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``root``: the data folder, by which a second Hinge finds this one; ``data_dir``
        gives the same when it is not the usual one (the command that starts Hinge at login
        names it), asked only then."""
        super().__init__(parent)
        self._closed = False
        sandboxed = FLATPAK_INFO.exists() if sandboxed is None else sandboxed
        self.bus = DesktopBus(self)
        self.screen_awake = ScreenAwake(
            self.bus,
            route_for_this_desktop(self.bus.link, sandboxed),
            enabled=keep_screen_awake,
            parent=self,
        )
        self.screen_awake.message.connect(self.message)
        self.media = MediaPlayer(self.bus, parent=self)
        self.notifier = Notifier(self.bus, parent=self)
        self.quiet = QuietCheck(self.bus, parent=self)
        self.autostart = Autostart(
            self.bus,
            lambda: launch_command(data_dir() if data_dir else None),
            sandboxed,
            parent=self,
        )
        self.autostart.message.connect(self.message)
        self.running = RunningHinge(self.bus, root, parent=self) if root is not None else None

    def workout_running(self, running: bool) -> None:
        self.screen_awake.set_running(running)

    def keep_screen_awake(self, keep: bool) -> None:
        self.screen_awake.set_enabled(keep)

    def shutdown(self) -> None:
        """Hinge is quitting: give back what the desktop holds for it, then end the bus lane
        (its last calls are made first). Once: a restore ends the old window's services before
        the window itself goes."""
        if self._closed:
            return
        self._closed = True
        self.screen_awake.shutdown()
        self.media.shutdown()
        if self.running is not None:
            self.running.shutdown()
        self.notifier.shutdown()
        self.bus.shutdown()
