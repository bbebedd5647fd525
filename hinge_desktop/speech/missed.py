"""Cues the voice could not say at their moment: reported, so none is lost without a word.

A cue can miss its moment when its words were not rendered yet (a first run, an empty cue
cache), when the sound output was still waking, or when the speech engine failed on it. The
player shows every cue on screen anyway; this says which ones were not heard, and why.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

KEPT = 20
"""How many missed cues are remembered for ``recent()``."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Speech", text)


def rendered_too_late() -> str:
    return _tr("its words were not ready in time")


def output_not_ready() -> str:
    return _tr("the sound output was not ready in time")


def not_rendered() -> str:
    return _tr("the speech engine could not say it")


@dataclass(frozen=True)
class MissedCue:
    text: str
    why: str


class MissedCues(QObject):
    """Emits ``cue_missed(text, why)`` for each cue that was due but not heard.

    ``report`` may be called from any thread; a receiver on the window's thread gets the
    signal there (Qt queues it).
    """

    cue_missed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._recent: deque[MissedCue] = deque(maxlen=KEPT)

    def report(self, text: str, why: str) -> None:
        with self._lock:
            self._recent.append(MissedCue(text, why))
        self.cue_missed.emit(text, why)

    def recent(self) -> list[MissedCue]:
        """The latest missed cues, oldest first."""
        with self._lock:
            return list(self._recent)
