"""Pick the voice once, at start: the real one if it works, else a silent one that says why."""

from __future__ import annotations

from pathlib import Path

from hinge_desktop.qt_messages import drop_qt_message
from hinge_desktop.speech.cue_cache import CueCache
from hinge_desktop.speech.exit_guard import qt_messages_to_qt_at_exit
from hinge_desktop.speech.messages import no_sound_message
from hinge_desktop.speech.speaker import SilentSpeaker, Speaker
from hinge_desktop.speech.synthesizer import EngineFactory, Synthesizer, pyttsx3_engine

ENGINE_START_TIMEOUT = 3.0


_QUIET_RULES = "\n".join(
    (
        "qt.multimedia.symbolsresolver=false",
        "qt.multimedia.ffmpeg=false",
        # Its encoder, decoders and file reader: which codec, no hardware decoder, a file
        # whose opening was called off for the next; what fails reaches Hinge as an error.
        "qt.multimedia.ffmpeg.*=false",
        "qt.multimedia.playbackengine.*=false",
    )
)
_NO_SERVER = "PulseAudioService: pa_context_connect() failed"


def quiet_multimedia_logs() -> None:
    """Qt Multimedia reports which audio libraries it looked for and that no sound server
    answered; Hinge tells the person what matters (no sound, and what to do) in its window."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(_QUIET_RULES)
    drop_qt_message(_NO_SERVER)
    # That filter is Python: it must not outlive the interpreter (Qt Multimedia still logs as
    # it unloads, after Python has exited).
    qt_messages_to_qt_at_exit()


def open_speaker(cache_folder: Path, engine_factory: EngineFactory = pyttsx3_engine) -> Speaker:
    """A :class:`VoiceSpeaker` when a speech engine and a sound output work, else silence.

    Waits for the speech engine to start on its own thread (about 30 ms with espeak-ng).
    """
    from PySide6.QtCore import QCoreApplication

    quiet_multimedia_logs()
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        return SilentSpeaker(no_sound_message(str(exc)))
    if QMediaDevices.defaultAudioOutput().isNull():
        return SilentSpeaker(
            no_sound_message(QCoreApplication.translate("Speech", "no sound output was found"))
        )
    synthesizer = Synthesizer(engine_factory)
    synthesizer.wait_ready(ENGINE_START_TIMEOUT)
    problem = synthesizer.problem()
    if problem is not None:
        synthesizer.close()
        return SilentSpeaker(problem)

    from hinge_desktop.speech.audio_engine import AudioEngine
    from hinge_desktop.speech.voice_speaker import VoiceSpeaker

    return VoiceSpeaker(synthesizer, AudioEngine(), CueCache(cache_folder))
