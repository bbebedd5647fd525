"""GUI-thread stalls after a change of a long log: the ladder's rules read the whole history.

Why: after every change of the log (a set logged or taken back, an import, a hurt mark) the
ladder applies its rules to the history since the person's last rung; on a log of many years
that is thousands of sets. The product's bar (brief, "How fast") is no GUI-thread stall over
16 ms while logging.

How: a 5 ms ``PreciseTimer`` heartbeat on the GUI thread (as ``stalls.py``), in a fresh process
per run, composing the window as Hinge does (``MainWindow`` filled by ``install_views``,
1280×800, off screen, on Drills) on a ten-year log (``history_view.prepare_log``, with its
phases recorded: ``--dir`` keeps it; each run works on a copy). Once the ladder's first reading
is in, start-up's objects frozen (``gc_pauses.freeze_start_up()``, as the start does) and the
window idle, each of these happens ``--changes`` times, the heartbeat running from the moment
it starts until the ladder's answer is applied (``LadderCoach.wait_until_applied``, where the
ladder has one) and 0.3 s more:

- a set logged: a glute bridge stored, then ``LogChanges.announce()`` (every listener runs);
- the ladder alone: ``LadderCoach.update()``.

Baseline, same process: the heartbeat over an idle second. Prints each run's longest gap (with
the GUI thread's own CPU time in it) and the medians; a median's stall (the gap less the beat
it replaced) is held to the 16 ms bar. Exits 1 if one is over.

    python benchmarks/ladder_stall.py [--runs 3] [--sets 30000] [--changes 5] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from stalls import BAR_MS, BEAT_MS, Heartbeat, close, compose, idle_baseline, spin, verdict

SETS = 30_000
RUNS = 3
CHANGES = 5
AFTER_S = 0.3


def settle(coach: Any) -> None:
    """Until the ladder's newest answer is applied (at once where the ladder reads on the GUI
    thread)."""
    wait = getattr(coach, "wait_until_applied", None)
    if wait is not None and not wait():
        raise SystemExit("the ladder's answer never came")


def child(data: Path, changes: int) -> dict[str, Any]:
    from hinge_desktop.domain.training import LoggedSet
    from hinge_desktop.ui import gc_pauses

    _app, window, views = compose(data)
    coach, store, log_changes = views.ladder, views.services.store, views.services.log_changes
    settle(coach)
    gc_pauses.freeze_start_up()  # as the start does once the window is ready
    spin(0.5)
    figures: dict[str, Any] = {"logged": [], "ladder": []}

    def measured(action: Any) -> tuple[float, float]:
        beat = Heartbeat()
        beat.start()
        spin(0.05)
        began = time.perf_counter()
        action()
        settle(coach)
        spin(AFTER_S)
        beat.stop()
        return beat.longest(began)

    def log_a_set() -> None:
        store.sets.add(LoggedSet("glute-bridge", datetime.now().astimezone(), reps=12))
        log_changes.announce()

    for _ in range(changes):
        figures["logged"].append(measured(log_a_set))
        figures["ladder"].append(measured(coach.update))
    figures["idle"] = idle_baseline()
    figures["facts"] = len(store.ladder.history(views.catalogue, _since(store)))
    close(window, views)
    return figures


def _since(store: Any) -> datetime | None:
    events = store.ladder.events()
    return None if not events or events[-1].reason == "start" else events[-1].reached_at


def run_child(data: Path, changes: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(data), str(changes)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"a run failed ({done.returncode})")
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs (default {RUNS})")
    parser.add_argument("--sets", type=int, default=SETS, help=f"sets (default {SETS:,})")
    parser.add_argument("--changes", type=int, default=CHANGES, help="changes per run")
    parser.add_argument("--dir", type=Path, default=None, help="keep the ten-year log in DIR")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if options.child:
        print(json.dumps(child(Path(options.child[0]), int(options.child[1]))))
        return 0

    import shutil

    from history_view import prepare_log

    with tempfile.TemporaryDirectory(prefix="hinge-bench-") as scratch:
        folder = options.dir if options.dir is not None else Path(scratch) / "log"
        folder.mkdir(parents=True, exist_ok=True)
        log = prepare_log(folder, options.sets)
        runs = []
        for number in range(options.runs):
            # Each run on a copy: the sets it logs do not pile up in the kept log.
            data = Path(scratch) / f"run-{number}"
            data.mkdir()
            shutil.copy(log.path, data / log.path.name)
            runs.append(run_child(data, options.changes))
    print(
        f"GUI-thread stalls after a change of the log: longest gap between {BEAT_MS} ms "
        f"heartbeats (ms), {log.sets:,} sets over {log.years:.1f} years, the ladder reading "
        f"{runs[0]['facts']:,} of them, {options.runs} runs of {options.changes} changes, each "
        f"a fresh process, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}; in brackets the GUI "
        "thread's own CPU time in that gap"
    )
    passes = []
    for name, key, judged in (
        ("a set logged (every listener of the log)", "logged", True),
        ("the ladder alone (LadderCoach.update())", "ladder", True),
        ("baseline: idle", "idle", False),
    ):
        longest = [max(run[key]) if key != "idle" else run[key] for run in runs]
        each = " ".join(f"{gap:6.1f} ({cpu:5.1f})" for gap, cpu in longest)
        middle = statistics.median(gap for gap, _cpu in longest)
        line = f"  {name:<44} {each}   median {middle:6.1f}"
        if judged:
            text, passed = verdict(middle)
            passes.append(passed)
            line += f"   {text}"
        print(line)
    failed = not all(passes)
    print(
        f"{'FAIL' if failed else 'PASS'}: a change of the log stalls the window at most "
        f"{BAR_MS:g} ms (medians; a stall is the longest gap less the {BEAT_MS} ms beat)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
