"""The data folder's lock tells a live lock from a stale one: a lock left by a crash (empty,
garbled, its process gone, its process id reused, from before a restart) is taken over; a live
Hinge's is refused; another computer's is refused naming the computer, the file and the way on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from child_processes import kill, read_line
from read_only import read_only

from hinge_desktop.storage.folder_lock import (
    LOCK_FILE,
    FolderLocked,
    Holder,
    Verdict,
    boot_id,
    judge,
    lock_folder,
    process_start,
    read_holder,
    this_process,
)

pytestmark = pytest.mark.damage

HOST = socket.gethostname()
LINUX = sys.platform.startswith("linux")


def gone_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def recorded(folder: Path) -> Holder | None:
    return read_holder((folder / LOCK_FILE).read_bytes())


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[str]]:
    """A process that runs until the test ends and takes no lock."""
    child = subprocess.Popen(["sleep", "600"], text=True)
    yield child
    kill(child)


# Taken over -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"app=hinge-desktop\npid=", b"\x00\x00\x00\x00", b"\xff\xfe garbled \x81", b"pid=-4"],
    ids=["empty", "cut short", "zeros", "garbled", "nonsense"],
)
def test_an_empty_or_garbled_lock_file_is_taken_over(data_dir: Path, content: bytes) -> None:
    (data_dir / LOCK_FILE).write_bytes(content)
    lock = lock_folder(data_dir)
    assert lock is not None
    assert recorded(data_dir) == this_process()
    lock.release()
    assert not (data_dir / LOCK_FILE).exists()


def test_a_lock_of_a_process_that_is_gone_is_taken_over(data_dir: Path) -> None:
    pid = gone_pid()
    (data_dir / LOCK_FILE).write_bytes(
        Holder(pid, HOST, "hinge-desktop", "12345", boot_id()).encode()
    )
    lock = lock_folder(data_dir)
    assert lock is not None
    assert recorded(data_dir) == this_process()
    lock.release()


def test_a_lock_written_by_an_earlier_hinge_with_qt_is_read_and_taken_over(
    data_dir: Path,
) -> None:
    legacy = f"{gone_pid()}\nhinge-desktop\n{HOST}\n".encode()
    assert read_holder(legacy) == Holder(int(legacy.split()[0]), HOST, "hinge-desktop")
    (data_dir / LOCK_FILE).write_bytes(legacy)
    lock = lock_folder(data_dir)
    assert lock is not None
    lock.release()


@pytest.mark.skipif(not LINUX, reason="start times and boot ids are read from /proc")
def test_the_lock_records_the_process_its_start_its_computer_and_its_boot(
    data_dir: Path,
) -> None:
    lock = lock_folder(data_dir)
    assert lock is not None
    holder = recorded(data_dir)
    assert holder is not None
    assert (holder.pid, holder.host, holder.app) == (os.getpid(), HOST, "hinge-desktop")
    assert holder.started == process_start(os.getpid())
    assert holder.boot == Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    lock.release()


# What the recorded facts decide (where a file system has no locks of its own) ----------------


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="start times and boot ids are read from /proc")
def test_a_running_process_with_its_start_time_is_live_and_refused(
    data_dir: Path, sleeper: subprocess.Popen[str]
) -> None:
    here = this_process()
    running = Holder(sleeper.pid, HOST, "hinge-desktop", process_start(sleeper.pid), here.boot)
    assert judge(running, here, system_lock=None) is Verdict.LIVE
    assert judge(running, here, system_lock=False) is Verdict.LIVE
    # Its lock file is refused even though no system lock is held on it.
    (data_dir / LOCK_FILE).write_bytes(running.encode())
    with pytest.raises(FolderLocked) as refused:
        lock_folder(data_dir)
    assert "Hinge is already running with the training log in" in str(refused.value)
    assert recorded(data_dir) == running  # left as it was


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="start times and boot ids are read from /proc")
def test_a_process_id_now_used_by_another_process_is_stale(
    sleeper: subprocess.Popen[str],
) -> None:
    here = this_process()
    started = process_start(sleeper.pid)
    assert started is not None
    reused = Holder(sleeper.pid, HOST, "hinge-desktop", str(int(started) - 1000), here.boot)
    assert judge(reused, here, system_lock=None) is Verdict.STALE


@pytest.mark.skipif(not LINUX, reason="boot ids are read from /proc")
def test_a_lock_from_before_this_computer_started_again_is_stale() -> None:
    here = this_process()
    earlier = Holder(os.getpid(), HOST, "hinge-desktop", here.started, "an-earlier-boot")
    assert judge(earlier, here, system_lock=None) is Verdict.STALE
    assert judge(earlier, here, system_lock=True) is Verdict.STALE


def test_a_renamed_computer_is_still_this_one_in_the_same_boot() -> None:
    here = Holder(os.getpid(), "new-name", "hinge-desktop", "1", "this-boot")
    renamed = Holder(gone_pid(), "old-name", "hinge-desktop", "1", "this-boot")
    assert judge(renamed, here, system_lock=True) is Verdict.STALE


def test_a_gone_process_is_stale_and_its_unknown_start_defers_to_the_system_lock() -> None:
    here = this_process()
    assert judge(Holder(gone_pid(), HOST), here, system_lock=None) is Verdict.STALE
    own = Holder(os.getpid(), HOST)  # no start time recorded: whose it is cannot be told
    assert judge(own, here, system_lock=True) is Verdict.STALE
    assert judge(own, here, system_lock=None) is Verdict.LIVE


# Another computer ----------------------------------------------------------------------------


def test_another_computers_lock_is_refused_naming_it_the_file_and_the_way_on(
    data_dir: Path,
) -> None:
    path = data_dir / LOCK_FILE
    path.write_bytes(Holder(4321, "kitchen-laptop", "hinge-desktop", "99", "its-boot").encode())
    with pytest.raises(FolderLocked) as refused:
        lock_folder(data_dir)
    assert str(refused.value) == (
        f"The training log in {data_dir} is in use by Hinge on kitchen-laptop, says the lock "
        f"file {path}. If Hinge is not running on kitchen-laptop, delete {path} and start again."
    )
    assert refused.value.elsewhere_host == "kitchen-laptop"
    assert recorded(data_dir) == Holder(4321, "kitchen-laptop", "hinge-desktop", "99", "its-boot")

    # Doing as it says lets Hinge start.
    path.unlink()
    lock = lock_folder(data_dir)
    assert lock is not None
    lock.release()


# Live locks ----------------------------------------------------------------------------------


def test_a_second_lock_in_the_same_process_is_refused_until_the_first_is_given_up(
    data_dir: Path,
) -> None:
    first = lock_folder(data_dir)
    assert first is not None
    with pytest.raises(FolderLocked, match="Hinge is already running with the training log in"):
        lock_folder(data_dir)
    first.release()
    assert not first.held
    second = lock_folder(data_dir)
    assert second is not None
    second.release()
    second.release()  # a second call does nothing


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hinge_desktop.storage.folder_lock import lock_folder
    lock = lock_folder(Path(sys.argv[1]))
    print("locked" if lock is not None else "no lock", flush=True)
    sys.stdin.read()
    """
)


def hold_lock(folder: Path) -> subprocess.Popen[str]:
    """A process that takes the lock of ``folder`` and keeps it until its input ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert read_line(child.stdout, timeout=60) == "locked"
    return child


@pytest.mark.slow
def test_a_lock_held_by_a_live_process_is_refused_and_taken_over_once_it_is_killed(
    data_dir: Path,
) -> None:
    child = hold_lock(data_dir)
    try:
        with pytest.raises(FolderLocked) as refused:
            lock_folder(data_dir)
        assert refused.value.elsewhere_host is None
        assert "Hinge is already running with the training log in" in str(refused.value)
        holder = recorded(data_dir)
        assert holder is not None
        assert holder.pid == child.pid
    finally:
        kill(child)  # as a crash would: the file stays, its system lock goes
    assert recorded(data_dir) is not None
    lock = lock_folder(data_dir)
    assert lock is not None
    assert recorded(data_dir) == this_process()
    lock.release()


@pytest.mark.slow
def test_a_process_that_ends_without_giving_the_lock_up_removes_its_file(
    data_dir: Path,
) -> None:
    child = hold_lock(data_dir)
    assert child.stdin is not None
    child.stdin.close()  # it ends as a program ends, without a word about the lock
    assert child.wait(60) == 0
    assert not (data_dir / LOCK_FILE).exists()
    if child.stdout is not None:
        child.stdout.close()


def test_a_read_only_folder_gives_no_lock_and_no_error(data_dir: Path) -> None:
    with read_only(data_dir):
        assert lock_folder(data_dir) is None
    assert list(data_dir.iterdir()) == []


def test_a_lock_held_by_an_earlier_hinge_with_qt_is_refused(data_dir: Path) -> None:
    from PySide6.QtCore import QLockFile

    earlier = QLockFile(str(data_dir / LOCK_FILE))
    earlier.setStaleLockTime(0)
    assert earlier.tryLock(0)
    try:
        with pytest.raises(FolderLocked, match="Hinge is already running"):
            lock_folder(data_dir)
    finally:
        earlier.unlock()
    lock = lock_folder(data_dir)
    assert lock is not None
    lock.release()
