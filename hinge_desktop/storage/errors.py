"""Storage failures, each with a message a person can act on."""

from __future__ import annotations

import enum
import errno
import sqlite3
from pathlib import Path

EXIT_STORAGE_ERROR = 2
"""The exit code of ``hinge-desktop`` when the data folder or the log cannot be used."""

DatabaseFailed = sqlite3.Error
"""What a read or a write of the database raises when SQLite refuses it (sqlite3's own base
error, which the repositories let through): the name the layers above storage catch it by, with
:func:`classify` to tell why."""


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


class DatabaseInUse(StorageError):
    """Another program (another Hinge, most likely) holds the database locked."""


class LogNotWritable(StorageError):
    """The log file can be read but not written (read-only, or another user's): refused when it
    is opened, not at the first set logged."""


class BackupFailed(StorageError):
    """A backup could not be written; the database it was to copy is unchanged."""


class BadBackup(StorageError):
    """A backup chosen for restoring is damaged or not a Hinge log: nothing was restored."""


class Fault(enum.Enum):
    """Why a write failed, in the terms a person can act on."""

    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"
    IN_USE = "in-use"
    DISK_ERROR = "disk-error"
    OTHER = "other"


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_FAULTS = {
    5: Fault.IN_USE,  # SQLITE_BUSY
    6: Fault.IN_USE,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    10: Fault.DISK_ERROR,  # SQLITE_IOERR
    13: Fault.DISK_FULL,  # SQLITE_FULL
    23: Fault.READ_ONLY,  # SQLITE_AUTH: denied, as a read-only file is
}
_OS_FAULTS = {
    errno.ENOSPC: Fault.DISK_FULL,
    errno.EDQUOT: Fault.DISK_FULL,
    errno.EROFS: Fault.READ_ONLY,
    errno.EACCES: Fault.READ_ONLY,
    errno.EPERM: Fault.READ_ONLY,
    errno.EIO: Fault.DISK_ERROR,
}


def classify(exc: BaseException) -> Fault:
    """What kind of fault an SQLite or operating-system error is."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_FAULTS.get(code & 0xFF, Fault.OTHER)
        text = str(exc)
        if "locked" in text or "busy" in text:
            return Fault.IN_USE
        if "readonly" in text or "read-only" in text:
            return Fault.READ_ONLY
        if "full" in text:
            return Fault.DISK_FULL
        return Fault.OTHER
    if isinstance(exc, OSError) and exc.errno is not None:
        return _OS_FAULTS.get(exc.errno, Fault.OTHER)
    return Fault.OTHER


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite found the file damaged or not a database at all (as opposed to locked,
    unreadable or out of space)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.DatabaseError) and isinstance(code, int):
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc)
    return "malformed" in text or "not a database" in text
