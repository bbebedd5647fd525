"""Hinge's own CSV export read back: the inverse of what ``--export`` writes.

The header is :data:`HEADER` (columns are found by name, so a spreadsheet that moved them still
reads). ``date`` is ISO 8601 with the UTC offset the person had then; a date without one is
taken as local time. ``notes`` starts with what has no column of its own, each part followed by
:data:`NOTE_SEPARATOR`: the set kind when it is not a working set (:data:`KIND_NOTES`), a
check's result ("pass" or "fail") and, after a result, the measured value with its unit
("72.5 degrees"); the rest is the person's note. Reading is positional and exact: a note that
itself starts with "warm-up; " is read as a warm-up, as the export cannot tell them apart either.
A measured value is only read after a result: a measurement logged without a result stays in
the note as text rather than turning a note such as "10 reps" into a measurement.

The export names workouts but not when each began, so rows are grouped back into workouts:
a row joins the last workout with the same ``workout`` name when it comes less than
:data:`WORKOUT_GAP` after that workout's previous set, and starts a new workout otherwise.
Rows with an empty ``workout`` were quick-logged outside a workout; they are grouped the same
way into workouts marked ``outside_workout``. A workout starts at its first set and ends at its
last.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from hinge_desktop.domain.imports.csv_rows import (
    BadCell,
    Row,
    UnreadableRecord,
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
from hinge_desktop.domain.spreadsheet_cells import unescape_cell
from hinge_desktop.domain.training import CheckOutcome, SetKind, Side, Unit

FORMAT = ImportFormat.HINGE_CSV

HEADER = (
    "date",
    "workout",
    "drill_id",
    "drill",
    "set",
    "side",
    "reps",
    "weight",
    "unit",
    "seconds",
    "rpe",
    "band",
    "notes",
)
"""The columns of Hinge CSV, in the order the export writes them."""

NOTE_SEPARATOR = "; "

KIND_NOTES = {
    SetKind.WARMUP: "warm-up",
    SetKind.FAILURE: "to failure",
    SetKind.DROP: "drop set",
}
"""How a set kind other than a working set is written in ``notes``."""

WORKOUT_GAP = timedelta(hours=3)
"""Sets of one workout follow each other by less than this."""

DATE_EXAMPLE = "2024-06-03T18:34:05+02:00"

UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}

_T = TypeVar("_T")
_SIDES = {side.value: side for side in Side}
_KINDS = {text: kind for kind, text in KIND_NOTES.items()}
_RESULTS = {outcome.value: outcome for outcome in CheckOutcome}
_MEASURED = re.compile(r"(?P<value>[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?: (?:[^\W\d_]+|°|%))?")
"""A measured value as the export writes it: a number, maybe with a one-word unit."""


def matches(header: list[str]) -> bool:
    """Whether ``header`` is the first row of a Hinge CSV export."""
    names = {name.casefold() for name in header}
    return all(column in names for column in HEADER)


@dataclass(frozen=True)
class Notes:
    """What the ``notes`` cell says."""

    kind: SetKind = SetKind.WORKING
    result: CheckOutcome | None = None
    measured: float | None = None
    note: str = ""


def decode_notes(text: str) -> Notes:
    """The set kind, check result, measured value and note in a ``notes`` cell."""
    parts = text.split(NOTE_SEPARATOR)
    kind = _KINDS.get(parts[0])
    if kind is not None:
        parts = parts[1:]
    result = _RESULTS.get(parts[0]) if parts else None
    measured = None
    if result is not None:
        parts = parts[1:]
        found = _MEASURED.fullmatch(parts[0]) if parts else None
        if found is not None and math.isfinite(float(found["value"])):
            measured = round(float(found["value"]), 6)
            parts = parts[1:]
    return Notes(kind or SetKind.WORKING, result, measured, NOTE_SEPARATOR.join(parts))


class _Cells:
    """One row's cells by column, read as what they hold; what cannot be read is collected in
    ``reasons`` so a row reports every bad cell at once."""

    def __init__(self, row: Row, columns: dict[str, str], decimal_comma: bool) -> None:
        self.row = row
        self.columns = columns
        self.decimal_comma = decimal_comma
        self.reasons: list[str] = []

    def name(self, column: str) -> str:
        return self.columns.get(column, column)

    def text(self, column: str) -> str:
        return unescape_cell(self.row.cells.get(self.name(column), ""))

    def number(self, column: str) -> float | None:
        try:
            return parse_number(
                self.text(column), self.name(column), decimal_comma=self.decimal_comma
            )
        except BadCell as exc:
            self.reasons.append(str(exc))
            return None

    def count(self, column: str) -> int | None:
        try:
            return parse_count(
                self.text(column), self.name(column), decimal_comma=self.decimal_comma
            )
        except BadCell as exc:
            self.reasons.append(str(exc))
            return None

    def choice(self, column: str, choices: Mapping[str, _T], wanted: str) -> _T | None:
        text = self.text(column)
        if not text:
            return None
        value = choices.get(text.casefold())
        if value is None:
            self.reasons.append(f"{self.name(column)} “{text}” is not {wanted}")
        return value


@dataclass
class _Draft:
    """A workout while its rows are read."""

    line: int
    name: str
    sets: list[SourceSet] = field(default_factory=list)

    def takes(self, moment: datetime) -> bool:
        return abs(moment - self.sets[-1].performed_at) < WORKOUT_GAP

    def workout(self) -> SourceWorkout:
        moments = [s.performed_at for s in self.sets]
        outside = not self.name
        return SourceWorkout(
            line=self.line,
            started_at=min(moments),
            ended_at=None if outside else max(moments),
            name=self.name,
            sets=tuple(self.sets),
            outside_workout=outside,
        )


class _Reader:
    """Reads rows into workouts and problems."""

    def __init__(self, header: list[str], localise: Localise, decimal_comma: bool) -> None:
        self.columns = {name.casefold(): name for name in reversed(header)}
        self.localise = localise
        self.decimal_comma = decimal_comma
        self.drafts: list[_Draft] = []
        self.open: dict[str, _Draft] = {}
        self.problems: list[LineProblem] = []

    def add(self, row: Row) -> None:
        cells = _Cells(row, self.columns, self.decimal_comma)
        logged = self._set(cells)
        if any(row.overflow):
            extra = ", ".join(f"“{cell}”" for cell in row.overflow if cell)
            cells.reasons.append(f"The row has more cells than the header: {extra}")
        if cells.reasons or logged is None:
            self.problems.append(LineProblem(row.line, "; ".join(cells.reasons)))
            return
        name = cells.text("workout")
        draft = self.open.get(name)
        if draft is None or not draft.takes(logged.performed_at):
            draft = _Draft(row.line, name)
            self.drafts.append(draft)
            self.open[name] = draft
        draft.sets.append(logged)

    def _set(self, cells: _Cells) -> SourceSet | None:
        performed_at = self._date(cells)
        drill_id = cells.text("drill_id")
        set_number = cells.count("set")
        side = cells.choice("side", _SIDES, "left or right")
        reps = cells.count("reps")
        weight = cells.number("weight")
        unit = cells.choice("unit", UNITS, "kg or lb")
        seconds = cells.number("seconds")
        rpe = cells.number("rpe")
        notes = decode_notes(cells.text("notes"))
        if not drill_id:
            cells.reasons.append(f"{cells.name('drill_id')} is empty")
        if performed_at is None or not drill_id:
            return None
        return SourceSet(
            line=cells.row.line,
            exercise=cells.text("drill") or drill_id,
            performed_at=performed_at,
            reps=reps,
            seconds=seconds,
            weight=weight,
            unit=unit,
            kind=notes.kind,
            side=side,
            rpe=rpe,
            band=cells.text("band") or None,
            note=notes.note,
            result=notes.result,
            measured=notes.measured,
            drill_id=drill_id,
            set_number=set_number,
        )

    def _date(self, cells: _Cells) -> datetime | None:
        column = cells.name("date")
        text = cells.text("date")
        if not text:
            cells.reasons.append(f"{column} is empty")
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            cells.reasons.append(f"{column} “{text}” is not a date like {DATE_EXAMPLE}")
            return None
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            return moment
        try:
            return self.localise(moment)
        except (ValueError, OverflowError):
            cells.reasons.append(f"{column} “{text}” cannot be placed in local time")
            return None

    def result(self) -> ParsedFile:
        workouts = tuple(draft.workout() for draft in self.drafts)
        return ParsedFile(
            format=FORMAT,
            workouts=workouts,
            problems=tuple(self.problems),
            weights_without_unit=any(
                s.weight is not None and s.unit is None for w in workouts for s in w.sets
            ),
        )


def parse(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    """Every set in a Hinge CSV export, grouped into workouts; bad rows are in ``problems``."""
    try:
        header, delimiter, rows = open_rows(text, (",", ";"), progress)
    except UnreadableRecord as exc:
        return ParsedFile(format=FORMAT, problems=(LineProblem(exc.line, exc.reason),))
    if not matches(header):
        missing = [column for column in HEADER if column not in {n.casefold() for n in header}]
        reason = "The header is not that of a Hinge CSV export: it has no " + ", ".join(
            f"“{column}”" for column in missing
        )
        return ParsedFile(format=FORMAT, problems=(LineProblem(1, reason + " column"),))
    reader = _Reader(header, localise, decimal_comma=delimiter == ";")
    try:
        for row in rows:
            reader.add(row)
    except UnreadableRecord as exc:
        reader.problems.append(LineProblem(exc.line, exc.reason))
    return reader.result()
