"""Strong's CSV export, in every variant it has written.

One row is one set; the ``Date`` on every row is the start of its workout, so rows are grouped
into one workout per (Date, Workout Name), in file order, and every set of a workout is given the
workout's start (Strong keeps no time per set). The variants differ in:

- the delimiter: a comma, or a semicolon (then numbers may have a decimal comma, "62,5");
- the weight's unit: in the header ("Weight (kg)", "Weight (lbs)"), in a "Weight Unit" column on
  every row, or nowhere, when the weights are left without a unit for the person to choose;
- the distance's unit, the same way ("Distance (km)", "Distance Unit"), or nowhere;
- the workout's length: "Duration" or "Workout Duration" as "55s", "1h 3m", "48h 40m", or
  "Duration (sec)" in seconds; the workout ends that long after it started;
- dates: "2024-03-05 07:14:09", or 12-hour times such as "2024-03-05 7:14 pm" with a narrow
  no-break space before the am/pm.

"Set Order" is the set's number, or W (warm-up), F (to failure) or D (drop set). Rows of the
"Rest Timer" are not sets and are skipped. Strong writes 0 in a numeric cell that does not apply
(the reps of a plank, the weight of a pull-up), so 0 reps, weight, seconds, distance or RPE read
as "none". A row with none of them is still a set: Strong wrote it, and what to make of it is
decided where sets are checked against drills. A distance goes into the set's note ("5 km")
before the set's own note. Which column holds what, in each variant, is read by
:mod:`~hinge_desktop.domain.imports.strong_columns`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hinge_desktop.domain.imports.csv_rows import (
    BadCell,
    Row,
    UnreadableRecord,
    amount_text,
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
from hinge_desktop.domain.imports.strong_columns import (
    DISTANCE_UNITS,
    WEIGHT_UNITS,
    Columns,
    loose_key,
    missing_columns,
    read_columns,
)
from hinge_desktop.domain.imports.strong_values import (
    DATE_EXAMPLE,
    DURATION_EXAMPLE,
    parse_date,
    parse_duration,
)
from hinge_desktop.domain.imports.text_source import TextSource
from hinge_desktop.domain.training import SetKind, Unit

FORMAT = ImportFormat.STRONG

REST_TIMER = "rest timer"

SET_KINDS = {
    "w": SetKind.WARMUP,
    "warm-up": SetKind.WARMUP,
    "warmup": SetKind.WARMUP,
    "warm up": SetKind.WARMUP,
    "f": SetKind.FAILURE,
    "failure": SetKind.FAILURE,
    "d": SetKind.DROP,
    "drop": SetKind.DROP,
    "drop set": SetKind.DROP,
    "dropset": SetKind.DROP,
}
"""Set orders that are letters (or, in some versions, words) name a kind of set."""


def matches(header: list[str]) -> bool:
    """Whether ``header`` is the first row of a Strong export."""
    return not missing_columns(header)


class _Cells:
    """One row's cells read as what their columns hold; what cannot be read is collected in
    ``reasons`` rather than raised, so a row reports every bad cell at once."""

    def __init__(self, row: Row, decimal_comma: bool, numbers: dict[str, float | None]) -> None:
        self.row = row
        self.decimal_comma = decimal_comma
        self.numbers = numbers
        self.reasons: list[str] = []

    def text(self, column: str | None) -> str:
        return self.row.cells.get(column, "") if column is not None else ""

    def number(self, column: str | None) -> float | None:
        """The number in ``column``; None when empty or 0, which Strong writes for "none"."""
        if column is None:
            return None
        text = self.text(column)
        if text in self.numbers:
            return self.numbers[text]
        try:
            value = parse_number(text, column, decimal_comma=self.decimal_comma)
        except BadCell as exc:
            self.reasons.append(str(exc))
            return None
        self.numbers[text] = value or None
        return value or None

    def count(self, column: str | None) -> int | None:
        """The whole number in ``column``; None when empty or 0."""
        if column is None:
            return None
        try:
            value = parse_count(self.text(column), column, decimal_comma=self.decimal_comma)
        except BadCell as exc:
            self.reasons.append(str(exc))
            return None
        return value or None


@dataclass
class _Draft:
    """A workout while its rows are read."""

    line: int
    started_at: datetime
    name: str
    ended_at: datetime | None = None
    notes: str = ""
    sets: list[SourceSet] = field(default_factory=list)

    def workout(self) -> SourceWorkout:
        return SourceWorkout(
            line=self.line,
            started_at=self.started_at,
            ended_at=self.ended_at,
            name=self.name,
            notes=self.notes,
            sets=tuple(self.sets),
        )


class _Reader:
    """Reads rows into workouts and problems."""

    def __init__(self, columns: Columns, localise: Localise, decimal_comma: bool) -> None:
        self.columns = columns
        self.localise = localise
        self.starts: dict[str, tuple[datetime, datetime]] = {}
        """The workout starts read, by the date as written: every row repeats its workout's."""
        self.shared: dict[str, str] = {}
        """One string for each text that rows repeat (names, notes): a large file is held in
        memory as its sets, not as its cells."""
        self.numbers: dict[str, float | None] = {}
        """Numbers read, by the cell's text."""
        self.decimal_comma = decimal_comma
        self.drafts: dict[tuple[datetime, str], _Draft] = {}
        self.problems: list[LineProblem] = []

    def add(self, row: Row) -> None:
        c = self.columns
        exercise = self.share(row.cells.get(c.exercise, ""))
        set_order = row.cells.get(c.set_order, "")
        if REST_TIMER in (exercise.casefold(), set_order.casefold()):
            return
        cells = _Cells(row, self.decimal_comma, self.numbers)
        started = self._start(cells)
        ended = self._end(cells, started)
        logged = self._set(cells, exercise, set_order, started)
        if any(row.overflow):
            extra = ", ".join(f"“{cell}”" for cell in row.overflow if cell)
            cells.reasons.append(f"The row has more cells than the header: {extra}")
        if cells.reasons or started is None or logged is None:
            self.problems.append(LineProblem(row.line, "; ".join(cells.reasons)))
            return
        key = (started[0], self.share(cells.text(c.workout)))
        draft = self.drafts.get(key)
        if draft is None:
            draft = _Draft(row.line, started[1], key[1], ended_at=ended)
            self.drafts[key] = draft
        if not draft.notes:
            draft.notes = cells.text(c.workout_notes)
        draft.sets.append(logged)

    def share(self, text: str) -> str:
        return self.shared.setdefault(text, text)

    def _start(self, cells: _Cells) -> tuple[datetime, datetime] | None:
        """The workout's start as written and as an aware time."""
        column = self.columns.date
        text = cells.text(column)
        if text in self.starts:
            return self.starts[text]
        if not text:
            cells.reasons.append(f"{column} is empty")
            return None
        naive = parse_date(text)
        if naive is None:
            cells.reasons.append(f"{column} “{text}” is not a date like {DATE_EXAMPLE}")
            return None
        try:
            self.starts[text] = (naive, self.localise(naive))
            return self.starts[text]
        except (ValueError, OverflowError):
            cells.reasons.append(f"{column} “{text}” cannot be placed in local time")
            return None

    def _end(self, cells: _Cells, started: tuple[datetime, datetime] | None) -> datetime | None:
        """When the workout ended: its start and the row's duration."""
        column = self.columns.duration
        text = cells.text(column)
        if column is None or not text:
            return None
        seconds = parse_duration(text, self.columns.duration_scale)
        if seconds is None:
            cells.reasons.append(f"{column} “{text}” is not a duration like {DURATION_EXAMPLE}")
            return None
        if started is None:
            return None
        try:
            return started[1] + timedelta(seconds=seconds)
        except OverflowError:
            cells.reasons.append(f"{column} “{text}” is too long")
            return None

    def _set(
        self,
        cells: _Cells,
        exercise: str,
        set_order: str,
        started: tuple[datetime, datetime] | None,
    ) -> SourceSet | None:
        c = self.columns
        kind = _kind(set_order, c.set_order, cells)
        weight = cells.number(c.weight)
        unit = self._weight_unit(cells) if weight is not None else None
        distance = cells.number(c.distance)
        note = self.share(_note(cells.text(c.notes), distance, self._distance_unit(cells)))
        reps = cells.count(c.reps)
        seconds = cells.number(c.seconds)
        rpe = cells.number(c.rpe)
        if not exercise:
            cells.reasons.append(f"{c.exercise} is empty")
            return None
        if started is None:
            return None
        return SourceSet(
            line=cells.row.line,
            exercise=exercise,
            performed_at=started[1],
            reps=reps,
            seconds=seconds,
            weight=weight,
            unit=unit,
            kind=kind,
            rpe=rpe,
            note=note,
        )

    def _weight_unit(self, cells: _Cells) -> Unit | None:
        column = self.columns.weight_unit_column
        text = cells.text(column)
        if column is None or not text:
            return self.columns.weight_unit
        unit = WEIGHT_UNITS.get(text.casefold())
        if unit is None:
            cells.reasons.append(f"{column} “{text}” is not kg or lbs")
        return unit

    def _distance_unit(self, cells: _Cells) -> str | None:
        text = cells.text(self.columns.distance_unit_column)
        if not text:
            return self.columns.distance_unit
        return DISTANCE_UNITS.get(text.casefold(), text)

    def result(self) -> ParsedFile:
        workouts = tuple(draft.workout() for draft in self.drafts.values())
        return ParsedFile(
            format=FORMAT,
            workouts=workouts,
            problems=tuple(sorted(self.problems, key=lambda p: p.line)),
            weights_without_unit=_any_without_unit(workouts),
        )


def _kind(set_order: str, column: str, cells: _Cells) -> SetKind:
    kind = SET_KINDS.get(loose_key(set_order))
    if kind is not None:
        return kind
    if set_order:
        try:
            parse_count(set_order, column)
        except BadCell:
            cells.reasons.append(f"{column} “{set_order}” is not a number or W, F, D")
    return SetKind.WORKING


def _note(note: str, distance: float | None, unit: str | None) -> str:
    if distance is None:
        return note
    amount = amount_text(distance)
    part = f"{amount} {unit}" if unit else f"distance {amount}"
    return f"{part}; {note}" if note else part


def _any_without_unit(workouts: Iterable[SourceWorkout]) -> bool:
    return any(s.weight is not None and s.unit is None for w in workouts for s in w.sets)


def parse(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    """Every workout and set in a Strong export; bad rows are listed in ``problems``."""
    try:
        header, delimiter, rows = open_rows(text, (",", ";"), progress)
    except UnreadableRecord as exc:
        return ParsedFile(format=FORMAT, problems=(LineProblem(exc.line, exc.reason),))
    columns = read_columns(header)
    if isinstance(columns, str):
        return ParsedFile(format=FORMAT, problems=(LineProblem(1, columns),))
    reader = _Reader(columns, localise, decimal_comma=delimiter == ";")
    try:
        for row in rows:
            reader.add(row)
    except UnreadableRecord as exc:
        reader.problems.append(LineProblem(exc.line, exc.reason))
    return reader.result()
