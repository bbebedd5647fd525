"""``hinge-desktop --demo``: fill an empty training log with two years of generated training.

It runs before any window, without Qt, so that the app then opens on a log that shows what the
charts, the calendar, the records and the ladder look like after real use. A log that has sets
already is never touched: the demo is for looking around before training, not for mixing made-up
sets into a real history.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hinge_desktop.paths import DataFolderError, DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

if TYPE_CHECKING:
    from hinge_desktop.demo.workout_builder import DemoWorkout
    from hinge_desktop.domain.catalogue import Catalogue
    from hinge_desktop.storage.store import Store

EXIT_REFUSED = 1


def run_demo(data_dir: Path | None) -> int | None:
    """Add the demo history to the data folder's empty log.

    Returns None when it was added (the app goes on to open), else the exit code: 1 when the log
    has sets already (nothing is changed), 2 when the data folder or the database cannot be used
    (another Hinge has it open, say).
    """
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.folder_lock import lock_folder

    paths = DataPaths.resolve(data_dir)
    try:
        catalogue = builtin_catalogue()
    except CatalogueError as exc:
        return _fail(f"The drill catalogue that comes with Hinge is broken: {exc}", EXIT_REFUSED)
    try:
        paths.ensure()
        # The whole write holds the folder's lock, as a running Hinge does: a demo never goes
        # into the log of a Hinge that is open, nor into one being recovered.
        lock = lock_folder(paths.root)
    except (DataFolderError, StorageError) as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    try:
        filled = _fill(paths, catalogue)
    finally:
        if lock is not None:
            lock.release()
    if isinstance(filled, int):
        return filled
    # Said once the lock is given up: the window opens right after.
    # Flushed: a caller reading a pipe gets it now, not when Hinge exits.
    print(_summary(filled), flush=True)
    return None


def _fill(paths: DataPaths, catalogue: Catalogue) -> int | list[DemoWorkout]:
    """:func:`run_demo` once the folder is locked: the sessions written, or the exit code."""
    from hinge_desktop.storage.database import stored_set_count
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.integrity import start_check
    from hinge_desktop.storage.store import open_store

    try:
        # A damaged, missing or emptied log with backups is recovered first, and then has sets:
        # it is never filled with a demo.
        for message in start_check(paths.database, paths.backups).messages:
            print(f"hinge-desktop: {message}", file=sys.stderr)
        # Counted before opening, which would migrate an older database: a refused log is left
        # exactly as it was.
        existing = stored_set_count(paths.database)
        if existing:
            return _fail(_refusal(paths.database, existing), EXIT_REFUSED)
        store = open_store(paths.database)
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    try:
        if store.sets.count():
            # Sets written between the count and the open (by a program other than Hinge).
            return _fail(_refusal(store.path, store.sets.count()), EXIT_REFUSED)
        now = datetime.now().astimezone()
        sessions = _write(store, now, catalogue)
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    finally:
        store.close()
    return sessions


def _write(store: Store, now: datetime, catalogue: Catalogue) -> list[DemoWorkout]:
    """Write the whole history and the phases it reached, all together or not at all.

    The ladder's own rules then date each phase at the set that earned it, as they would have
    if the person had logged the sets one by one.
    """
    from hinge_desktop.demo.history import demo_history
    from hinge_desktop.storage.history_writer import add_workout_with_sets

    sessions = demo_history(now, catalogue, localise=_local_time)
    with store.db.atomic():
        for session in sessions:
            set_ids = add_workout_with_sets(store.db, session.workout, session.sets)
            for index, answers in session.answers:
                store.ladder.record_answers(set_ids[index], answers)
        store.ladder.update(now, catalogue)
    return sessions


def _local_time(wall_clock: datetime) -> datetime:
    """A local time of a past day with the UTC offset this computer had then (summer time or
    not), as the sets logged on that day would carry."""
    return wall_clock.astimezone()


def _refusal(database: Path, existing: int) -> str:
    sets = f"{existing:,} {'set' if existing == 1 else 'sets'}"
    return (
        f"--demo only fills an empty training log, and {database} has {sets} already. "
        "Nothing was changed. Use --data-dir with an empty folder to look at the demo."
    )


def _summary(sessions: list[DemoWorkout]) -> str:
    sets = sum(len(session.sets) for session in sessions)
    first = sessions[0].workout.started_at.date()
    last = sessions[-1].workout.started_at.date()
    return (
        f"Added a demo history: {len(sessions):,} workouts, {sets:,} sets "
        f"from {_day(first)} to {_day(last)}."
    )


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _fail(message: str, code: int) -> int:
    print(f"hinge-desktop: {message}", file=sys.stderr)
    return code
