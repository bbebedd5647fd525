"""One Hinge at a time per data folder: a lock file that tells a live lock from a stale one.

A Hinge holds a lock of the operating system on the file (``flock``; a byte lock on Windows),
which the system drops when the process ends, however it ends. The file also records who holds
it: the app, its process id and start time, the computer's name and its boot. From them, a lock
file found in the folder is

- live: its system lock is held, or its process still runs on this computer since this boot
  with the start time recorded;
- stale, and taken over: empty or garbled (a crash on a full disk), written before this computer
  last started, or its process is gone or its id now belongs to another process;
- in doubt: written on another computer (a synced or network folder, whose locks may never
  reach this one). It is refused, naming that computer and how to go on.

Taking a lock creates the file exclusively (``O_EXCL``), so two Hinges never both think they
made it; a stale file is removed under its own system lock and the creation tried again. It is
removed again when the lock is given up, and when the process ends without giving it up. No Qt
here: the command line takes the same lock.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import socket
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

from hinge_desktop import COMMAND
from hinge_desktop.storage.errors import StorageError

LOCK_FILE = "hinge.lock"
ATTEMPTS = 5
"""How often a lock file that changes while it is looked at is looked at again."""
_BYTE_LOCKED = 1 << 20
"""Where the Windows lock lies: past the recorded text, so that reading it is never refused."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file records it."""

    pid: int
    host: str
    app: str = ""
    started: str | None = None
    """When the process started (Linux: field 22 of ``/proc/PID/stat``); None elsewhere."""
    boot: str | None = None
    """Which boot of the computer (Linux: ``/proc/sys/kernel/random/boot_id``)."""

    def encode(self) -> bytes:
        fields = (
            ("app", self.app),
            ("pid", str(self.pid)),
            ("host", self.host),
            ("started", self.started),
            ("boot", self.boot),
        )
        return "".join(f"{key}={value}\n" for key, value in fields if value).encode()


def read_holder(data: bytes) -> Holder | None:
    """The holder a lock file's ``data`` records; None when it is empty or garbled.

    Also reads the lock files of Qt's QLockFile, which earlier Hinges wrote (the process id,
    the app and the host on lines of their own).
    """
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    if len(lines) >= 3 and "=" not in lines[0]:
        fields = {"pid": lines[0], "app": lines[1], "host": lines[2]}
    else:
        fields = dict(line.split("=", 1) for line in lines if "=" in line)
    pid, host = fields.get("pid", ""), fields.get("host", "").strip()
    if not (pid.isascii() and pid.isdigit() and int(pid) > 0 and host):
        return None
    return Holder(
        int(pid),
        host,
        fields.get("app", ""),
        fields.get("started") or None,
        fields.get("boot") or None,
    )


def this_process(app: str = COMMAND) -> Holder:
    pid = os.getpid()
    return Holder(pid, socket.gethostname(), app, process_start(pid), boot_id())


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, in clock ticks after boot (Linux); None when it is not
    known here or there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # The name in brackets may hold spaces and brackets: the fields after it are counted from
    # the last one. The start time is field 22, the 20th after the name.
    fields = stat[stat.rfind(b")") + 1 :].split()
    return fields[19].decode() if len(fields) > 19 else None


def boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def process_exists(pid: int) -> bool | None:
    """Whether a process ``pid`` runs on this computer; None where that cannot be asked (on
    Windows, ``os.kill`` would end it)."""
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's: it exists
    except OSError:
        return None
    return True


class Verdict(enum.Enum):
    LIVE = "live"
    STALE = "stale"
    ELSEWHERE = "elsewhere"
    """Written on another computer: it may be live there."""


def judge(holder: Holder | None, here: Holder, *, system_lock: bool | None) -> Verdict:
    """What a lock file recording ``holder`` is, seen from ``here`` (this process).

    ``system_lock``: whether this process got the file's system lock (True), found it held
    (False), or the file system has none (None).
    """
    same_boot = holder is not None and holder.boot is not None and holder.boot == here.boot
    elsewhere = holder is not None and holder.host != here.host and not same_boot
    if system_lock is False:
        return Verdict.ELSEWHERE if elsewhere else Verdict.LIVE
    if holder is None:
        return Verdict.STALE
    if elsewhere:
        return Verdict.ELSEWHERE
    if holder.boot is not None and here.boot is not None and not same_boot:
        return Verdict.STALE  # this computer started again since
    if process_exists(holder.pid) is False:
        return Verdict.STALE
    started = process_start(holder.pid)
    if holder.started is not None and started is not None:
        return Verdict.LIVE if started == holder.started else Verdict.STALE  # id reused
    # Whose the process is cannot be told: the system lock decides, where there is one.
    return Verdict.STALE if system_lock else Verdict.LIVE


class FolderLocked(StorageError):
    """Another Hinge holds the data folder's lock, or may (on another computer)."""

    def __init__(self, path: Path, holder: Holder | None, verdict: Verdict) -> None:
        self.path = path
        self.holder = holder
        self.folder = path.parent
        self.elsewhere_host = (
            holder.host if verdict is Verdict.ELSEWHERE and holder is not None else None
        )
        super().__init__(path, refusal(self))


def refusal(locked: FolderLocked) -> str:
    """Why Hinge cannot use the folder, and what to do (the window says it in its words)."""
    if locked.elsewhere_host is not None:
        return (
            f"The training log in {locked.folder} is in use by Hinge on {locked.elsewhere_host}, "
            f"says the lock file {locked.path}. If Hinge is not running on "
            f"{locked.elsewhere_host}, delete {locked.path} and start again."
        )
    return (
        f"Hinge is already running with the training log in {locked.folder}. Switch to that "
        "window: only one Hinge at a time can use a training log."
    )


class FolderLock:
    """The lock of a data folder, held by this process until :meth:`release` or its end."""

    def __init__(self, path: Path, fd: int, holder: Holder) -> None:
        self.path = path
        self.holder = holder
        self._release = weakref.finalize(self, _give_up, path, fd)

    @property
    def held(self) -> bool:
        return self._release.alive

    def release(self) -> None:
        """Give the lock up (a second call does nothing)."""
        self._release()


def lock_folder(folder: Path, app: str = COMMAND) -> FolderLock | None:
    """Take the lock of the data folder ``folder`` for this process.

    Raises :class:`FolderLocked` when another Hinge holds it or may. Returns None when no lock
    file can be made there (a read-only folder: what cannot be written is told when the log is
    opened).
    """
    path = folder / LOCK_FILE
    here = this_process(app)
    for _ in range(ATTEMPTS):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if not _remove_if_stale(path, here):
                return None
            continue
        except OSError:
            return None
        lock = _claim(path, fd, here)
        if lock is not None:
            return lock
    raise FolderLocked(path, None, Verdict.LIVE)


def _claim(path: Path, fd: int, here: Holder) -> FolderLock | None:
    """The lock, once the file just created is locked and still the one in the folder (a
    Hinge that found it empty may have taken it over); None: look again."""
    if _system_lock(fd) is False or not _still_at(path, fd):
        os.close(fd)
        return None
    # A full disk leaves the file empty: then it is still locked, and judged stale after a crash.
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, here.encode())
        os.fsync(fd)
    return FolderLock(path, fd, here)


def _remove_if_stale(path: Path, here: Holder) -> bool:
    """Remove the lock file at ``path`` if it is stale; raise :class:`FolderLocked` if not.
    Returns False when it cannot be looked at or removed (a read-only folder)."""
    try:
        opened = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return True  # given up meanwhile
    except OSError:
        return False
    fd: int | None = opened
    try:
        system_lock = _system_lock(opened)
        if system_lock and not _still_at(path, opened):
            return True  # replaced meanwhile: look at the new one
        holder = read_holder(_read(opened))
        verdict = judge(holder, here, system_lock=system_lock)
        if verdict is not Verdict.STALE:
            raise FolderLocked(path, holder, verdict)
        if sys.platform == "win32":
            os.close(fd)  # Windows removes no file that is open
            fd = None
        # Removed while its system lock is held: whoever opened it meanwhile finds it gone once
        # they have the lock, and looks again.
        path.unlink(missing_ok=True)
    except PermissionError:
        return sys.platform == "win32" and os.access(path.parent, os.W_OK)  # open elsewhere
    except OSError:
        return False
    finally:
        if fd is not None:
            os.close(fd)
    return True


def _system_lock(fd: int) -> bool | None:
    """Take the system lock on ``fd`` without waiting: True when taken, False when another
    process holds it, None when the file system has no such locks."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _BYTE_LOCKED, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        return None
    return True


def _still_at(path: Path, fd: int) -> bool:
    """Whether the file open as ``fd`` is still the one at ``path``."""
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read(fd: int, limit: int = 4096) -> bytes:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, limit)
    except OSError:
        return b""


def _give_up(path: Path, fd: int) -> None:
    ours = _still_at(path, fd)
    if sys.platform == "win32":
        os.close(fd)
    if ours:
        with contextlib.suppress(OSError):
            path.unlink()
    if sys.platform != "win32":
        os.close(fd)
