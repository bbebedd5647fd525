"""``hinge-desktop --import FILE``: add an export's sets to the log, without Qt.

Prints one summary line and returns 0; for a file with bad lines, prints every bad line with its
number and why, imports nothing and returns 1. The log is backed up before anything is written.
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hinge_desktop.domain.training import Unit
from hinge_desktop.paths import DataFolderError, DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

if TYPE_CHECKING:
    from hinge_desktop.domain.imports.model import ParsedFile
    from hinge_desktop.storage.importing.writer import ImportOutcome

EXIT_BAD_FILE = 1

UNIT_SETTING = ("history", "weight_unit")
"""Where the settings file keeps the unit chosen for weights (the charts' unit)."""

IMPERIAL_TERRITORIES = ("_US", "_LR", "_MM")
"""Locales that measure weights in pounds."""


def run_import(data_dir: Path | None, file: Path) -> int:
    """Import ``file`` into the log of the data folder; returns the exit code."""
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.storage.backups import back_up, backups_folder
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.importing.prepare import (
        ImportFailed,
        prepare_import,
        problems_text,
        read_export,
        store_import,
    )
    from hinge_desktop.storage.store import open_store

    paths = DataPaths.resolve(data_dir)
    try:
        catalogue = builtin_catalogue()
    except CatalogueError as exc:
        return _fail(f"The drill catalogue that comes with Hinge is broken: {exc}", 1)
    try:
        parsed = read_export(file)
    except ImportFailed as exc:
        return _fail(str(exc), EXIT_BAD_FILE)
    try:
        paths.ensure()
        store = open_store(paths.database)
    except (DataFolderError, StorageError) as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    try:
        pairs = [(drill.id, drill.name) for drill in catalogue]
        prepared = prepare_import(store.db, file, parsed, pairs, default_unit(paths.settings))
        if prepared.plan.problems:
            count = len(prepared.plan.problems)
            print(problems_text(prepared), file=sys.stderr)
            return _fail(
                f"Nothing was imported: {count} {'line' if count == 1 else 'lines'} of "
                f"{file.name} cannot be read (above). Fix them and import the file again.",
                EXIT_BAD_FILE,
            )

        def backup() -> None:
            if prepared.new_sets:
                back_up(store.db.conn, backups_folder(paths.database), "before-import")

        outcome = store_import(store.db, prepared, before_writing=backup)
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    finally:
        store.close()
    print(summary(file.name, prepared.plan.format.value, outcome, prepared.plan.unit, parsed))
    return 0


def summary(
    name: str, format_name: str, outcome: ImportOutcome, unit: Unit, parsed: ParsedFile
) -> str:
    """The one line ``--import`` prints."""
    added, skipped = outcome.sets_added, outcome.sets_already_there
    if not added:
        return (
            f"Nothing new in {name} ({format_name}): "
            f"{skipped:,} {_plural(skipped, 'set')} already in the log, not added again."
        )
    line = (
        f"Imported {added:,} {_plural(added, 'set')} in {outcome.workouts_added:,} "
        f"{_plural(outcome.workouts_added, 'workout')} from {name} ({format_name})"
    )
    if outcome.drills_added:
        line += f"; {outcome.drills_added} new {_plural(outcome.drills_added, 'drill')} of your own"
    if skipped:
        line += f"; {skipped:,} {_plural(skipped, 'set')} already in the log, not added again"
    if parsed.weights_without_unit and added:
        line += f"; weights without a unit taken as {unit.value}"
    return line + "."


def default_unit(settings: Path) -> Unit:
    """The unit chosen for weights in Hinge's settings, else the one of the locale."""
    config = configparser.ConfigParser(interpolation=None)
    try:
        config.read(settings, encoding="utf-8")
        chosen = config.get(*UNIT_SETTING, fallback="")
    except (configparser.Error, UnicodeDecodeError):
        chosen = ""
    if chosen in (Unit.KG.value, Unit.LB.value):
        return Unit(chosen)
    for variable in ("LC_ALL", "LC_MEASUREMENT", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return Unit.LB if any(t in value for t in IMPERIAL_TERRITORIES) else Unit.KG
    return Unit.KG


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _fail(message: str, code: int) -> int:
    print(f"hinge-desktop: {message}", file=sys.stderr)
    return code
