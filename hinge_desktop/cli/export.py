"""``hinge-desktop --export FILE``: write the training log as Hinge CSV and exit, without Qt.

The export only reads: it never migrates the log, never creates a file in the data folder and
never writes a byte there, so it works on a read-only folder, file or mount, on a full disk, on
a log of an older data format and, above all, on a damaged log (see
``storage/exporting/export_log.py``).

Exit codes:

- 0: the whole log is in the export (a note on stderr may still say the log is damaged when
  everything in it could be read, or that text which was not UTF-8 was repaired);
- 1: the export file cannot be written (nothing is half-written), or Hinge's drill catalogue
  is broken;
- 2: nothing can be exported: the log cannot be opened, is another program's or a newer
  Hinge's, or is damaged past reading with no good backup to export instead;
- 3: an export was written, but it is not the whole log: rows of a damaged log could not be
  read and were left out, or the newest good backup was exported in place of a missing, empty
  or unreadable log. Stderr says what, in lines starting ``hinge-desktop:``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.errors import EXIT_STORAGE_ERROR

EXIT_EXPORT_FAILED = 1
EXIT_INCOMPLETE = 3


def run_export(data_dir: Path | None, file: Path) -> int:
    """Export every logged set in the data folder to ``file``; returns the exit code.

    ``file`` ending in ``.json`` gets the whole log (routines, favourites, the ladder and
    drills of one's own besides the sets) as Hinge JSON; any other, the sets as Hinge CSV.
    A data folder without a training log or backups gives an empty export; nothing is created
    or changed in the data folder.
    """
    from hinge_desktop.domain.catalogue import CatalogueError, builtin_catalogue
    from hinge_desktop.storage.custom_drills import CustomDrillRepository
    from hinge_desktop.storage.database import Database
    from hinge_desktop.storage.errors import StorageError
    from hinge_desktop.storage.exporting.csv_export import ExportError, export_csv
    from hinge_desktop.storage.exporting.export_log import CSV_TABLES, JSON_TABLES, export_log
    from hinge_desktop.storage.exporting.json_export import export_json

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

    def write_csv(db: Database) -> int:
        return export_csv(db, file, names | CustomDrillRepository(db).names(), units)

    def write_json(db: Database) -> int:
        return export_json(db, file)

    as_json = file.suffix.lower() == ".json"
    try:
        if as_json:
            exported = export_log(paths.database, write_json, JSON_TABLES)
        else:
            exported = export_log(paths.database, write_csv, CSV_TABLES)
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE_ERROR)
    except ExportError as exc:
        return _fail(str(exc), EXIT_EXPORT_FAILED)
    count = exported.count
    print(f"Exported {count:,} {'set' if count == 1 else 'sets'} to {file}", flush=True)
    for note in exported.notes:
        print(f"hinge-desktop: {note}", file=sys.stderr)
    return 0 if exported.whole else EXIT_INCOMPLETE


def _fail(message: str, code: int) -> int:
    print(f"hinge-desktop: {message}", file=sys.stderr)
    return code
