"""Text to speech files with pyttsx3, on one dedicated thread that owns the engine.

pyttsx3's engine must be created and run on a single thread, and ``runAndWait`` blocks, so the
engine never touches the window's thread. Jobs go in through a queue, most urgent first; each
renders one file (several ``save_to_file`` calls before one ``runAndWait`` would write only the
last) and calls back on this thread with the result.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hinge_desktop.speech.exit_guard import close_at_exit
from hinge_desktop.speech.messages import no_engine_message
from hinge_desktop.speech.speaker import VoiceInfo, VoiceSettings

Done = Callable[[Path | None], None]
EngineFactory = Callable[[], Any]


def pyttsx3_engine() -> Any:
    import pyttsx3

    return pyttsx3.init()


RENDER_ATTEMPTS = 2
"""Tries at rendering one cue before it is given up (it is then shown, not said)."""
WAV_HEADER_BYTES = 44
"""A WAV file of this size or less holds no sound."""


@dataclass(order=True)
class _Job:
    priority: int
    order: int
    text: str = field(compare=False)
    settings: VoiceSettings | None = field(compare=False)
    path: Path | None = field(compare=False)
    done: Done = field(compare=False)
    stop: bool = field(default=False, compare=False)
    """For a plain call (no text to render), ``done`` is called with None."""


class Synthesizer:
    """Renders text to WAV files on its own thread with a pyttsx3 engine made there."""

    URGENT = 0
    AHEAD = 1

    def __init__(self, engine_factory: EngineFactory = pyttsx3_engine) -> None:
        self._factory = engine_factory
        self._jobs: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._order = itertools.count()
        self._ready = threading.Event()
        self._problem: str | None = None
        self._voices: list[VoiceInfo] = []
        self._thread = threading.Thread(target=self._run, name="hinge-voice", daemon=True)
        self._thread.start()
        self._forget_at_exit = close_at_exit(self.close)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the engine has started (or failed to); True if it has."""
        return self._ready.wait(timeout)

    def problem(self) -> str | None:
        """None while the engine works (or is still starting); otherwise how to get voice."""
        return self._problem

    def voices(self) -> list[VoiceInfo]:
        return list(self._voices)

    def render(
        self, text: str, settings: VoiceSettings, path: Path, done: Done, *, urgent: bool = False
    ) -> None:
        """Write ``text`` spoken to ``path`` (a WAV file), then call ``done(path)``, or
        ``done(None)`` if it cannot be rendered. ``done`` runs on the engine's thread."""
        priority = self.URGENT if urgent else self.AHEAD
        self._jobs.put(_Job(priority, next(self._order), text, settings, path, done))

    def call(self, action: Callable[[], None], *, urgent: bool = False) -> None:
        """Run ``action`` on the engine's thread, in turn with the renders."""
        priority = self.URGENT if urgent else self.AHEAD
        self._jobs.put(_Job(priority, next(self._order), "", None, None, lambda _: action()))

    def drop_pending(self) -> None:
        """Forget the jobs not started yet (a new workout needs other words)."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job.stop:
                self._jobs.put(job)
                return

    def close(self, timeout: float = 2.0) -> None:
        """Stop the engine's thread after the job under way (at the latest as Python exits)."""
        self._forget_at_exit()
        self.drop_pending()
        self._jobs.put(_Job(self.URGENT, -1, "", None, None, lambda _: None, stop=True))
        self._thread.join(timeout)

    # The engine's thread

    def _run(self) -> None:
        try:
            engine = self._factory()
            self._voices = [
                VoiceInfo(str(v.id), str(v.name), tuple(str(x) for x in (v.languages or ())))
                for v in engine.getProperty("voices") or ()
            ]
        except Exception:  # any failure to start means no voice; say how to get it
            engine = None
            self._problem = no_engine_message()
        self._ready.set()
        current: VoiceSettings | None = None
        while True:
            job = self._jobs.get()
            if job.stop:
                return
            if engine is None or job.settings is None or job.path is None:
                self._report(job, None)
                continue
            try:
                if job.settings != current:
                    # pyttsx3's espeak driver loses the first property change queued after a
                    # runAndWait (measured with 2.99: the next file keeps the old rate), so
                    # each change is made twice.
                    for _ in range(2):
                        if job.settings.voice:
                            engine.setProperty("voice", job.settings.voice)
                        engine.setProperty("rate", job.settings.rate)
                    current = job.settings
                result = self._render(engine, job.text, job.path)
            except Exception:  # one cue that fails is not said; the rest go on
                result = None
            self._report(job, result)

    @staticmethod
    def _report(job: _Job, result: Path | None) -> None:
        """Hand the result on; a callback that fails loses its own cue, never this thread and
        with it every cue still in line."""
        try:
            job.done(result)
        except Exception:
            traceback.print_exc()

    @staticmethod
    def _render(engine: Any, text: str, path: Path) -> Path | None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.wav")
        # On a busy machine pyttsx3's espeak driver can end runAndWait before the file holds
        # any sound (an empty WAV header is left): the cue is rendered once more before it
        # counts as not rendered.
        for _attempt in range(RENDER_ATTEMPTS):
            engine.save_to_file(text, str(partial))
            # pyttsx3 announces every saved file on stdout; keep the person's terminal clean.
            with contextlib.redirect_stdout(io.StringIO()):
                engine.runAndWait()
            if partial.exists() and partial.stat().st_size > WAV_HEADER_BYTES:
                os.replace(partial, path)
                return path
            partial.unlink(missing_ok=True)
        return None
