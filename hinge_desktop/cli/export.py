"""``hinge-desktop --export FILE``: write the training log as Hinge CSV and exit, without Qt."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlite_utils import Database

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

EXIT_EXPORT_FAILED = 1


def run_export(data_dir: Path | None, file: Path) -> int:
    """Export every logged set in the data folder to ``file``; returns the exit code.

    ``file`` ending in ``.json`` gets the whole log (routines, favourites, the ladder and
    drills of one's own besides the sets) as Hinge JSON; any other, the sets as Hinge CSV.
    A data folder without a training log yet gives an empty export; nothing is created in the
    data folder.
    """
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.exporting.csv_export import ExportError, export_csv, write_rows
    from hinge_desktop.storage.exporting.json_export import export_json
    from hinge_desktop.storage.store import open_store

    paths = DataPaths.resolve(data_dir)
    try:
        catalogue = builtin_catalogue()
    except CatalogueError as exc:
        return _fail(f"The drill catalogue that comes with Hinge is broken: {exc}", 1)
    names = {drill.id: drill.name for drill in catalogue}
    units = {
        drill.id: drill.check.unit
        for drill in catalogue
        if drill.check is not None and drill.check.unit
    }
    as_json = file.suffix.lower() == ".json"
    try:
        if not paths.database.exists():
            count = export_json(_empty_log(), file) if as_json else write_rows(file, ())
        else:
            store = open_store(paths.database)
            try:
                if as_json:
                    count = export_json(store.db, file)
                else:
                    names |= store.custom_drills.names()
                    count = export_csv(store.db, file, names, units)
            finally:
                store.close()
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    except ExportError as exc:
        return _fail(str(exc), EXIT_EXPORT_FAILED)
    print(f"Exported {count} {'set' if count == 1 else 'sets'} to {file}")
    return 0


def _empty_log() -> Database:
    """A log with nothing in it, in memory, to export the shape of an empty one."""
    from hinge_desktop.storage.migrations import build_migrations

    db = Database(memory=True)
    build_migrations().apply(db)
    return db


def _fail(message: str, code: int) -> int:
    print(f"hinge-desktop: {message}", file=sys.stderr)
    return code
