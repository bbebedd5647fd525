"""Hevy's CSV export: one row per set, every workout's title and times repeated on each row.

What Hevy writes, and what is read here:

- The header ``title, start_time, end_time, description, exercise_title, superset_id,
  exercise_notes, set_index, set_type, weight_kg, reps, distance_km, duration_seconds, rpe``,
  text quoted, numbers usually not. An account set to pounds writes ``weight_lbs`` and
  ``distance_miles`` instead; the column's name is the unit. A header with both weight columns
  is read too, the filled cell counting.
- Times without a zone in the phone's local time, in the app's language: ``7 Apr 2026, 10:14``,
  ``25 Juli 2026, 14:21`` or ``25. Juli 2026, 14:21``, ``Apr 7, 2026, 7:26 PM``; also ISO 8601
  (``2026-04-07 10:14:00``, ``2026-04-07T10:14:00Z``), whose offset, when it has one, is kept.
- Set types ``normal``, ``warmup``, ``dropset`` and ``failure``; an empty one is a working set.
- ``0`` where a value does not apply (``duration_seconds`` of a lifted set): read as none.
- Commas, semicolons (then with decimal commas, as a spreadsheet in such a locale saves it) or
  tabs between the cells.

Rows with the same title and start time make one workout, in the order the file first names
them; Hevy's ``set_index`` restarts for every exercise, so sets are numbered in file order.
A superset and a distance (Hinge has no field for either) go into each set's note, before the
exercise's notes, so nothing Hevy recorded is lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from hinge_desktop.domain.imports.csv_rows import (
    BadCell,
    Row,
    UnreadableRecord,
    amount_text,
    nonzero,
    open_rows,
    parse_count,
    parse_number,
)
from hinge_desktop.domain.imports.model import (
    ImportFormat,
    LineProblem,
    Localise,
    ParsedFile,
    Progress,
    SourceSet,
    SourceWorkout,
)
from hinge_desktop.domain.imports.text_source import TextSource
from hinge_desktop.domain.training import SetKind, Unit

FORMAT = ImportFormat.HEVY

REQUIRED_COLUMNS = ("title", "start_time", "exercise_title")
"""What every Hevy export has, and no other format does."""

WEIGHT_COLUMNS = {"weight_kg": Unit.KG, "weight_lbs": Unit.LB}
DISTANCE_COLUMNS = {"distance_km": "km", "distance_miles": "mi"}

SET_KINDS = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARMUP,
    "dropset": SetKind.DROP,
    "failure": SetKind.FAILURE,
}

DATE_EXAMPLE = "7 Apr 2026, 10:14"

_MONTH_NAMES = (
    "january jan januar janv janvier enero ene janeiro gennaio gen januari",
    "february feb februar fevrier fevr fev febrero fevereiro febbraio februari",
    "march mar marz maerz mrz mars marzo marco maart mrt",
    "april apr avril avr abril abr aprile",
    "may mai mayo maio maggio mag mei",
    "june jun juni juin junio junho giugno giu",
    "july jul juli juillet juil julio julho luglio lug",
    "august aug aout agosto ago augustus",
    "september sep sept septembre septiembre setiembre setembro settembre set",
    "october oct oktober okt octobre octubre outubro out ottobre ott",
    "november nov novembre noviembre novembro",
    "december dec dezember dez decembre diciembre dic dezembro dicembre",
)
"""Each month's names and abbreviations without accents, in the languages Hevy is written in
(English, German, French, Spanish, Portuguese, Italian, Dutch)."""

_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}

_CONNECTORS = frozenset({"de", "del", "um", "at", "a", "as", "las", "om", "alle", "le", "kl"})
"""Words some languages put between the parts of a date ("7 de abr. de 2026", "um 10:14",
"às 10:14")."""

_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_MERIDIEM = re.compile(r"\b([ap])\.?\s?m\b\.?")
_DATE_TOKEN = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|\d+|[^\W\d_]+")
_DATE_SEPARATORS = re.compile(r"[\s,.]*")


def matches(header: list[str]) -> bool:
    """True for the header of a Hevy export (any unit, any order of columns)."""
    names = {cell.strip().lower() for cell in header}
    return all(column in names for column in REQUIRED_COLUMNS)


def parse(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    """Every workout and set in ``text``; a row that cannot be read becomes a problem."""
    try:
        header, delimiter, rows = open_rows(text, (",", ";", "\t"), progress)
    except UnreadableRecord as unreadable:
        return ParsedFile(FORMAT, problems=(LineProblem(unreadable.line, unreadable.reason),))
    columns = _Columns.of(header)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns.names]
    if missing:
        reason = f"the header has no {', '.join(missing)} column; this is not a Hevy export"
        return ParsedFile(FORMAT, problems=(LineProblem(1, reason),))
    reader = _RowReader(columns, localise, decimal_comma=delimiter == ";")
    workouts: dict[tuple[str, str], _Draft] = {}
    problems: list[LineProblem] = []
    try:
        for row in rows:
            try:
                head, source_set = reader.read(row)
            except BadCell as bad:
                problems.append(LineProblem(row.line, str(bad)))
                continue
            key = (head.title, head.started_at.isoformat())
            workouts.setdefault(key, _Draft(head)).sets.append(source_set)
    except UnreadableRecord as unreadable:
        problems.append(LineProblem(unreadable.line, unreadable.reason))
    return ParsedFile(
        FORMAT,
        workouts=tuple(draft.finished() for draft in workouts.values()),
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class _Columns:
    """The header's names, found whatever their case."""

    names: dict[str, str]
    """Lower-case name to the name as the header spells it."""

    @classmethod
    def of(cls, header: list[str]) -> _Columns:
        names: dict[str, str] = {}
        for name in header:
            names.setdefault(name.lower(), name)
        return cls(names)

    def cell(self, row: Row, name: str) -> str:
        spelled = self.names.get(name)
        return row.cells.get(spelled, "") if spelled is not None else ""

    def present(self, choices: Iterable[str]) -> list[str]:
        """Those of ``choices`` the header has, in the order given."""
        return [name for name in choices if name in self.names]


@dataclass(frozen=True)
class _Head:
    """What every row repeats about its workout."""

    line: int
    title: str
    started_at: datetime
    ended_at: datetime | None
    description: str


@dataclass
class _Draft:
    head: _Head
    sets: list[SourceSet] = field(default_factory=list)

    def finished(self) -> SourceWorkout:
        return SourceWorkout(
            line=self.head.line,
            started_at=self.head.started_at,
            ended_at=self.head.ended_at,
            name=self.head.title,
            notes=self.head.description,
            sets=tuple(self.sets),
        )


@dataclass(frozen=True)
class _RowReader:
    columns: _Columns
    localise: Localise
    decimal_comma: bool

    def read(self, row: Row) -> tuple[_Head, SourceSet]:
        if any(row.overflow):
            extra = ", ".join(f"“{cell}”" for cell in row.overflow if cell)
            raise BadCell(f"the row has more cells than the header: {extra}")
        head = self._head(row)
        exercise = self._cell(row, "exercise_title")
        if not exercise:
            raise BadCell("exercise_title is empty")
        parse_count(self._cell(row, "set_index"), "set_index", decimal_comma=self.decimal_comma)
        weight, unit = self._weight(row)
        seconds = nonzero(self._number(row, "duration_seconds"))
        distance, distance_unit = self._distance(row)
        reps = self._count(row, "reps")
        if reps == 0 and (seconds is not None or distance is not None):
            reps = None
        return head, SourceSet(
            line=row.line,
            exercise=exercise,
            performed_at=head.started_at,
            reps=reps,
            seconds=seconds,
            weight=weight,
            unit=unit,
            kind=_kind(self._cell(row, "set_type")),
            rpe=nonzero(self._number(row, "rpe")),
            note=_note(
                self._cell(row, "exercise_notes"),
                self._cell(row, "superset_id"),
                _distance_text(distance, distance_unit),
            ),
        )

    def _head(self, row: Row) -> _Head:
        start_text = self._cell(row, "start_time")
        if not start_text:
            raise BadCell("start_time is empty")
        started_at = _time(start_text, "start_time", self.localise)
        end_text = self._cell(row, "end_time")
        ended_at = _time(end_text, "end_time", self.localise) if end_text else None
        if ended_at is not None and _before(ended_at, started_at):
            raise BadCell(f"end_time “{end_text}” is before start_time “{start_text}”")
        return _Head(
            line=row.line,
            title=self._cell(row, "title"),
            started_at=started_at,
            ended_at=ended_at,
            description=self._cell(row, "description"),
        )

    def _weight(self, row: Row) -> tuple[float | None, Unit | None]:
        for name in self.columns.present(WEIGHT_COLUMNS):
            weight = nonzero(self._number(row, name))
            if weight is not None:
                return weight, WEIGHT_COLUMNS[name]
        return None, None

    def _distance(self, row: Row) -> tuple[float | None, str]:
        for name in self.columns.present(DISTANCE_COLUMNS):
            distance = nonzero(self._number(row, name))
            if distance is not None:
                return distance, DISTANCE_COLUMNS[name]
        return None, ""

    def _cell(self, row: Row, name: str) -> str:
        return self.columns.cell(row, name)

    def _number(self, row: Row, name: str) -> float | None:
        return parse_number(self._cell(row, name), name, decimal_comma=self.decimal_comma)

    def _count(self, row: Row, name: str) -> int | None:
        return parse_count(self._cell(row, name), name, decimal_comma=self.decimal_comma)


def _kind(text: str) -> SetKind:
    if not text:
        return SetKind.WORKING
    kind = SET_KINDS.get(text.lower())
    if kind is None:
        known = ", ".join(SET_KINDS)
        raise BadCell(f"set_type “{text}” is not one of {known}")
    return kind


def _distance_text(distance: float | None, unit: str) -> str:
    return "" if distance is None else f"{amount_text(distance)} {unit}"


def _note(exercise_notes: str, superset_id: str, distance: str) -> str:
    """ "superset 1; 2.5 km; the exercise's notes": what the set has no field for, then the notes
    as written (the order Strong's distances take too)."""
    superset = f"superset {superset_id}" if superset_id else ""
    return "; ".join(part for part in (superset, distance, exercise_notes) if part)


def _before(later: datetime, earlier: datetime) -> bool:
    try:
        return later < earlier
    except OverflowError:
        return False


def _time(text: str, column: str, localise: Localise) -> datetime:
    """A time as Hevy writes it, made aware: its own offset if it has one, else local time."""
    moment = _iso_time(text) if _ISO_START.match(text) else _named_month_time(text)
    if moment is None:
        raise BadCell(f"{column} “{text}” is not a date like {DATE_EXAMPLE}")
    if moment.tzinfo is not None:
        return moment
    try:
        return localise(moment)
    except (ValueError, OverflowError, OSError) as error:
        raise BadCell(f"{column} “{text}” is out of range") from error


def _iso_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _named_month_time(text: str) -> datetime | None:
    """ "7 Apr 2026, 10:14", "25. Juli 2026, 14:21", "Apr 7, 2026, 7:26 PM"; None otherwise."""
    lowered = _MERIDIEM.sub(lambda found: f" {found.group(1)}m ", text.lower())
    if _DATE_SEPARATORS.fullmatch(_DATE_TOKEN.sub("", lowered)) is None:
        return None
    parts = _DateParts()
    for token in _DATE_TOKEN.findall(lowered):
        if not parts.take(token):
            return None
    return parts.moment()


@dataclass
class _DateParts:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    clock: tuple[int, int, int] | None = None
    meridiem: str | None = None

    def take(self, token: str) -> bool:
        """Keep what ``token`` says; False when it says nothing a date says, or says it twice."""
        if ":" in token:
            return self._take_clock(token)
        if token.isascii() and token.isdigit():
            return self._take_number(token)
        word = _without_accents(token)
        if word in ("am", "pm") and self.meridiem is None:
            self.meridiem = word
            return True
        if word in _CONNECTORS:
            return True
        if word in _MONTHS and self.month is None:
            self.month = _MONTHS[word]
            return True
        return False

    def _take_clock(self, token: str) -> bool:
        if self.clock is not None:
            return False
        hour, minute, *second = (int(part) for part in token.split(":"))
        self.clock = (hour, minute, second[0] if second else 0)
        return True

    def _take_number(self, token: str) -> bool:
        if len(token) == 4 and self.year is None:
            self.year = int(token)
            return True
        if len(token) <= 2 and self.day is None:
            self.day = int(token)
            return True
        return False

    def moment(self) -> datetime | None:
        if None in (self.day, self.month, self.year) or self.clock is None:
            return None
        hour, minute, second = self.clock
        if self.meridiem is not None:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if self.meridiem == "pm" else 0)
        try:
            return datetime(self.year or 0, self.month or 0, self.day or 0, hour, minute, second)
        except ValueError:
            return None


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
