"""An import from a file, step by step: read and plan it (nothing stored), then store it.

The two steps let a preview show what would be added, and let the person check or choose the
unit of a file that has none (guessed from the numbers when they tell), before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlite_utils import Database

from hinge_desktop.domain.imports.detect import parse_text
from hinge_desktop.domain.imports.exercise_names import ExerciseMatcher
from hinge_desktop.domain.imports.model import Localise, ParsedFile, Progress, UnknownFormat
from hinge_desktop.domain.imports.plan import ImportPlan, plan_import
from hinge_desktop.domain.imports.unit_guess import UnitGuess, guess_for
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.errors import DatabaseFailed, Fault, StorageError, classify
from hinge_desktop.storage.importing.export_file import export_text
from hinge_desktop.storage.importing.writer import ImportOutcome, count_already_stored, write_import


class ImportFailed(Exception):
    """The file cannot be imported; ``str()`` says why, for the person."""


class ImportNotStored(StorageError):
    """Writing the import failed (a full disk, a read-only log); nothing of it was stored.
    ``str()`` says why, for the person; ``fault`` tells the kind."""

    def __init__(self, path: Path, fault: Fault, message: str) -> None:
        super().__init__(path, message)
        self.fault = fault


class UnitSource(StrEnum):
    """Where the unit of the weights a file gives none comes from."""

    FILE = "file"
    """The file gives every weight its unit (or has no weights)."""
    GIVEN = "given"
    """The person chose it (``--unit``, or the preview's choice)."""
    GUESSED = "guessed"
    """Hinge told it from the numbers (see ``guess``)."""
    UNDECIDED = "undecided"
    """The numbers do not tell: the person must choose before anything is stored."""


@dataclass(frozen=True)
class PreparedImport:
    """A file read and planned against the log; nothing stored yet."""

    path: Path
    parsed: ParsedFile
    plan: ImportPlan
    already_there: int
    """Sets of the file that are in the log already and will not be added again."""
    guess: UnitGuess | None = None
    """What the numbers say about the unit of the weights the file gives none; None when the
    file gives every weight its unit."""
    unit_source: UnitSource = UnitSource.FILE

    @property
    def new_sets(self) -> int:
        return self.plan.set_count - self.already_there

    @property
    def needs_unit(self) -> bool:
        """The person must choose kg or lb before this can be stored."""
        return self.unit_source is UnitSource.UNDECIDED


def read_export(
    path: Path, progress: Progress | None = None, localise: Localise | None = None
) -> ParsedFile:
    """Read and parse the export at ``path``, streaming it; raises :class:`ImportFailed` when
    it cannot be read or is no known format (bad lines are in the result's ``problems``)."""
    try:
        with export_text(path) as source:
            parsed = parse_text(source, localise or _local_time, progress)
    except IsADirectoryError:
        raise ImportFailed(f"{path} is a folder; choose an export file.") from None
    except FileNotFoundError:
        raise ImportFailed(f"There is no file {path}.") from None
    except UnicodeDecodeError:
        raise ImportFailed(f"{path.name} changed while it was read; import it again.") from None
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except UnknownFormat as exc:
        raise ImportFailed(str(exc)) from None
    return replace(parsed, encoding=source.encoding)


def prepare_import(
    db: Database,
    path: Path,
    parsed: ParsedFile,
    catalogue: Iterable[tuple[str, str]],
    unit: Unit | None = None,
    *,
    guess: UnitGuess | None = None,
    progress: Progress | None = None,
) -> PreparedImport:
    """Plan ``parsed`` against the log: drills matched (``catalogue`` gives our drills' ids and
    names), the sets already stored counted, and ``unit`` given to weights without one; without
    a ``unit``, the one the numbers tell (``guess``, or guessed here), else the import waits
    for the person's choice."""
    drills = list(catalogue)
    own = CustomDrillRepository(db)
    matcher = ExerciseMatcher(drills, own.by_imported_name())
    # Hinge's JSON brings the person's own drills with their names: they are stored as such.
    brought = parsed.extras.get("custom_drills", [])
    known = {drill_id for drill_id, _ in drills} | set(own.names())
    if isinstance(brought, list):
        known |= {drill["id"] for drill in brought}
    guess = guess or guess_for(parsed)
    if guess is None:
        source = UnitSource.FILE
    elif unit is not None:
        source = UnitSource.GIVEN
    elif guess.unit is not None:
        source, unit = UnitSource.GUESSED, guess.unit
    else:
        source = UnitSource.UNDECIDED
    # Undecided: planned in kg to show what would be added; storing waits for a choice.
    plan = plan_import(parsed, matcher, known, unit or Unit.KG, progress)
    already = count_already_stored(db, plan) if not plan.problems else 0
    return PreparedImport(path, parsed, plan, already, guess, source)


def with_unit(
    db: Database, prepared: PreparedImport, catalogue: Iterable[tuple[str, str]], unit: Unit
) -> PreparedImport:
    """The same import with ``unit`` for the weights the file gives none."""
    return prepare_import(db, prepared.path, prepared.parsed, catalogue, unit, guess=prepared.guess)


def store_import(
    db: Database,
    prepared: PreparedImport,
    before_writing: Callable[[], object] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportOutcome:
    """Store the import, all or nothing; ``before_writing`` runs first (the backup) and
    stops the import if it raises. A write that fails (a full disk) raises
    :class:`ImportNotStored`, with nothing stored."""
    if prepared.plan.problems:
        raise ImportFailed(problems_text(prepared))
    if prepared.needs_unit:
        raise ImportFailed(
            f"{prepared.path.name} does not say whether its weights are kg or lb, and the "
            "numbers do not tell: choose the unit before importing."
        )
    if before_writing is not None:
        before_writing()
    try:
        return write_import(db, prepared.plan, prepared.path.name, progress)
    except (DatabaseFailed, OSError) as exc:
        raise _not_stored(db, exc) from exc


def _not_stored(db: Database, exc: BaseException) -> ImportNotStored:
    fault = classify(exc)
    why = {
        Fault.DISK_FULL: "the disk is full",
        Fault.READ_ONLY: "the log cannot be written (it is read-only)",
        Fault.IN_USE: "another program holds the log",
        Fault.DISK_ERROR: f"the disk could not be written ({exc})",
    }.get(fault, f"the log could not be written ({exc})")
    return ImportNotStored(_database_path(db), fault, f"{why}; nothing was imported")


def _database_path(db: Database) -> Path:
    try:
        for _, name, file in db.conn.execute("PRAGMA database_list"):
            if name == "main":
                return Path(file)
    except DatabaseFailed:
        pass
    return Path()


def problems_text(prepared: PreparedImport, most: int | None = None) -> str:
    """Every bad line, one per line, as the person will read them."""
    problems = prepared.plan.problems
    shown = problems if most is None else problems[:most]
    lines = [f"{prepared.path.name}, {problem}" for problem in shown]
    if len(shown) < len(problems):
        lines.append(f"… and {len(problems) - len(shown)} more lines.")
    return "\n".join(lines)


def _local_time(wall_clock: datetime) -> datetime:
    """A local wall-clock time read from a file, with the UTC offset this computer had then
    (summer time or not)."""
    return wall_clock.astimezone()
