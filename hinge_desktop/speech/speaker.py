"""What the player needs from a voice, and the two simple voices: silent and recording.

Times are ``time.monotonic()`` seconds, the clock the workout runs on. The player hands each
cue over shortly before it is due; the speaker plays it at that moment. A cue that cannot start
then (its words not rendered yet, the sound output still waking) starts as soon as it can while
its words still hold: within ``LATE_LIMIT`` seconds, or later if the player says until when the
words are true (``until``). A cue that misses even that is reported on ``missed``, never lost
without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from hinge_desktop.speech.missed import MissedCues

LATE_LIMIT = 0.3
"""A cue that would start later than this after its moment is dropped: late words mislead."""


@dataclass(frozen=True)
class VoiceSettings:
    """How the coach speaks. ``voice`` is a pyttsx3 voice id; empty means the engine's default."""

    voice: str = ""
    rate: int = 170
    volume: float = 1.0


@dataclass(frozen=True)
class VoiceInfo:
    """One voice the speech engine offers."""

    id: str
    name: str
    languages: tuple[str, ...] = ()


class Speaker(Protocol):
    missed: MissedCues
    """Reports each cue that was due but could not be heard, and why."""

    def voice_problem(self) -> str | None:
        """None while cues can be heard; otherwise what is wrong and how to get voice."""
        ...

    def voices(self) -> list[VoiceInfo]:
        """The voices to choose from (none without a speech engine)."""
        ...

    def configure(self, settings: VoiceSettings) -> None:
        """Use this voice, rate and volume for what is prepared and said from now on."""
        ...

    def prepare(self, texts: Iterable[str]) -> None:
        """Render these texts ahead, in the background, so that saying them starts at once."""
        ...

    def is_ready(self, text: str) -> bool:
        """True when ``text`` is rendered and would start on time."""
        ...

    def say_at(self, text: str, at: float, until: float | None = None) -> None:
        """Say ``text`` at monotonic time ``at``, or as soon as it can after that: within
        LATE_LIMIT, or so that it ends by ``until`` when given (the moment the words stop
        being true). What cannot be said in time is reported on ``missed``."""
        ...

    def beep_at(self, at: float) -> None:
        """A short beep at ``at``: the countdown when words would come too late."""
        ...

    def stop(self) -> None:
        """Silence at once: what is playing stops and nothing handed over is said."""
        ...

    def close(self) -> None:
        """Stop the workers; the speaker is not used again."""
        ...


class SilentSpeaker:
    """No voice at all: the app shows each cue as text and says how to get voice."""

    def __init__(self, problem: str) -> None:
        self._problem = problem
        self.missed = MissedCues()

    def voice_problem(self) -> str | None:
        return self._problem

    def voices(self) -> list[VoiceInfo]:
        return []

    def configure(self, settings: VoiceSettings) -> None:
        pass

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def is_ready(self, text: str) -> bool:
        return False

    def say_at(self, text: str, at: float, until: float | None = None) -> None:
        pass

    def beep_at(self, at: float) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class Said:
    text: str
    at: float
    until: float | None = None


class RecordingSpeaker:
    """A speaker for tests: remembers what it was asked to say and when; every text is ready."""

    BEEP = "<beep>"

    def __init__(self, problem: str | None = None) -> None:
        self.said: list[Said] = []
        self.prepared: list[str] = []
        self.settings = VoiceSettings()
        self.stops = 0
        self.closed = False
        self._problem = problem
        self.missed = MissedCues()

    def voice_problem(self) -> str | None:
        return self._problem

    def voices(self) -> list[VoiceInfo]:
        return [VoiceInfo("en", "English"), VoiceInfo("en-gb-scotland", "English (Scotland)")]

    def configure(self, settings: VoiceSettings) -> None:
        self.settings = settings

    def prepare(self, texts: Iterable[str]) -> None:
        self.prepared.extend(texts)

    def is_ready(self, text: str) -> bool:
        return self._problem is None

    def say_at(self, text: str, at: float, until: float | None = None) -> None:
        self.said.append(Said(text, at, until))

    def beep_at(self, at: float) -> None:
        self.said.append(Said(self.BEEP, at))

    def stop(self) -> None:
        self.stops += 1

    def close(self) -> None:
        self.closed = True

    def texts(self) -> list[str]:
        return [s.text for s in self.said]
