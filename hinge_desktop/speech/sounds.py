"""Sound data as the audio engine plays it: 16-bit mono samples at one fixed rate."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt

RATE = 22_050
"""Samples per second: espeak-ng's own rate, so its cues play without resampling."""

Samples = npt.NDArray[np.int16]


class SoundError(Exception):
    """A sound file that cannot be read."""


def read_wav(path: Path) -> Samples:
    """The file's audio as mono 16-bit samples at RATE (mixed down and resampled if need be)."""
    try:
        with wave.open(str(path), "rb") as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            expected = wav.getnframes()
            frames = wav.readframes(expected)
    except (OSError, EOFError, wave.Error) as exc:
        raise SoundError(f"{path.name}: {exc}") from exc
    if width != 2:
        raise SoundError(f"{path.name}: {width * 8}-bit audio; only 16-bit is read")
    if channels < 1 or len(frames) < expected * width * channels:
        # Cut short (a write that did not finish): its words would stop mid-way.
        raise SoundError(f"{path.name}: {len(frames)} bytes of audio for {expected} frames")
    data = np.frombuffer(frames, dtype="<i2").astype(np.float64)
    if channels > 1:
        data = data[: len(data) // channels * channels].reshape(-1, channels).mean(axis=1)
    if rate != RATE and len(data) > 1:
        length = round(len(data) * RATE / rate)
        data = np.interp(np.linspace(0, len(data) - 1, length), np.arange(len(data)), data)
    return np.clip(np.rint(data), -32768, 32767).astype(np.int16)


def trim_leading_silence(samples: Samples, threshold: float = 0.01) -> Samples:
    """Drop the near-silence a speech engine puts before the first word, so a cue's sound
    starts at its moment rather than a few milliseconds after it."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold * 32767)
    if len(loud) == 0:
        return samples
    return samples[max(int(loud[0]) - round(0.002 * RATE), 0) :]


def beep(frequency: float = 880.0, seconds: float = 0.12, level: float = 0.45) -> Samples:
    """A short, soft-edged tone for the last seconds of a countdown."""
    t = np.arange(round(seconds * RATE)) / RATE
    tone = np.sin(2 * np.pi * frequency * t)
    fade = np.minimum(1.0, np.minimum(t, seconds - t) / 0.008)
    samples: Samples = np.rint(tone * fade * level * 32767).astype(np.int16)
    return samples


def loudness(samples: Samples) -> float:
    """Root mean square level, 0 (silence) to 1 (full scale)."""
    if len(samples) == 0:
        return 0.0
    return float(np.sqrt(np.mean((samples.astype(np.float64) / 32768) ** 2)))
