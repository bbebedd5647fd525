"""Every logged set as Hinge CSV, the format ``--export`` and File → Export write.

One row per set, oldest first, with the header :data:`HEADER`. ``date`` is ISO 8601 in the local
time the person had then (with its UTC offset); ``workout`` is the workout's name, empty for a
quick-logged set; cells that do not apply to a set are empty. What has no column of its own goes
into ``notes``, before the person's note: a set kind other than a working set ("warm-up"), a
check's result ("pass" or "fail") and a check's measured value with its unit ("85 degrees").

Rows are streamed from the database to a temporary file beside the target, which is renamed into
place only when complete: a failed export leaves the target as it was and no partial file. The
file gets the permissions of any file the person saves (their umask decides), or those of the
file it replaces.
"""

from __future__ import annotations

import csv
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from hinge_desktop.domain.imports.hinge_csv import HEADER, KIND_NOTES, NOTE_SEPARATOR
from hinge_desktop.domain.spreadsheet_cells import escape_cell
from hinge_desktop.domain.training import SetKind
from hinge_desktop.storage import timecodec

_QUERY = """
    SELECT s.performed_at, s.utc_offset, w.name, s.drill_id, s.set_number, s.side, s.reps,
           s.weight, s.unit, s.hold_seconds, s.rpe, s.band, s.kind, s.result, s.measured, s.note
    FROM sets AS s LEFT JOIN workouts AS w ON w.id = s.workout_id
    ORDER BY s.performed_at, s.id
"""


class ExportError(Exception):
    """The export cannot be written; ``str()`` is a message for the person."""


def export_csv(
    db: Database,
    path: Path,
    drill_names: Mapping[str, str],
    measure_units: Mapping[str, str] | None = None,
) -> int:
    """Write every set in ``db`` to ``path`` as Hinge CSV; returns the number of sets written.

    ``drill_names`` maps drill ids to the names shown in the ``drill`` column (an unknown drill is
    written under its id); ``measure_units`` maps a measuring check's id to the unit of its value.
    Raises :class:`ExportError` when ``path`` cannot be written.
    """
    cursor = db.execute(_QUERY)
    rows = (_row(values, drill_names, measure_units or {}) for values in cursor)
    try:
        return write_rows(path, rows)
    finally:
        cursor.close()


def write_rows(path: Path, rows: Iterable[Iterable[str]]) -> int:
    """Write the header and ``rows`` to ``path`` whole or not at all; returns the row count."""

    def fill(handle: IO[str]) -> int:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        return count

    return write_whole(path, fill)


def write_whole(path: Path, fill: Callable[[IO[str]], int]) -> int:
    """Have ``fill`` write a text file to ``path``, which appears only when complete (a
    temporary file beside it, flushed to disk, then renamed); returns what ``fill`` returns.

    Raises :class:`ExportError`, naming the file, when it cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"Cannot export to {target}: it is a folder; give a file name.")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Cannot export to {target}: the folder {folder} does not exist.")
    temporary: Path | None = None
    try:
        temporary, handle = _open_beside(target)
        with handle:
            count = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if target.is_file():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except BaseException as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
        raise
    return count


def _open_beside(target: Path) -> tuple[Path, IO[str]]:
    """A new, hidden file beside ``target``, created as any new file of the person is: read
    and write for all, less what their umask takes away. (Python's temporary files are private
    to their owner, and the export kept that mode when it was renamed into place.)"""
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return candidate, os.fdopen(descriptor, "w", encoding="utf-8", newline="")
    raise FileExistsError(f"no free temporary name beside {target}")


def _row(
    values: tuple[Any, ...], drill_names: Mapping[str, str], measure_units: Mapping[str, str]
) -> list[str]:
    (
        performed_at,
        offset,
        workout_name,
        drill_id,
        set_number,
        side,
        reps,
        weight,
        unit,
        hold_seconds,
        rpe,
        band,
        kind,
        result,
        measured,
        note,
    ) = values
    notes: list[str] = []
    kind_note = KIND_NOTES.get(SetKind(kind))
    if kind_note is not None:
        notes.append(kind_note)
    if result:
        notes.append(str(result))
    if measured is not None:
        measure_unit = measure_units.get(drill_id)
        notes.append(f"{_number(measured)} {measure_unit}" if measure_unit else _number(measured))
    if note:
        notes.append(note)
    return [
        timecodec.decode(performed_at, offset).isoformat(),
        escape_cell(workout_name or ""),
        escape_cell(drill_id),
        escape_cell(drill_names.get(drill_id, drill_id)),
        str(set_number),
        side or "",
        _number(reps),
        _number(weight),
        unit or "",
        _number(hold_seconds),
        _number(rpe),
        escape_cell(band or ""),
        escape_cell(NOTE_SEPARATOR.join(notes)),
    ]


def _number(value: float | None) -> str:
    """A number as a person writes it: ``60`` rather than ``60.0``, empty when there is none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
