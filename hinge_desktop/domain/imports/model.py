"""What a parser makes of an export file: workouts of sets, each set with the line it came from.

Nothing here is matched to our drills yet (except in Hinge's own formats, which name them) and
nothing is validated against what a person can log: :mod:`.plan` does both, so every problem in a
file is reported with its line number before anything is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hinge_desktop.domain.training import CheckOutcome, SetKind, Side, Unit

Localise = Callable[[datetime], datetime]
"""Gives a naive local wall-clock time read from a file its UTC offset (that of this computer
on that day, summer time or not)."""

Progress = Callable[[int, int], None]
"""Called now and then with (lines read, lines in the file)."""


class TextEncoding(StrEnum):
    """How the bytes of a file were read as text."""

    UTF8 = "UTF-8"
    UTF16 = "UTF-16"
    WINDOWS_1252 = "Windows-1252"
    """What Excel on Windows saves a CSV as (cp1252): read when a file is not UTF-8."""


class ImportFormat(StrEnum):
    HINGE_CSV = "Hinge CSV"
    HINGE_JSON = "Hinge JSON"
    STRONG = "Strong CSV"
    HEVY = "Hevy CSV"
    FITNOTES = "FitNotes CSV"


KNOWN_FORMATS = ", ".join(f.value for f in ImportFormat)


class UnknownFormat(ValueError):
    """The file is not an export Hinge can read; the message names the formats it can."""


@dataclass(frozen=True)
class LineProblem:
    """A line that cannot be imported, and why, in words a person can act on."""

    line: int
    """1-based line of the file where the record starts; the header is line 1."""
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SourceSet:
    """One set as the file has it."""

    line: int
    exercise: str
    """The exercise's name in the file ("Romanian Deadlift (Barbell)")."""
    performed_at: datetime
    """Timezone-aware."""
    reps: int | None = None
    seconds: float | None = None
    """A timed set's duration."""
    weight: float | None = None
    unit: Unit | None = None
    """None with a weight: the file does not say, and the unit the person chooses applies."""
    kind: SetKind = SetKind.WORKING
    side: Side | None = None
    rpe: float | None = None
    band: str | None = None
    note: str = ""
    result: CheckOutcome | None = None
    measured: float | None = None
    drill_id: str | None = None
    """Hinge's own formats name the drill; other apps only the exercise."""
    set_number: int | None = None
    """Hinge's own formats keep the set's number; otherwise sets are numbered in file order."""


@dataclass(frozen=True, slots=True)
class SourceWorkout:
    """One session and its sets, in file order."""

    line: int
    started_at: datetime
    ended_at: datetime | None = None
    name: str = ""
    notes: str = ""
    sets: tuple[SourceSet, ...] = ()
    routine_id: str | None = None
    drill_id: str | None = None
    """What was started in Hinge (its own formats only): a routine, or a single drill."""
    outside_workout: bool = False
    """Sets quick-logged outside any workout (Hinge's own formats): stored without one."""


@dataclass(frozen=True)
class ParsedFile:
    """A whole file read; ``problems`` empty means every line was understood."""

    format: ImportFormat
    workouts: tuple[SourceWorkout, ...] = ()
    problems: tuple[LineProblem, ...] = ()
    weights_without_unit: bool = False
    """True when some weights carry no unit in the file (Strong without one in its header)."""
    extras: dict[str, object] = field(default_factory=dict)
    """What only Hinge JSON carries besides sets (routines, favourites, custom drills, the
    ladder), keyed by section."""
    encoding: TextEncoding = TextEncoding.UTF8
    """How the file's bytes were read."""

    @property
    def set_count(self) -> int:
        return sum(len(w.sets) for w in self.workouts)

    @property
    def encoding_note(self) -> str:
        """What a person should know about how the file was read; "" for UTF-8 or UTF-16."""
        if self.encoding is TextEncoding.WINDOWS_1252:
            return "read as Windows-1252: the file is not UTF-8"
        return ""
