"""``hinge-desktop --import FILE [--unit kg|lb]``: add an export's sets to the log, without Qt.

Prints one summary line and returns 0; for a file with bad lines, prints every bad line with its
number and why, imports nothing and returns 1. Weights the file gives no unit for take the one
``--unit`` gives, else the one the numbers tell (the summary says why); when they do not tell,
nothing is imported and the command asks for ``--unit`` (exit 1). The import holds the data
folder's lock (it is refused while Hinge has the folder open), a damaged or lost log is
recovered first, and the log is backed up before anything is written; a write that fails (a
full disk) is one line and exit 2, with nothing imported. A long import shows its progress on
standard error (``cli/progress.py``).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hinge_desktop.domain.training import Unit
from hinge_desktop.paths import DataFolderError, DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

if TYPE_CHECKING:
    from hinge_desktop.cli.progress import ProgressLines
    from hinge_desktop.domain.imports.model import ParsedFile
    from hinge_desktop.domain.imports.unit_guess import UnitGuess
    from hinge_desktop.storage.importing.prepare import PreparedImport
    from hinge_desktop.storage.importing.writer import ImportOutcome

EXIT_BAD_FILE = 1


def run_import(
    data_dir: Path | None,
    file: Path,
    unit: Unit | None = None,
    *,
    progress: ProgressLines | None = None,
) -> int:
    """Import ``file`` into the log of the data folder; returns the exit code.

    ``unit`` is the one for weights the file gives none (``--unit``); ``progress`` shows how
    far it has got (by default on standard error, see ``cli/progress.py``).
    """
    from hinge_desktop.cli.progress import ProgressLines
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.domain.imports.unit_guess import guess_for
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.folder_lock import lock_folder
    from hinge_desktop.storage.importing.prepare import ImportFailed, read_export

    shown = progress or ProgressLines.on_stderr()
    paths = DataPaths.resolve(data_dir)
    try:
        catalogue = builtin_catalogue()
    except CatalogueError as exc:
        return _fail(f"The drill catalogue that comes with Hinge is broken: {exc}", 1)
    try:
        parsed = read_export(file, shown.step(f"Reading {file.name}", "lines"))
    except ImportFailed as exc:
        return _fail(str(exc), EXIT_BAD_FILE)
    finally:
        shown.end()
    guess = guess_for(parsed)
    if unit is None and guess is not None and guess.unit is None and not parsed.problems:
        return _fail(
            f"{file.name} does not say whether its weights are kg or lb, and the numbers do not "
            f"tell ({guess.reason}). Nothing was imported: import it again with --unit kg or "
            "--unit lb.",
            EXIT_BAD_FILE,
        )
    try:
        paths.ensure()
        # The whole import holds the folder's lock, as a running Hinge does: nothing goes into
        # the log of a Hinge that is open, nor into one being recovered.
        lock = lock_folder(paths.root)
    except (DataFolderError, StorageError) as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    try:
        pairs = [(drill.id, drill.name) for drill in catalogue]
        job = _Import(paths, file, pairs, shown)
        return job.run(parsed, unit, guess)
    finally:
        shown.end()
        if lock is not None:
            lock.release()


class _Import:
    """:func:`run_import` once the file is read and the folder locked."""

    def __init__(
        self,
        paths: DataPaths,
        file: Path,
        catalogue: list[tuple[str, str]],
        shown: ProgressLines,
    ) -> None:
        self.paths = paths
        self.file = file
        self.catalogue = catalogue
        self.shown = shown

    def run(self, parsed: ParsedFile, unit: Unit | None, guess: UnitGuess | None) -> int:
        from hinge_desktop.storage.backups import back_up, backups_folder
        from hinge_desktop.storage.errors import StorageError
        from hinge_desktop.storage.importing.prepare import (
            prepare_import,
            problems_text,
            store_import,
        )
        from hinge_desktop.storage.integrity import start_check
        from hinge_desktop.storage.store import open_store

        paths, file = self.paths, self.file
        try:
            # A damaged, emptied or lost log is recovered before anything is imported into it.
            for message in start_check(paths.database, paths.backups).messages:
                print(f"hinge-desktop: {message}", file=sys.stderr)
            store = open_store(paths.database)
        except StorageError as exc:
            return _fail(str(exc), EXIT_STORAGE_ERROR)
        try:
            checking = self.shown.step("Checking the sets", "sets")
            prepared = prepare_import(
                store.db, file, parsed, self.catalogue, unit, guess=guess, progress=checking
            )
            self.shown.end()
            if prepared.plan.problems:
                count = len(prepared.plan.problems)
                print(problems_text(prepared), file=sys.stderr)
                return _fail(
                    f"Nothing was imported: {count:,} {'line' if count == 1 else 'lines'} of "
                    f"{file.name} cannot be read (above). Fix them and import the file again.",
                    EXIT_BAD_FILE,
                )
            # What is stored is the plan: the file as read is let go (a large file is held once).
            prepared = replace(prepared, parsed=replace(parsed, workouts=()))
            del parsed

            def backup() -> None:
                if prepared.new_sets:
                    back_up(store.db.conn, backups_folder(paths.database), "before-import")

            storing = self.shown.step(f"Importing {file.name}", "sets")
            outcome = store_import(store.db, prepared, before_writing=backup, progress=storing)
        except StorageError as exc:
            return _fail(str(exc), EXIT_STORAGE_ERROR)
        finally:
            self.shown.end()
            store.close()
        print(summary(file.name, prepared, outcome))
        return 0


def summary(name: str, prepared: PreparedImport, outcome: ImportOutcome) -> str:
    """The one line ``--import`` prints."""
    from hinge_desktop.storage.importing.prepare import UnitSource

    format_name = prepared.plan.format.value
    added, skipped = outcome.sets_added, outcome.sets_already_there
    if not added:
        line = (
            f"Nothing new in {name} ({format_name}): "
            f"{skipped:,} {_plural(skipped, 'set')} already in the log, not added again"
        )
    else:
        line = (
            f"Imported {added:,} {_plural(added, 'set')} in {outcome.workouts_added:,} "
            f"{_plural(outcome.workouts_added, 'workout')} from {name} ({format_name})"
        )
    if added and outcome.drills_added:
        line += f"; {outcome.drills_added} new {_plural(outcome.drills_added, 'drill')} of your own"
    if added and skipped:
        line += f"; {skipped:,} {_plural(skipped, 'set')} already in the log, not added again"
    unit = prepared.plan.unit.value
    if added and prepared.unit_source is UnitSource.GUESSED and prepared.guess is not None:
        line += f"; weights taken as {unit}: {prepared.guess.reason}"
    elif added and prepared.unit_source is UnitSource.GIVEN:
        line += f"; weights without a unit taken as {unit}, as --unit says"
    if prepared.parsed.encoding_note:
        line += f"; {prepared.parsed.encoding_note}"
    return line if line.endswith("…") else line + "."


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _fail(message: str, code: int) -> int:
    print(f"hinge-desktop: {message}", file=sys.stderr)
    return code
