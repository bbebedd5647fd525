"""Spoken cues kept as WAV files in the data folder, one per text, voice and rate.

Volume is not part of the key: it is applied when a cue plays, so changing it renders nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hinge_desktop.speech.speaker import VoiceSettings

FOLDER_NAME = "cue-cache"


class CueCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, text: str, settings: VoiceSettings) -> Path:
        key = f"{settings.voice}\n{settings.rate}\n{text}".encode()
        return self.folder / f"{hashlib.sha256(key).hexdigest()[:24]}.wav"

    def has(self, text: str, settings: VoiceSettings) -> bool:
        return self.path_for(text, settings).is_file()

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.wav")) if self.folder.is_dir() else []

    def size(self) -> int:
        """Bytes on disk."""
        return sum(path.stat().st_size for path in self.files())

    def clear(self) -> None:
        for path in self.files():
            path.unlink(missing_ok=True)
