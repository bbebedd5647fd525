"""Reading a write-ahead log file as SQLite does, to tell how much of it SQLite can apply.

SQLite applies the frames of a ``-wal`` file up to the last commit whose checksums and salts are
right, and silently ignores the rest. Frames of the current generation (the header's salts) that
come after that point were written and cannot be read: their changes are lost unless the file is
kept. Frames with other salts are left over from before the last checkpoint and are harmless.
The format is SQLite's (https://www.sqlite.org/fileformat2.html#walformat).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC = (0x377F0682, 0x377F0683)
MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalReport:
    """What a write-ahead log holds."""

    frames: int
    """Frames of the current generation in the file."""
    applied: int
    """Of those, how many SQLite applies (up to the last sound commit)."""
    commit_after: bool = True
    """Whether a commit was written after the frames SQLite applies (else what follows them is
    a transaction that never finished, which was never saved)."""

    @property
    def lost(self) -> int:
        """Frames of finished transactions that SQLite cannot apply."""
        return self.frames - self.applied if self.commit_after else 0


def read_wal(path: Path) -> WalReport:
    """How many frames of the ``-wal`` file at ``path`` SQLite can apply, and how many were
    written in all. An unreadable file counts as holding nothing."""
    try:
        data = path.read_bytes()
    except OSError:
        return WalReport(0, 0)
    if len(data) < HEADER:
        return WalReport(0, 0)
    magic, _version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(
        ">8I", data[:HEADER]
    )
    frame_size = FRAME_HEADER + page_size
    big_endian = magic == MAGIC[1]
    header_sound = (
        magic in MAGIC
        and _valid_page_size(page_size)
        and _checksum(data[:24], (0, 0), big_endian) == (sum1, sum2)
    )
    if not header_sound:
        return _count_without_header(data)
    applied = 0
    total = 0
    sums = (sum1, sum2)
    chain_sound = True
    commit_after = False
    for offset in range(HEADER, len(data) - frame_size + 1, frame_size):
        frame = data[offset : offset + frame_size]
        _page, commit, f_salt1, f_salt2, f_sum1, f_sum2 = struct.unpack(">6I", frame[:24])
        if (f_salt1, f_salt2) != (salt1, salt2):
            continue  # left over from an earlier generation
        total += 1
        if chain_sound:
            sums = _checksum(frame[:8] + frame[24:], sums, big_endian)
            chain_sound = sums == (f_sum1, f_sum2)
            if chain_sound and commit:
                applied = total
                continue
        commit_after = commit_after or bool(commit and not chain_sound)
    return WalReport(total, applied, commit_after)


def _count_without_header(data: bytes) -> WalReport:
    """A header that cannot be read makes SQLite ignore the whole file: count the frames that
    share the first frame's salts, taking the page size from the header if it is plausible."""
    page_size = struct.unpack(">I", data[8:12])[0]
    if not _valid_page_size(page_size):
        page_size = 4096
    frame_size = FRAME_HEADER + page_size
    if len(data) < HEADER + frame_size:
        return WalReport(0, 0)
    salts = data[HEADER + 8 : HEADER + 16]
    ours = [
        offset
        for offset in range(HEADER, len(data) - frame_size + 1, frame_size)
        if data[offset + 8 : offset + 16] == salts
    ]
    commits = any(struct.unpack(">I", data[offset + 4 : offset + 8])[0] for offset in ours)
    return WalReport(len(ours), 0, commits)


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def _checksum(data: bytes, sums: tuple[int, int], big_endian: bool) -> tuple[int, int]:
    s0, s1 = sums
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & MASK
        s1 = (s1 + words[index + 1] + s0) & MASK
    return s0, s1
