"""The files of one SQLite log: the log itself and what SQLite keeps beside it (``-wal``, ``-shm``,
``-journal``), and how to open it for reading without creating any of them."""

from __future__ import annotations

from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")


def side(path: Path, suffix: str) -> Path:
    """The file SQLite keeps beside ``path`` with ``suffix`` ("-wal", "-shm", "-journal")."""
    return path.with_name(path.name + suffix)


def has_write_ahead_log(path: Path) -> bool:
    """Whether a ``-wal`` beside ``path`` holds data that the log's own file may not."""
    try:
        return side(path, "-wal").stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only: as immutable (no -wal or -shm created) when no -wal
    holds data; otherwise SQLite must read that -wal too, to see the newest data."""
    flags = "mode=ro" if has_write_ahead_log(path) else "mode=ro&immutable=1"
    return f"{path.absolute().as_uri()}?{flags}"
