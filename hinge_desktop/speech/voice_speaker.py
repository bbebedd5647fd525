"""The real coach's voice: cues rendered ahead by pyttsx3, played on time by the audio engine."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from hinge_desktop.speech.cue_cache import CueCache
from hinge_desktop.speech.exit_guard import close_at_exit
from hinge_desktop.speech.messages import no_sound_message
from hinge_desktop.speech.missed import (
    MissedCues,
    not_rendered,
    output_not_ready,
    rendered_too_late,
)
from hinge_desktop.speech.mixing import Played
from hinge_desktop.speech.sounds import (
    RATE,
    Samples,
    SoundError,
    beep,
    read_wav,
    trim_leading_silence,
)
from hinge_desktop.speech.speaker import LATE_LIMIT, VoiceInfo, VoiceSettings
from hinge_desktop.speech.synthesizer import Synthesizer

if TYPE_CHECKING:
    # Only named here: the engine is handed in, and its module needs Qt Multimedia.
    from hinge_desktop.speech.audio_engine import AudioEngine

Key = tuple[str, str, int]

RENDER_ROUNDS = 3
"""Times a cue is put in line for rendering (each with the synthesizer's own attempts) before
it is left unsaid; asking for it again (a new workout's ``prepare``) puts it in line once more."""


class VoiceSpeaker:
    """Speaks through a :class:`Synthesizer` and an :class:`AudioEngine`.

    Prepared cues are read from the cache, or rendered into it, on the synthesizer's thread and
    kept in memory, so saying one only hands samples to the audio thread. A cue that is not
    ready is rendered at once, ahead of everything else, and played as soon as it is: if its
    words still hold then (within the late limit, or ending by its ``until``). One that cannot
    be said in time is reported on ``missed`` with the reason.
    """

    def __init__(
        self,
        synthesizer: Synthesizer,
        engine: AudioEngine,
        cache: CueCache,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._synth = synthesizer
        self._engine = engine
        self._cache = cache
        self._clock = clock
        self._settings = VoiceSettings()
        self._lock = threading.Lock()
        self._samples: dict[Key, Samples] = {}
        self._pending: set[Key] = set()
        self._generation = 0
        self._beep = beep()
        self.missed = MissedCues()
        self._failures: dict[Key, int] = {}
        self.on_played: Callable[[str, Played], None] | None = None
        """Called on the audio thread as each cue starts or is dropped (for measurements)."""
        self._forget_at_exit = close_at_exit(self.close)

    # Speaker

    def voice_problem(self) -> str | None:
        problem = self._synth.problem()
        if problem is not None:
            return problem
        engine_problem = self._engine.problem()
        if engine_problem is not None:
            return no_sound_message(engine_problem)
        return None

    def voices(self) -> list[VoiceInfo]:
        return self._synth.voices()

    def configure(self, settings: VoiceSettings) -> None:
        self._settings = settings
        self._engine.set_volume(settings.volume)

    def prepare(self, texts: Iterable[str]) -> None:
        self._engine.wake()
        for text in dict.fromkeys(texts):
            self._ensure(text, self._settings, urgent=False)

    def is_ready(self, text: str) -> bool:
        if not self._engine.is_running():
            return False
        with self._lock:
            return self._key(text, self._settings) in self._samples

    def say_at(self, text: str, at: float, until: float | None = None) -> None:
        settings = self._settings
        key = self._key(text, settings)
        with self._lock:
            samples = self._samples.get(key)
            generation = self._generation
        if samples is not None:
            self._play(text, samples, at, until)
            return

        def when_ready(ready: Samples | None) -> None:
            with self._lock:
                current = generation == self._generation
            if not current:
                return  # stopped meanwhile: not to be said
            if ready is None:
                self.missed.report(text, not_rendered())
            else:
                self._play(text, ready, at, until)

        self._ensure(text, settings, urgent=True, then=when_ready)

    def beep_at(self, at: float) -> None:
        self._play("", self._beep, at, None)

    def output_running(self) -> bool:
        """True when the sound output takes samples, so a cue handed over now is heard on
        time; asking wakes an output resting after a long silence."""
        return self._engine.is_running()

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
        self._engine.stop()

    def close(self) -> None:
        """Stop in order: nothing more is said, the renders stop, then the sound stream."""
        self._forget_at_exit()
        self.stop()
        self._synth.close()
        self._engine.close()

    # Inside

    @staticmethod
    def _key(text: str, settings: VoiceSettings) -> Key:
        return (text, settings.voice, settings.rate)

    def _play(self, text: str, samples: Samples, at: float, until: float | None) -> None:
        """Hand ``samples`` to the engine with the last moment they may start: the late
        limit, or as late as still ends by ``until``."""
        report = self.on_played
        latest = at + LATE_LIMIT
        if until is not None:
            latest = max(latest, until - len(samples) / RATE)
        handed = self._clock()

        def started(played: Played) -> None:
            if report is not None:
                report(text, played)
            if played.dropped and text:
                why = rendered_too_late() if handed > played.latest else output_not_ready()
                self.missed.report(text, why)

        self._engine.play_at(samples, at, started, latest=latest)

    def _ensure(
        self,
        text: str,
        settings: VoiceSettings,
        *,
        urgent: bool,
        then: Callable[[Samples | None], None] | None = None,
    ) -> None:
        """Have ``text`` in memory: from the cache file, or rendered into it."""
        key = self._key(text, settings)
        with self._lock:
            if key in self._samples:
                if then is not None:
                    then(self._samples[key])
                return
            if key in self._pending and then is None:
                return
            self._pending.add(key)
        path = self._cache.path_for(text, settings)

        def loaded(result: Path | None) -> None:
            samples = self._load(result)
            with self._lock:
                self._pending.discard(key)
                if samples is not None:
                    self._samples[key] = samples
                    self._failures.pop(key, None)
                    failures = 0
                else:
                    failures = self._failures[key] = self._failures.get(key, 0) + 1
            if samples is None and failures < RENDER_ROUNDS:
                # Lost to a busy moment of the speech engine: in line again, behind the renders
                # queued meanwhile, rather than never ready.
                self._ensure(text, settings, urgent=urgent, then=then)
            elif then is not None:
                then(samples)

        if path.is_file():
            # Reading a cached file also happens on the synthesizer's thread, never the window's.
            self._synth.call(lambda: loaded(path), urgent=urgent)
        else:
            self._synth.render(text, settings, path, loaded, urgent=urgent)

    @staticmethod
    def _load(path: Path | None) -> Samples | None:
        if path is None:
            return None
        try:
            return trim_leading_silence(read_wav(path))
        except SoundError:
            path.unlink(missing_ok=True)
            return None
