"""Storage failures, each with a message a person can act on."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """The database cannot be used; ``str()`` is a message for the person."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class DatabaseTooNew(StorageError):
    """Written by a newer Hinge: opening it here could damage it, so it is left as it is."""

    def __init__(self, path: Path, written_by: str, found: int, supported: int) -> None:
        from hinge_desktop import __version__

        super().__init__(
            path,
            f"The database {path} was written by Hinge {written_by} (data format {found}); "
            f"this is Hinge {__version__}, which understands data format {supported} at most. "
            "Update Hinge to open it. The file has not been changed.",
        )
        self.written_by = written_by
        self.found = found
        self.supported = supported


class NotAHingeDatabase(StorageError):
    """The file is not a database, or belongs to another program."""
