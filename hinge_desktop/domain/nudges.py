"""Desk nudges: one quiet line from the articles now and then during working hours ("squeeze
your butt throughout the day", source 000), never nagging.

A nudge is due every ``every`` minutes from the start of the working hours to their end, on the
desk days. One that comes while the person cannot be disturbed is not held back: it is let go,
and the next comes at its own time. None is replayed after Hinge was closed or the computer
slept. The cues turn in order, so the same one does not come twice in a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hinge_desktop.domain.snacks import WORKING_WEEK

MIN_EVERY, MAX_EVERY = 30, 90
"""Minutes between nudges: at most twice an hour, at least every hour and a half."""

CUES = (
    (
        "Squeeze your glutes a moment, without leaning back. If you tend to clench them, "
        "hinge once instead.",
        "000_f0d8267c270ae285.txt",
    ),
    ("Picking something up? Hinge: hips back, back flat, knees soft.", "004_dee04668fea2a83d.txt"),
    (
        "Hinge once with your hands on your glutes and let them lengthen into your hands, "
        "hip flexors relaxed.",
        "004_dee04668fea2a83d.txt",
    ),
)
"""The nudges' words, each with the article it comes from (``domain/sources.py``): squeezing
the glutes through the day, without leaning back (000), and for those who clench, hinging with
the glutes lengthening instead (004); the hinge as picking something up (004), with the back
flat as every article asks; the glutes lengthening into the hands and the hip flexors relaxed,
practised a few times a day (004)."""


@dataclass(frozen=True)
class NudgeSettings:
    enabled: bool = False
    days: frozenset[int] = WORKING_WEEK
    start: time = time(9, 0)
    end: time = time(17, 0)
    every: int = 60
    """Minutes between nudges, kept within :data:`MIN_EVERY` to :data:`MAX_EVERY`."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "every", max(MIN_EVERY, min(MAX_EVERY, self.every)))


@dataclass
class NudgeSchedule:
    """Ask :meth:`due` now and then; it says when a nudge should be shown."""

    settings: NudgeSettings
    _next: datetime | None = None
    _day: date | None = None
    shown_today: int = 0
    _turn: int = 0

    def due(self, now: datetime, *, quiet: bool = False) -> str | None:
        """The cue to show now, or None; ``now`` is local."""
        now = now.replace(tzinfo=None)
        settings = self.settings
        if self._day != now.date():
            self._day, self.shown_today, self._next = now.date(), 0, None
        if not settings.enabled or now.isoweekday() not in settings.days:
            return None
        start = datetime.combine(now.date(), settings.start)
        end = datetime.combine(now.date(), settings.end)
        step = timedelta(minutes=settings.every)
        if self._next is None:
            self._next = start + step
        if now < self._next or now > end:
            return None
        # Past one or more nudge times: the next comes at its own time after now, never a burst.
        late = now - self._next
        self._next += step * (late // step + 1)
        if quiet or late > step / 2:
            return None  # let go: a locked screen, a call, or Hinge was closed
        self.shown_today += 1
        cue = CUES[self._turn % len(CUES)][0]
        self._turn += 1
        return cue

    def resume(self, day: date, shown: int) -> None:
        """Carry on a day already under way (Hinge started again): ``shown`` nudges so far."""
        self._day, self.shown_today = day, shown

    def change_settings(self, settings: NudgeSettings) -> None:
        self.settings = settings
        self._next = None


def write_nudge_record(day: date, count: int) -> str:
    """How many nudges came on ``day``, as kept in the settings: "2026-12-07|3"."""
    return f"{day.isoformat()}|{count}"


def nudges_on(text: str, day: date) -> int:
    """How many nudges came on ``day``, from the kept record (0 for another day's)."""
    kept, _, count = text.partition("|")
    return int(count) if kept == day.isoformat() and count.isdigit() else 0
