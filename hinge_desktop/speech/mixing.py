"""The sounds waiting or playing, mixed into the samples of one stream at the moment each is due.

Apart from the audio stream itself (``audio_engine.py``, which needs Qt Multimedia and a sound
library), so that what is mixed, and when, can be used and tested anywhere.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from hinge_desktop.speech.sounds import RATE, Samples
from hinge_desktop.speech.speaker import LATE_LIMIT


@dataclass
class Played:
    """What happened to one sound: when it was due and when it was placed to be heard.

    ``latest`` is the last moment it may start: past that it is dropped, never heard late.
    """

    due: float
    latest: float
    heard: float | None = None
    dropped: bool = False


@dataclass
class _Sound:
    samples: Samples
    report: Played
    position: int = -1
    on_start: Callable[[Played], None] | None = field(default=None, repr=False)


class Mix:
    """The sounds waiting or playing; shared between the caller's thread and the audio thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sounds: list[_Sound] = []
        self.volume = 1.0
        self.last_sound = time.monotonic()
        self.running = False
        """True once the sound server is taking samples (it takes up to a second to start)."""

    def add(
        self,
        samples: Samples,
        due: float,
        latest: float | None = None,
        on_start: Callable[[Played], None] | None = None,
    ) -> Played:
        """Queue a sound for ``due``; it may start late, but no later than ``latest``
        (``due`` + LATE_LIMIT unless given)."""
        report = Played(due, due + LATE_LIMIT if latest is None else max(latest, due))
        with self.lock:
            self.sounds.append(_Sound(samples, report, on_start=on_start))
            self.last_sound = time.monotonic()
        return report

    def frames(self, count: int, first_heard: float) -> Samples:
        """The next ``count`` samples, the first of which will be heard at ``first_heard``."""
        mix = np.zeros(count, dtype=np.float64)
        started: list[_Sound] = []
        with self.lock:
            keep: list[_Sound] = []
            for sound in self.sounds:
                offset = 0
                if sound.position < 0:
                    offset = round((sound.report.due - first_heard) * RATE)
                    if offset >= count:
                        keep.append(sound)
                        continue
                    if offset < 0:
                        if first_heard > sound.report.latest:
                            sound.report.dropped = True
                            started.append(sound)
                            continue
                        offset = 0
                    sound.position = 0
                    sound.report.heard = first_heard + offset / RATE
                    started.append(sound)
                chunk = sound.samples[sound.position : sound.position + count - offset]
                mix[offset : offset + len(chunk)] += chunk
                sound.position += len(chunk)
                if sound.position < len(sound.samples):
                    keep.append(sound)
            self.sounds = keep
            volume = self.volume
            if keep or started:
                self.last_sound = time.monotonic()
        for sound in started:
            if sound.on_start is not None:
                sound.on_start(sound.report)
        mixed: Samples = np.clip(np.rint(mix * volume), -32768, 32767).astype(np.int16)
        return mixed
