"""Hinge started and quit as a person's desktop does, many times over: every run ends with exit
status 0, with or without a sound output, with or without Qt's plugin debugging
(``QT_DEBUG_PLUGINS=1``, which once made every quit a segmentation fault); and two copies
started at the same moment on one data folder never both open it, nor crash or hang.

A run is quit once it is ready: the log open, the voice started (with a sound output, its audio
thread running) and every view built, which is when ``app.run`` calls ``on_settled``; or, in
fewer runs, as soon as the drill list answers (``on_ready``), while the rest of the start is
still under way. A separate process cannot see those moments, so each run is started by
``LAUNCH``: ``python -m hinge_desktop``'s own two lines (``hinge_desktop/__main__.py``), with the
two hooks printing a line each. It is then quit with SIGTERM, which Hinge takes as a close of its
window (``QuitOnSignal``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from pulse_sink import null_sink_server

from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

READY = "hinge-test: ready"
BROWSING = "hinge-test: drill list"
LAUNCH = f"""
import sys
from hinge_desktop.app import run
from hinge_desktop.cli.options import parse_args

sys.exit(
    run(
        parse_args(sys.argv[1:]),
        on_ready=lambda: print({BROWSING!r}, flush=True),
        on_settled=lambda: print({READY!r}, flush=True),
    )
)
"""
RUNS = 50
EARLY_RUNS = 20
AT_ONCE = 2
"""Runs side by side, each on a data folder of its own: this machine has two cores."""
RACES = 20
TRIES = 1200
"""Tenths of a second a run may take to be ready, or to quit (counted, not timed: a leap of the
clock must not end a wait)."""
NO_SOUND_SERVER = "unix:/nonexistent/hinge-test-no-sound"
CRASHES = ("Traceback", "QThread: Destroyed", "Fatal Python error", "Segmentation fault")


@dataclass
class Run:
    """One Hinge started, its standard output and error kept in files (never a pipe that fills)."""

    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def stdout(self) -> str:
        return self.out.read_text(errors="replace")

    def stderr(self) -> str:
        return self.err.read_text(errors="replace")

    def ready(self) -> bool:
        return READY in self.stdout()

    def browsing(self) -> bool:
        return BROWSING in self.stdout()

    def threads(self) -> list[str]:
        """The names of its threads as the system shows them (Qt names a QThread's)."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        names = []
        for task in tasks.iterdir():
            try:
                names.append((task / "comm").read_text().strip())
            except OSError:  # a thread that ended meanwhile
                continue
        return names

    def tail(self) -> str:
        return self.stderr()[-3000:]


def start(data_dir: Path, env: dict[str, str], logs: Path) -> Run:
    logs.mkdir(parents=True, exist_ok=True)
    out, err = logs / "stdout.txt", logs / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, "--data-dir", str(data_dir)],
            stdout=stdout,
            stderr=stderr,
            env={**env, "QT_QPA_PLATFORM": "offscreen"},
        )
    return Run(process, out, err)


def wait_until(done: Callable[[Run], bool], runs: list[Run]) -> None:
    """Wait until ``done(run)`` for every run; fail if one ends before it, or never gets there."""
    for _ in range(TRIES):
        waiting = [run for run in runs if not done(run)]
        if not waiting:
            return
        for run in waiting:
            if run.process.poll() is not None:
                stop_all(runs)
                pytest.fail(f"Hinge ended early with {run.process.returncode}:\n{run.tail()}")
        time.sleep(0.1)
    stop_all(runs)
    pytest.fail("Hinge was not ready:\n" + "\n".join(run.tail() for run in waiting))


def quit_all(runs: list[Run]) -> None:
    """SIGTERM each run, as a desktop session ending does, and wait for each to end."""
    for run in runs:
        run.process.send_signal(signal.SIGTERM)
    for run in runs:
        try:
            run.process.wait(TRIES / 10)
        except subprocess.TimeoutExpired:
            stop_all(runs)
            pytest.fail(f"Hinge did not quit on SIGTERM:\n{run.tail()}")


def stop_all(runs: list[Run]) -> None:
    for run in runs:
        if run.process.poll() is None:
            run.process.kill()
            run.process.wait(30)


def assert_clean(run: Run) -> None:
    stderr = run.stderr()
    for crash in CRASHES:
        assert crash not in stderr, run.tail()


@contextmanager
def sound_output(present: bool) -> Iterator[dict[str, str]]:
    """The environment of a desktop with a sound output (a private PulseAudio server with a null
    sink), or of one where no sound server answers."""
    if present:
        with null_sink_server() as env:
            yield env
    else:
        yield {**os.environ, "PULSE_SERVER": NO_SOUND_SERVER}


@pytest.mark.slow
@pytest.mark.parametrize("debug_plugins", [False, True], ids=["plain", "QT_DEBUG_PLUGINS"])
@pytest.mark.parametrize("sound", [True, False], ids=["sound", "no-sound"])
def test_hinge_started_and_quit_fifty_times_exits_0_every_time(
    tmp_path: Path, sound: bool, debug_plugins: bool
) -> None:
    with sound_output(sound) as env:
        if debug_plugins:
            env = {**env, "QT_DEBUG_PLUGINS": "1"}
        for first in range(0, RUNS, AT_ONCE):
            runs = [
                start(tmp_path / f"data-{n}", env, tmp_path / f"logs-{n}")
                for n in range(first, first + AT_ONCE)
            ]
            wait_until(Run.ready, runs)
            for run in runs:
                # Quitting must stop the voice's threads: with a sound output, its audio thread.
                assert ("audioThread" in run.threads()) == sound, run.tail()
            quit_all(runs)
            for run in runs:
                assert run.process.returncode == 0, run.tail()
                assert_clean(run)


@pytest.mark.slow
def test_hinge_quit_while_its_start_is_still_under_way_exits_0(tmp_path: Path) -> None:
    """Quit as soon as the drill list answers: the log is being checked on a thread of its own,
    then opened, with the voice, and the views built, while the quit comes."""
    with sound_output(True) as env:
        for first in range(0, EARLY_RUNS, AT_ONCE):
            runs = [
                start(tmp_path / f"data-{n}", env, tmp_path / f"logs-{n}")
                for n in range(first, first + AT_ONCE)
            ]
            wait_until(Run.browsing, runs)
            quit_all(runs)
            for run in runs:
                assert run.process.returncode == 0, run.tail()
                assert_clean(run)


@pytest.mark.slow
def test_two_hinges_started_together_on_one_folder_one_opens_it_and_the_other_says_why(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    refusal = (
        f"hinge-desktop: Hinge is already running with the training log in {data_dir}. "
        "Switch to that window: only one Hinge at a time can use a training log."
    )
    env = {**os.environ, "PULSE_SERVER": NO_SOUND_SERVER}
    for race in range(RACES):
        runs = [start(data_dir, env, tmp_path / f"logs-{race}-{n}") for n in range(2)]
        wait_until(lambda run: run.ready() or refusal in run.stderr(), runs)
        started = [run for run in runs if run.ready()]
        refused = [run for run in runs if refusal in run.stderr()]
        assert len(started) == 1, [run.tail() for run in runs]
        assert len(refused) == 1, [run.tail() for run in runs]
        quit_all(runs)
        assert started[0].process.returncode == 0, started[0].tail()
        # The refusal stays on screen until it is closed, which ends that Hinge with its error
        # status; a SIGTERM closes it as it closes the window, keeping that status.
        assert refused[0].process.returncode == EXIT_STORAGE_ERROR, refused[0].tail()
        assert READY not in refused[0].stdout()
        for run in runs:
            assert_clean(run)
