"""The coach's voice: rendering with the real espeak-ng, the cue cache, timing and fallbacks."""

from __future__ import annotations

import threading
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from system_tools import missing

from hinge_desktop.speech.choose import open_speaker
from hinge_desktop.speech.cue_cache import CueCache
from hinge_desktop.speech.mixing import Mix, Played
from hinge_desktop.speech.sounds import (
    RATE,
    SoundError,
    beep,
    loudness,
    read_wav,
    trim_leading_silence,
)
from hinge_desktop.speech.speaker import LATE_LIMIT, SilentSpeaker, VoiceSettings
from hinge_desktop.speech.synthesizer import Synthesizer
from hinge_desktop.speech.voice_speaker import RENDER_ROUNDS, VoiceSpeaker


def render(synthesizer: Synthesizer, text: str, path: Path, settings: VoiceSettings) -> Path | None:
    done = threading.Event()
    result: list[Path | None] = []

    def finished(path: Path | None) -> None:
        result.append(path)
        done.set()

    synthesizer.render(text, settings, path, finished)
    assert done.wait(20), "the speech engine did not answer"
    return result[0]


@pytest.fixture
def espeak() -> Any:
    synthesizer = Synthesizer()
    synthesizer.wait_ready(10)
    if synthesizer.problem() is not None:
        synthesizer.close()
        missing("pyttsx3 cannot start espeak-ng here (Debian package espeak-ng)")
    yield synthesizer
    synthesizer.close()


def test_espeak_ng_renders_a_cue_that_is_heard_and_as_long_as_words_take(
    espeak: Synthesizer, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    short = render(espeak, "hips back", tmp_path / "short.wav", VoiceSettings())
    long = render(
        espeak,
        "get ready: kettlebell deadlift, 3 sets of 8",
        tmp_path / "long.wav",
        VoiceSettings(),
    )
    assert short is not None
    assert long is not None
    with wave.open(str(short)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
    short_samples, long_samples = read_wav(short), read_wav(long)
    # Two words take well under two seconds; a long sentence takes longer, but not forever.
    assert 0.3 < len(short_samples) / RATE < 2.0
    assert len(short_samples) * 1.8 < len(long_samples) < 10 * RATE
    assert loudness(short_samples) > 0.02
    assert loudness(long_samples) > 0.02
    # pyttsx3 prints "Audio saved to ..." for each file; the person's terminal stays clean.
    assert "Audio saved" not in capfd.readouterr().out
    # Each file is written under a temporary name and moved in place: no leftovers.
    assert sorted(p.name for p in tmp_path.glob("*.wav")) == ["long.wav", "short.wav"]


def test_a_faster_rate_says_the_same_words_in_less_time(
    espeak: Synthesizer, tmp_path: Path
) -> None:
    slow = render(espeak, "squeeze the glutes", tmp_path / "slow.wav", VoiceSettings(rate=120))
    fast = render(espeak, "squeeze the glutes", tmp_path / "fast.wav", VoiceSettings(rate=280))
    assert slow is not None
    assert fast is not None
    assert len(read_wav(fast)) < 0.75 * len(read_wav(slow))


def test_every_voice_the_engine_lists_has_an_id_and_a_name(espeak: Synthesizer) -> None:
    voices = espeak.voices()
    assert voices
    assert all(v.id and v.name for v in voices)


def test_when_pyttsx3_init_raises_the_app_gets_a_silent_voice_that_says_how_to_get_one(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyttsx3

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("could not initialize espeak")

    monkeypatch.setattr(pyttsx3, "init", broken)
    speaker = open_speaker(tmp_path / "cue-cache")
    try:
        assert isinstance(speaker, SilentSpeaker)
        problem = speaker.voice_problem()
        assert problem is not None
        assert "shown but not spoken" in problem
        speaker.say_at("hips back", 0.0)  # nothing to hear, nothing raised
        assert speaker.voices() == []
    finally:
        speaker.close()
    assert not (tmp_path / "cue-cache").exists()


def test_a_synthesizer_without_an_engine_explains_how_to_install_one() -> None:
    def broken() -> object:
        raise RuntimeError("could not initialize espeak")

    synthesizer = Synthesizer(broken)
    assert synthesizer.wait_ready(5)
    problem = synthesizer.problem()
    synthesizer.close()
    assert problem is not None
    assert "sudo apt install espeak-ng" in problem


def test_the_cache_keys_by_text_voice_and_rate_but_not_volume(tmp_path: Path) -> None:
    cache = CueCache(tmp_path)
    plain = cache.path_for("hips back", VoiceSettings())
    assert plain == cache.path_for("hips back", VoiceSettings(volume=0.3))
    assert plain != cache.path_for("hips back", VoiceSettings(rate=200))
    assert plain != cache.path_for("hips back", VoiceSettings(voice="gmw/en-gb-scotland"))
    assert plain != cache.path_for("hips forward", VoiceSettings())
    assert plain.parent == tmp_path
    assert plain.suffix == ".wav"


# The engine's mix, with no sound device: placement, lateness and stopping.


def tone(seconds: float) -> np.ndarray:
    return np.full(round(seconds * RATE), 1000, dtype=np.int16)


def test_a_sound_is_placed_at_the_sample_heard_at_its_moment() -> None:
    mix = Mix()
    started: list[Played] = []
    mix.sounds.append(_sound(tone(0.05), due=10.010, started=started))
    out = mix.frames(RATE // 10, first_heard=10.0)  # 100 ms from t = 10.000 s
    first = int(np.flatnonzero(out)[0])
    assert first == round(0.010 * RATE)
    assert len(np.flatnonzero(out)) == len(tone(0.05))
    assert started[0].heard == pytest.approx(10.010, abs=1 / RATE)


def test_a_sound_due_later_waits_and_a_long_one_carries_on_in_the_next_frames() -> None:
    mix = Mix()
    mix.sounds.append(_sound(tone(0.2), due=10.15))
    assert not mix.frames(RATE // 10, first_heard=10.0).any()
    second = mix.frames(RATE // 10, first_heard=10.1)
    third = mix.frames(RATE // 10, first_heard=10.2)
    assert np.count_nonzero(second) == round(0.05 * RATE)
    assert np.count_nonzero(third) == RATE // 10
    assert mix.sounds  # 50 ms of it still to play


def test_a_little_late_starts_now_but_too_late_is_dropped() -> None:
    mix = Mix()
    reports: list[Played] = []
    mix.sounds.append(_sound(tone(0.05), due=9.9, started=reports))
    mix.sounds.append(_sound(tone(0.05), due=10.0 - LATE_LIMIT - 0.05, started=reports))
    out = mix.frames(RATE // 10, first_heard=10.0)
    assert np.count_nonzero(out) == len(tone(0.05))
    assert out[0] != 0
    late, dropped = sorted(reports, key=lambda r: r.due, reverse=True)
    assert late.heard == 10.0
    assert not late.dropped
    assert dropped.dropped
    assert dropped.heard is None


def test_volume_scales_what_is_heard() -> None:
    mix = Mix()
    mix.volume = 0.5
    mix.sounds.append(_sound(tone(0.05), due=10.0))
    assert mix.frames(RATE // 10, first_heard=10.0).max() == 500


def test_the_silence_before_the_first_word_is_trimmed_so_the_cue_starts_on_time() -> None:
    samples = np.concatenate([np.zeros(400, np.int16), np.full(10, 3), tone(0.1)])
    trimmed = trim_leading_silence(samples)
    assert len(samples) - len(trimmed) == 400 + 10 - round(0.002 * RATE)
    assert trim_leading_silence(np.zeros(50, np.int16)).size == 50


def test_a_beep_is_short_and_soft_edged() -> None:
    samples = beep()
    assert 0.05 < len(samples) / RATE < 0.3
    assert abs(int(samples[0])) < 200
    assert abs(int(samples[-1])) < 200
    assert loudness(samples) > 0.1


def _sound(
    samples: np.ndarray,
    due: float,
    started: list[Played] | None = None,
    latest: float | None = None,
) -> Any:
    from hinge_desktop.speech.mixing import _Sound

    report = Played(due, due + LATE_LIMIT if latest is None else latest)
    return _Sound(samples, report, on_start=started.append if started is not None else None)


# The speaker, with a stand-in engine that writes a tone, and an engine that records.


class ToneEngine:
    """Stands in for pyttsx3: "renders" each text as a tone whose length follows the text."""

    def __init__(self) -> None:
        self.rendered: list[str] = []
        self._job: tuple[str, str] | None = None

    def getProperty(self, name: str) -> list[object]:
        return []

    def setProperty(self, name: str, value: object) -> None:
        pass

    def save_to_file(self, text: str, path: str) -> None:
        self._job = (text, path)

    def runAndWait(self) -> None:
        assert self._job is not None
        text, path = self._job
        self.rendered.append(text)
        with wave.open(path, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(tone(0.05 * len(text)).tobytes())


class EarlyEngine(ToneEngine):
    """Like pyttsx3's espeak driver on a busy machine: ``runAndWait`` returns, the first
    ``empty`` times, with only the WAV header written."""

    def __init__(self, empty: int) -> None:
        super().__init__()
        self.empty = empty

    def runAndWait(self) -> None:
        if self.empty > 0:
            self.empty -= 1
            assert self._job is not None
            with wave.open(self._job[1], "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(RATE)
            return
        super().runAndWait()


def test_a_cue_left_empty_by_an_early_engine_is_rendered_once_more(tmp_path: Path) -> None:
    engine = EarlyEngine(empty=1)
    synthesizer = Synthesizer(lambda: engine)  # type: ignore[arg-type, return-value]
    try:
        rendered = render(synthesizer, "hips back", tmp_path / "cue.wav", VoiceSettings())
    finally:
        synthesizer.close()
    assert rendered == tmp_path / "cue.wav"
    assert engine.rendered == ["hips back"]
    assert loudness(read_wav(rendered)) > 0.02
    assert [p.name for p in tmp_path.glob("*.wav")] == ["cue.wav"]


def test_a_cue_the_engine_never_fills_is_not_rendered_and_leaves_no_file(tmp_path: Path) -> None:
    engine = EarlyEngine(empty=5)
    synthesizer = Synthesizer(lambda: engine)  # type: ignore[arg-type, return-value]
    try:
        rendered = render(synthesizer, "hips back", tmp_path / "cue.wav", VoiceSettings())
    finally:
        synthesizer.close()
    assert rendered is None
    assert engine.empty == 3  # tried twice, then given up
    assert list(tmp_path.glob("*.wav")) == []


class RecordingEngine:
    def __init__(self) -> None:
        self.played: list[tuple[int, float]] = []
        self.latest: list[float] = []
        self.woken = 0
        self.stops = 0
        self.volume = 1.0
        self.event = threading.Event()

    def problem(self) -> str | None:
        return None

    def is_running(self) -> bool:
        return True

    def wake(self) -> None:
        self.woken += 1

    def play_at(
        self,
        samples: np.ndarray,
        due: float,
        on_start: Any = None,
        *,
        latest: float | None = None,
    ) -> Played:
        report = Played(due, due + LATE_LIMIT if latest is None else latest)
        self.played.append((len(samples), due))
        self.latest.append(report.latest)
        self.event.set()
        return report

    def stop(self) -> None:
        self.stops += 1

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def close(self) -> None:
        pass


@pytest.fixture
def speaker(tmp_path: Path) -> Any:
    engine = ToneEngine()
    voice = VoiceSpeaker(Synthesizer(lambda: engine), RecordingEngine(), CueCache(tmp_path))  # type: ignore[arg-type]
    voice.tone_engine = engine  # type: ignore[attr-defined]
    yield voice
    voice.close()


def wait_until(condition: Any, timeout: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_prepared_cues_are_rendered_once_into_the_cache_then_ready(
    speaker: Any, tmp_path: Path
) -> None:
    speaker.prepare(["hips back", "squeeze the glutes", "hips back"])
    wait_until(lambda: speaker.is_ready("hips back") and speaker.is_ready("squeeze the glutes"))
    assert speaker.tone_engine.rendered == ["hips back", "squeeze the glutes"]
    assert len(list(tmp_path.glob("*.wav"))) == 2
    speaker.say_at("hips back", 42.0)
    assert speaker._engine.played == [(len(tone(0.05 * 9)), 42.0)]


def test_a_cue_rendered_before_is_read_from_the_cache_not_rendered_again(
    tmp_path: Path,
) -> None:
    engines = [ToneEngine(), ToneEngine()]
    for engine in engines:
        voice = VoiceSpeaker(Synthesizer(lambda e=engine: e), RecordingEngine(), CueCache(tmp_path))  # type: ignore[arg-type]
        voice.prepare(["hips back"])
        wait_until(lambda v=voice: v.is_ready("hips back"))
        voice.close()
    assert engines[0].rendered == ["hips back"]
    assert engines[1].rendered == []


def test_a_cue_not_ready_is_rendered_at_once_and_played_for_its_moment(speaker: Any) -> None:
    speaker.say_at("soft knees", 7.5)
    assert speaker._engine.event.wait(10)
    assert speaker._engine.played == [(len(tone(0.05 * 10)), 7.5)]


def test_stop_silences_the_engine_and_cancels_a_cue_still_being_rendered(speaker: Any) -> None:
    gate = threading.Event()
    speaker._synth.call(gate.wait)  # hold the engine's thread busy
    speaker.say_at("soft knees", 7.5)
    speaker.stop()
    gate.set()
    speaker.prepare(["marker"])
    wait_until(lambda: speaker.is_ready("marker"))
    assert speaker._engine.played == []
    assert speaker._engine.stops == 1


def test_volume_goes_to_the_engine_and_a_new_rate_renders_anew(speaker: Any) -> None:
    speaker.prepare(["hips back"])
    wait_until(lambda: speaker.is_ready("hips back"))
    speaker.configure(VoiceSettings(rate=220, volume=0.4))
    assert speaker._engine.volume == 0.4
    assert not speaker.is_ready("hips back")
    speaker.prepare(["hips back"])
    wait_until(lambda: speaker.is_ready("hips back"))
    assert speaker.tone_engine.rendered == ["hips back", "hips back"]


def test_a_sound_allowed_to_start_late_starts_at_once_until_its_latest_moment() -> None:
    mix = Mix()
    reports: list[Played] = []
    mix.sounds.append(_sound(tone(0.05), due=9.0, started=reports, latest=10.5))
    mix.sounds.append(_sound(tone(0.05), due=8.0, started=reports, latest=9.9))
    out = mix.frames(RATE // 10, first_heard=10.0)  # the stream wakes a second late
    assert out[0] != 0
    assert np.count_nonzero(out) == len(tone(0.05))
    still, gone = sorted(reports, key=lambda r: r.due, reverse=True)
    assert still.heard == 10.0
    assert not still.dropped
    assert gone.dropped


# A cue that is not ready at its moment: said when it can be while its words hold, else reported.


class MixEngine(RecordingEngine):
    """The engine's own mix without a sound device: the test says when the stream plays."""

    def __init__(self) -> None:
        super().__init__()
        self.mix = Mix()

    def play_at(
        self,
        samples: np.ndarray,
        due: float,
        on_start: Any = None,
        *,
        latest: float | None = None,
    ) -> Played:
        report = self.mix.add(samples, due, latest, on_start)
        super().play_at(samples, due, latest=report.latest)
        return report


GET_READY = "Get ready: Kettlebell deadlift, 3 sets of 8"


@pytest.fixture
def late_speaker(tmp_path: Path) -> Any:
    """A voice whose engine thread is held busy (a first run rendering the whole cache) and
    whose clock says 100.5: half a second after the cues below are due."""
    engine = MixEngine()
    voice = VoiceSpeaker(
        Synthesizer(lambda: ToneEngine()),  # type: ignore[arg-type, return-value]
        engine,  # type: ignore[arg-type]
        CueCache(tmp_path),
        clock=lambda: 100.5,
    )
    gate = threading.Event()
    voice._synth.call(gate.wait)
    voice.gate = gate  # type: ignore[attr-defined]
    yield voice
    gate.set()
    voice.close()


def test_a_cue_rendered_after_its_moment_is_said_at_once_while_its_words_still_hold(
    late_speaker: Any,
) -> None:
    late_speaker.say_at(GET_READY, 100.0, until=107.0)
    late_speaker.say_at("hips back", 100.0)
    late_speaker.gate.set()
    wait_until(lambda: len(late_speaker._engine.played) == 2)
    missed: list[tuple[str, str]] = []
    late_speaker.missed.cue_missed.connect(lambda text, why: missed.append((text, why)))
    out = late_speaker._engine.mix.frames(RATE // 10, first_heard=100.6)
    # "Get ready" starts now, 0.6 s late: it still ends well before its countdown at 107.
    assert np.count_nonzero(out) == RATE // 10
    get_ready_length = len(tone(0.05 * len(GET_READY))) / RATE
    assert late_speaker._engine.latest[0] == pytest.approx(107.0 - get_ready_length)
    # "Hips back" holds only for its moment: not said 0.6 s late, and reported, not lost.
    assert missed == [("hips back", "its words were not ready in time")]
    assert [m.text for m in late_speaker.missed.recent()] == ["hips back"]


def test_a_cue_whose_words_cannot_end_in_time_is_reported_not_said(late_speaker: Any) -> None:
    late_speaker.say_at(GET_READY, 100.0, until=101.0)
    late_speaker.gate.set()
    wait_until(lambda: late_speaker._engine.played)
    out = late_speaker._engine.mix.frames(RATE // 10, first_heard=100.6)
    assert not out.any()
    assert [(m.text, m.why) for m in late_speaker.missed.recent()] == [
        (GET_READY, "its words were not ready in time")
    ]


def test_a_cue_handed_in_time_but_kept_waiting_by_the_sound_output_is_reported(
    speaker: Any,
) -> None:
    mix_engine = MixEngine()
    speaker._engine = mix_engine
    speaker.prepare(["hips back"])
    wait_until(lambda: speaker.is_ready("hips back"))
    speaker.say_at("hips back", speaker._clock() + 0.05)
    mix_engine.mix.frames(RATE // 10, first_heard=speaker._clock() + 2.0)  # output woke late
    assert [(m.text, m.why) for m in speaker.missed.recent()] == [
        ("hips back", "the sound output was not ready in time")
    ]


def test_a_cue_the_engine_cannot_render_is_reported(tmp_path: Path) -> None:
    voice = VoiceSpeaker(
        Synthesizer(lambda: EarlyEngine(empty=1000)),  # type: ignore[arg-type, return-value]
        RecordingEngine(),  # type: ignore[arg-type]
        CueCache(tmp_path),
    )
    try:
        voice.say_at("hips back", 42.0)
        wait_until(lambda: voice.missed.recent())
    finally:
        voice.close()
    assert [(m.text, m.why) for m in voice.missed.recent()] == [
        ("hips back", "the speech engine could not say it")
    ]
    assert voice._engine.played == []


def test_a_cue_stopped_while_it_renders_is_not_reported_as_missed(late_speaker: Any) -> None:
    late_speaker.say_at(GET_READY, 100.0, until=107.0)
    late_speaker.stop()
    late_speaker.gate.set()
    late_speaker.prepare(["marker"])
    wait_until(lambda: len(late_speaker._samples) == 2)
    assert late_speaker._engine.played == []
    assert late_speaker.missed.recent() == []


def test_preparing_a_workout_wakes_the_sound_output(speaker: Any) -> None:
    speaker.prepare(["hips back"])
    assert speaker._engine.woken == 1


def test_a_prepared_cue_whose_renders_a_busy_engine_lost_is_put_in_line_again(
    tmp_path: Path,
) -> None:
    """Both attempts of a render can come back empty on a busy machine; the cue must not stay
    unready for the whole workout (and a count be a beep every time) for that."""
    engine = EarlyEngine(empty=3)  # the first round's two attempts, and one of the next
    voice = VoiceSpeaker(
        Synthesizer(lambda: engine),  # type: ignore[arg-type, return-value]
        RecordingEngine(),  # type: ignore[arg-type]
        CueCache(tmp_path),
    )
    try:
        voice.prepare(["hips back", "3"])
        wait_until(lambda: voice.is_ready("hips back") and voice.is_ready("3"))
    finally:
        voice.close()
    # Each is rendered once in the end; which comes first depends on the engine's thread.
    assert sorted(engine.rendered) == ["3", "hips back"]
    assert voice.missed.recent() == []


def test_a_cue_the_engine_never_renders_is_put_in_line_a_few_times_then_left(
    tmp_path: Path,
) -> None:
    engine = EarlyEngine(empty=1000)
    voice = VoiceSpeaker(
        Synthesizer(lambda: engine),  # type: ignore[arg-type, return-value]
        RecordingEngine(),  # type: ignore[arg-type]
        CueCache(tmp_path),
    )
    try:
        voice.prepare(["hips back"])
        wait_until(lambda: engine.empty == 1000 - 2 * RENDER_ROUNDS and not voice._pending)
        turned = threading.Event()
        voice._synth.call(turned.set)  # behind any render still in line
        assert turned.wait(10)
        assert engine.empty == 1000 - 2 * RENDER_ROUNDS
        assert not voice.is_ready("hips back")
        voice.prepare(["hips back"])  # a new workout asks again: one more round
        wait_until(lambda: engine.empty == 1000 - 2 * (RENDER_ROUNDS + 1))
    finally:
        voice.close()


def test_a_cut_short_sound_file_is_not_read_as_a_cue(tmp_path: Path) -> None:
    path = tmp_path / "cue.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(tone(0.2).tobytes())
    whole = path.read_bytes()
    for cut in (len(whole) - 1, len(whole) - 100):  # an odd and an even number of bytes
        path.write_bytes(whole[:cut])
        with pytest.raises(SoundError, match=r"cue\.wav"):
            read_wav(path)


def test_a_cut_short_cue_in_the_cache_is_rendered_anew_and_the_cues_after_it_still_come(
    speaker: Any, tmp_path: Path
) -> None:
    cut = CueCache(tmp_path).path_for("hips back", VoiceSettings())
    with wave.open(str(cut), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(tone(0.2).tobytes())
    cut.write_bytes(cut.read_bytes()[:-1])
    speaker.prepare(["hips back", "squeeze the glutes"])
    wait_until(lambda: speaker.is_ready("hips back") and speaker.is_ready("squeeze the glutes"))
    assert sorted(speaker.tone_engine.rendered) == ["hips back", "squeeze the glutes"]


def test_a_failing_callback_does_not_stop_the_speech_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synthesizer = Synthesizer(ToneEngine)  # type: ignore[arg-type]
    try:

        def fail() -> None:
            raise RuntimeError("a callback that fails")

        synthesizer.call(fail)
        rendered = render(synthesizer, "hips back", tmp_path / "cue.wav", VoiceSettings())
    finally:
        synthesizer.close()
    assert rendered == tmp_path / "cue.wav"
    assert "a callback that fails" in capsys.readouterr().err
