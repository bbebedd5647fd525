"""The sets a person filmed, as video files in the data folder's ``clips``: newest first, kept
ones in ``clips/kept``, and under a cap in bytes.

A clip is named by when it was recorded and its drill
(``20261207-101500--kettlebell-deadlift.mp4``), so the folder itself is the record: nothing
else to keep in step. A clip being recorded has a name starting with a dot until it is
finished, and is never listed.

Over the cap, the oldest clips not kept are removed; kept clips are only ever removed by the
person. When kept clips alone fill the cap, nothing more is recorded until some are deleted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

MEGABYTE = 1_000_000
SUFFIX = ".mp4"
STAMP = "%Y%m%d-%H%M%S"
_SEPARATOR = "--"


class ClipError(Exception):
    """A clip could not be saved, kept or deleted; ``str()`` names the file and why."""


@dataclass(frozen=True)
class Clip:
    path: Path
    drill_id: str
    recorded: datetime
    kept: bool
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def clip_name(drill_id: str, when: datetime) -> str:
    return f"{when.strftime(STAMP)}{_SEPARATOR}{drill_id}{SUFFIX}"


def named_drill(path: Path) -> tuple[str, datetime] | None:
    """The drill and time a clip's name gives (``20261207-101500--dowel-hinge.mp4``), or None
    for a file Hinge did not name."""
    if path.suffix != SUFFIX or path.name.startswith("."):
        return None
    stamp, separator, drill_id = path.stem.partition(_SEPARATOR)
    if not separator or not drill_id:
        return None
    try:
        return drill_id, datetime.strptime(stamp, STAMP)
    except ValueError:
        return None


def _parse(path: Path, kept: bool) -> Clip | None:
    named = named_drill(path)
    if named is None:
        return None
    drill_id, recorded = named
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Clip(path, drill_id, recorded, kept, size)


class ClipStore:
    def __init__(self, folder: Path, cap_bytes: int) -> None:
        self.folder = folder
        self.cap_bytes = cap_bytes

    @property
    def kept_folder(self) -> Path:
        return self.folder / "kept"

    def clips(self) -> list[Clip]:
        """Every finished clip, the newest first."""
        found: list[Clip] = []
        for folder, kept in ((self.folder, False), (self.kept_folder, True)):
            try:
                entries = list(folder.iterdir())
            except OSError:
                continue
            found.extend(c for p in entries if p.is_file() and (c := _parse(p, kept)))
        return sorted(found, key=lambda c: (c.recorded, c.name), reverse=True)

    def total(self) -> int:
        return sum(clip.size for clip in self.clips())

    def kept_fill_cap(self) -> bool:
        """Kept clips alone are at the cap: there is no room to record."""
        return sum(c.size for c in self.clips() if c.kept) >= self.cap_bytes

    def recording_paths(self, drill_id: str, when: datetime) -> tuple[Path, Path]:
        """(where a new clip is written while it is recorded, where it goes when finished)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ClipError(
                f"Cannot create the clips folder {self.folder}: {error.strerror}."
            ) from error
        name = clip_name(drill_id, when)
        final = self.folder / name
        number = 2
        while final.exists() or (self.kept_folder / final.name).exists():
            final = self.folder / name.replace(SUFFIX, f"-{number}{SUFFIX}")
            number += 1
        return self.folder / f".recording-{final.name}", final

    def finish(self, partial: Path, final: Path) -> Clip:
        """The recorded file, now a clip; the oldest clips not kept make room for it."""
        try:
            os.replace(partial, final)
        except OSError as error:
            raise ClipError(
                f"The clip could not be saved as {final} ({error.strerror}); it is in {partial}."
            ) from error
        clip = _parse(final, kept=False)
        if clip is None:
            raise ClipError(f"The clip {final} could not be read back.")
        return clip

    def make_room(self, spare: Clip | None = None) -> list[Clip]:
        """Remove the oldest clips not kept (never ``spare``) until all fit under the cap;
        the clips removed."""
        clips = self.clips()
        total = sum(c.size for c in clips)
        removed: list[Clip] = []
        for clip in reversed(clips):
            if total <= self.cap_bytes:
                break
            if clip.kept or clip == spare:
                continue
            try:
                clip.path.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                continue
            total -= clip.size
            removed.append(clip)
        return removed

    def set_kept(self, clip: Clip, kept: bool) -> Clip:
        """Keep the clip (safe from the cap) or let it go again."""
        if clip.kept == kept:
            return clip
        folder = self.kept_folder if kept else self.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / clip.name
            os.replace(clip.path, target)
        except OSError as error:
            raise ClipError(
                f"The clip {clip.path} could not be moved: {error.strerror}."
            ) from error
        return Clip(target, clip.drill_id, clip.recorded, kept, clip.size)

    def delete(self, clip: Clip) -> None:
        try:
            clip.path.unlink(missing_ok=True)
        except OSError as error:
            raise ClipError(
                f"The clip {clip.path} could not be deleted: {error.strerror}."
            ) from error

    def discard_unfinished(self) -> None:
        """Files left by a recording that never finished (the app stopped mid-set)."""
        try:
            entries = list(self.folder.glob(".recording-*"))
        except OSError:
            return
        for path in entries:
            path.unlink(missing_ok=True)
