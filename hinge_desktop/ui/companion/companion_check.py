"""What the reminders and the nudges share: while they are on, a look every half minute at
whether something is due, asked with whether the screen is locked (the desktop answers off the
GUI thread) or a workout runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from hinge_desktop.ui.desktop.notifications import Notifier
from hinge_desktop.ui.desktop.quiet import QuietCheck
from hinge_desktop.ui.preferences import Preferences

CHECK_MS = 30_000


def local_now() -> datetime:
    return datetime.now().astimezone().replace(tzinfo=None)


class CompanionCheck(QObject):
    """Calls :meth:`decide` (of a subclass) every half minute while :meth:`enabled` says so,
    with whether the person can be disturbed; stops for good at :meth:`shutdown`."""

    def __init__(
        self,
        name: str,
        preferences: Preferences,
        notifier: Notifier,
        quiet: QuietCheck,
        busy: Callable[[], bool],
        now: Callable[[], datetime],
        parent: QObject | None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._notifier = notifier
        self._quiet = quiet
        self._busy = busy
        self._now = now
        self._asking: bool | None = False
        """A check waits for the desktop's answer; None once shut down."""
        self._timer = QTimer(self)
        self._timer.setObjectName(name)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def enabled(self) -> bool:
        raise NotImplementedError

    def decide(self, now: datetime, quiet: bool) -> None:
        raise NotImplementedError

    def is_on(self) -> bool:
        return self._timer.isActive()

    def check(self) -> None:
        """Look now whether something is due (the timer calls this every half minute)."""
        if self._asking is not False or not self.enabled():
            return
        self._asking = True
        self._quiet.ask(self._answered_quiet)

    def shutdown(self) -> None:
        """Look no more (Hinge is quitting, or a restore replaces the window); once."""
        if self._asking is None:
            return
        self._timer.stop()
        self._asking = None  # an answer still on its way shows nothing

    def follow_setting(self, *, check_now: bool = False) -> None:
        """Look every half minute while on (and at once when just turned on, if asked)."""
        if self._asking is None:
            return  # shut down
        if self.enabled() and not self._timer.isActive():
            self._timer.start()
            if check_now:
                QTimer.singleShot(0, self, self.check)
        elif not self.enabled():
            self._timer.stop()

    def _answered_quiet(self, locked: bool) -> None:
        if self._asking is not True:
            return
        self._asking = False
        self.decide(self._now(), locked or self._busy())
