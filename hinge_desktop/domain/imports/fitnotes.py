"""FitNotes' CSV export: one row per set, dated by day only.

The headers FitNotes has written, all read here (columns found by name, in any order and case):

- ``Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time`` with or without a last
  ``Comment`` column, or ``Weight (lbs)`` (the Android app, the unit in the header);
- ``Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment`` (newer
  Android versions, ``kgs`` or ``lbs`` on every row);
- ``Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind``
  (FitNotes 2 for iOS, the weight in both units);
- ``Date,Exercise,Category,Weight,Reps`` and other trimmed headers: a weight without a unit is
  kept without one, and :attr:`.ParsedFile.weights_without_unit` says so.

A file holds dates only (``2026-04-07``), so each date becomes one workout starting at noon local
time: noon is never skipped or repeated by a change to or from summer time, and a day's noon
stays on that day when it is shown in any time zone less than twelve hours away, where midnight
would slip into the day before. Sets keep the file's order. ``Time`` (``0:01:30``, ``00:01:30`` or
``1:30``) is a timed set's duration; a distance and the comment go into the set's note ("5 km;
easy pace"); a weight of 0 (a body-weight exercise) is no weight.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

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
from hinge_desktop.domain.training import LB_PER_KG, Unit

FORMAT = ImportFormat.FITNOTES

WORKOUT_START = time(12)
"""When a day's workout is placed: see the module's docstring for why noon."""

WEIGHT_COLUMNS = {
    "weight (kgs)": Unit.KG,
    "weight (kg)": Unit.KG,
    "weight (lbs)": Unit.LB,
    "weight (lb)": Unit.LB,
}
UNIT_WORDS = {"kgs": Unit.KG, "kg": Unit.KG, "lbs": Unit.LB, "lb": Unit.LB}
MEASURE_COLUMNS = frozenset({*WEIGHT_COLUMNS, "weight", "reps", "distance", "time"})
NOTE_COLUMNS = ("comment", "notes")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(\d+):(\d{1,2})(?::(\d{1,2}))?")


def matches(header: list[str]) -> bool:
    """True for a FitNotes header: a date, an exercise and something measured."""
    names = {cell.strip().lower() for cell in header}
    return {"date", "exercise"} <= names and bool(names & MEASURE_COLUMNS)


def parse(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    """Every day's workout and its sets in ``text``; a row that cannot be read is a problem."""
    try:
        header, delimiter, rows = open_rows(text, (",", ";", "\t"), progress)
    except UnreadableRecord as unreadable:
        return ParsedFile(FORMAT, problems=(LineProblem(unreadable.line, unreadable.reason),))
    columns = _Columns.of(header)
    missing = [name for name in ("Date", "Exercise") if name.lower() not in columns.names]
    if missing:
        reason = f"the header has no {' or '.join(missing)} column; this is not a FitNotes export"
        return ParsedFile(FORMAT, problems=(LineProblem(1, reason),))
    reader = _RowReader(columns, _Noon(localise), decimal_comma=delimiter == ";")
    workouts: dict[date, _Draft] = {}
    problems: list[LineProblem] = []
    try:
        for row in rows:
            try:
                day, source_set = reader.read(row)
            except BadCell as bad:
                problems.append(LineProblem(row.line, str(bad)))
                continue
            draft = workouts.setdefault(day, _Draft(row.line, source_set.performed_at))
            draft.sets.append(source_set)
    except UnreadableRecord as unreadable:
        problems.append(LineProblem(unreadable.line, unreadable.reason))
    finished = tuple(draft.finished() for draft in workouts.values())
    return ParsedFile(
        FORMAT,
        workouts=finished,
        problems=tuple(problems),
        weights_without_unit=any(
            s.weight is not None and s.unit is None for w in finished for s in w.sets
        ),
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

    def spelled(self, name: str) -> str:
        return self.names.get(name, name)

    def cell(self, row: Row, name: str) -> str:
        spelled = self.names.get(name)
        return row.cells.get(spelled, "") if spelled is not None else ""


@dataclass
class _Noon:
    """Each date's noon, made aware once."""

    localise: Localise
    known: dict[date, datetime] = field(default_factory=dict)

    def of(self, day: date, text: str) -> datetime:
        if day not in self.known:
            try:
                self.known[day] = self.localise(datetime.combine(day, WORKOUT_START))
            except (ValueError, OverflowError, OSError) as error:
                raise BadCell(f"Date “{text}” is out of range") from error
        return self.known[day]


@dataclass
class _Draft:
    line: int
    started_at: datetime
    sets: list[SourceSet] = field(default_factory=list)

    def finished(self) -> SourceWorkout:
        return SourceWorkout(line=self.line, started_at=self.started_at, sets=tuple(self.sets))


@dataclass(frozen=True)
class _RowReader:
    columns: _Columns
    noon: _Noon
    decimal_comma: bool

    def read(self, row: Row) -> tuple[date, SourceSet]:
        if any(row.overflow):
            extra = ", ".join(f"“{cell}”" for cell in row.overflow if cell)
            raise BadCell(f"the row has more cells than the header: {extra}")
        date_text = self._cell(row, "date")
        day = _day(date_text)
        exercise = self._cell(row, "exercise")
        if not exercise:
            raise BadCell("Exercise is empty")
        weight, unit = self._weight(row)
        seconds = _duration(self._cell(row, "time"), self.columns.spelled("time"))
        distance = nonzero(self._number(row, "distance"))
        reps = parse_count(
            self._cell(row, "reps"), self.columns.spelled("reps"), decimal_comma=self.decimal_comma
        )
        if reps == 0 and (seconds is not None or distance is not None):
            reps = None
        return day, SourceSet(
            line=row.line,
            exercise=exercise,
            performed_at=self.noon.of(day, date_text),
            reps=reps,
            seconds=seconds,
            weight=weight,
            unit=unit,
            note=_note(self._comment(row), distance, self._cell(row, "distance unit")),
        )

    def _weight(self, row: Row) -> tuple[float | None, Unit | None]:
        readings = [
            (weight, unit, name)
            for name, unit in WEIGHT_COLUMNS.items()
            if (weight := nonzero(self._number(row, name))) is not None
        ]
        if readings:
            return _one_weight(readings, self.columns.spelled)
        weight = nonzero(self._number(row, "weight"))
        if weight is None:
            return None, None
        return weight, self._unit(row)

    def _unit(self, row: Row) -> Unit | None:
        text = self._cell(row, "weight unit")
        if not text:
            return None
        unit = UNIT_WORDS.get(text.lower())
        if unit is None:
            raise BadCell(f"{self.columns.spelled('weight unit')} “{text}” is not kgs or lbs")
        return unit

    def _comment(self, row: Row) -> str:
        return next((c for name in NOTE_COLUMNS if (c := self._cell(row, name))), "")

    def _cell(self, row: Row, name: str) -> str:
        return self.columns.cell(row, name)

    def _number(self, row: Row, name: str) -> float | None:
        text = self._cell(row, name)
        return parse_number(text, self.columns.spelled(name), decimal_comma=self.decimal_comma)


def _day(text: str) -> date:
    if not text:
        raise BadCell("Date is empty")
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise BadCell(f"Date “{text}” is not a date like 2026-04-07")


def _one_weight(
    readings: list[tuple[float, Unit, str]], spelled: Callable[[str], str]
) -> tuple[float, Unit]:
    """One weight from the filled weight columns (FitNotes 2 fills both kg and lbs).

    When both are filled and agree, the one with fewer decimals is what the person entered (135
    lbs, not 61.235 kg); kg when they tie."""
    if len(readings) == 1 or readings[0][1] is readings[-1][1]:
        weight, unit, _ = readings[0]
        return weight, unit
    kg, _, kg_name = next(r for r in readings if r[1] is Unit.KG)
    lb, _, lb_name = next(r for r in readings if r[1] is Unit.LB)
    if abs(kg * LB_PER_KG - lb) > max(0.1, lb * 0.005):
        raise BadCell(
            f"{spelled(kg_name)} “{amount_text(kg)}” and {spelled(lb_name)} “{amount_text(lb)}” "
            "are not the same weight"
        )
    if _decimals(lb) < _decimals(kg):
        return lb, Unit.LB
    return kg, Unit.KG


def _duration(text: str, column: str) -> float | None:
    """Seconds in ``0:01:30`` (h:mm:ss), ``1:30`` (m:ss) or a bare number of seconds."""
    if not text:
        return None
    found = _CLOCK.fullmatch(text)
    if found is not None:
        first, second, third = found.groups()
        parts = [int(first), int(second)] + ([int(third)] if third is not None else [])
        if all(part < 60 for part in parts[1:]):
            hours, minutes, seconds = ([0, *parts])[-3:]
            return nonzero(float(hours * 3600 + minutes * 60 + seconds))
    try:
        return nonzero(parse_number(text, column))
    except BadCell:
        raise BadCell(f"{column} “{text}” is not a duration like 0:01:30") from None


def _note(comment: str, distance: float | None, distance_unit: str) -> str:
    """ "5 km; the comment": the distance (Hinge has no field for it) before the comment as
    written, the order Strong's distances take too."""
    if distance is None:
        return comment
    amount = (
        f"{amount_text(distance)} {distance_unit}"
        if distance_unit
        else f"distance {amount_text(distance)}"
    )
    return f"{amount}; {comment}" if comment else amount


def _decimals(value: float) -> int:
    return len(amount_text(value).partition(".")[2])
