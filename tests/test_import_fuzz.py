"""Whatever a file holds, each import format's parser answers with sets and problems, never an
exception: any text, any text under the format's header, and arbitrary rows under it, where
every record that is not blank becomes exactly one set or one problem, on the line it starts on.

One table says, for each format, how to write arbitrary rows under its header, how to read them,
and how hard hypothesis tries at each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

import pytest
from csv_records import written_with_starts
from hypothesis import given, settings
from hypothesis import strategies as st
from import_headers import FITNOTES_HEADER, HEVY_HEADER, HINGE_HEADER, STRONG_HEADER

from hinge_desktop.domain.imports import fitnotes, hevy, hinge_csv, strong
from hinge_desktop.domain.imports.csv_rows import header_of, sniff_delimiter
from hinge_desktop.domain.imports.model import LineProblem, ParsedFile, SourceSet

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
KOLKATA = timezone(timedelta(hours=5, minutes=30))


class Written(NamedTuple):
    """A file written for a test, and the lines on which a record that must be read (as a set
    or a problem) starts."""

    text: str
    lines: list[int]


@dataclass(frozen=True)
class Tries:
    """How hard hypothesis tries: its settings, and the longest text it writes."""

    settings: settings
    longest: int = 0


@dataclass(frozen=True)
class Format:
    """One format as these tests write and read it."""

    parse: Callable[[str], ParsedFile]
    """The format's parser, placing local times in a fixed zone."""
    header: str
    """A header of the format, for text written under it."""
    files: st.SearchStrategy[Written]
    """Arbitrary rows written under a header of the format."""
    any_text: Tries
    text_under_header: Tries
    rows: Tries
    holds: Callable[[ParsedFile], None] = lambda parsed: None
    """What else must hold of whatever the format read."""


def in_zone(hours: float) -> Callable[[datetime], datetime]:
    zone = timezone(timedelta(hours=hours))
    return lambda naive: naive.replace(tzinfo=zone)


def sets_of(parsed: ParsedFile) -> list[SourceSet]:
    return [logged for workout in parsed.workouts for logged in workout.sets]


# Strong: rows of any cells under each header its exports have had. A rest timer's row is passed
# over without a set or a problem.

STRONG_HEADERS = [
    (header_of(source, delimiter), delimiter)
    for source in (
        (FIXTURES / name).read_bytes().decode("utf-8")
        for name in sorted(path.name for path in FIXTURES.glob("strong_*.csv"))
    )
    for delimiter in [sniff_delimiter(source.lstrip("\ufeff").partition("\n")[0])]
]
STRONG_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", "0", "W", "F", "D", "Rest Timer", "1h 3m", "62,5", "1e999", "2024-03-05 07:14:09"]
    ),
    st.from_regex(
        r"20[0-9]{2}-[01][0-9]-[0-3][0-9]( [0-2]?[0-9]:[0-5][0-9](:[0-5][0-9])?(\u202f[ap]m)?)?",
        fullmatch=True,
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
)


@st.composite
def strong_files(draw: st.DrawFn) -> Written:
    columns, delimiter = STRONG_HEADERS[draw(st.integers(0, len(STRONG_HEADERS) - 1))]
    records = draw(st.lists(st.lists(STRONG_CELL, max_size=16), max_size=12))
    text, starts = written_with_starts(columns, records, delimiter)
    exercise, order = columns.index("Exercise Name"), columns.index("Set Order")

    def value(row: list[str], index: int) -> str:
        return row[index].strip().casefold() if index < len(row) else ""

    read = [row for row in records if any(cell.strip() for cell in row)]
    rest = [
        start
        for start, row in zip(starts, read, strict=True)
        if "rest timer" in (value(row, exercise), value(row, order))
    ]
    return Written(text, [line for line in starts if line not in rest])


def strong_sets_have_a_zone_and_an_exercise(parsed: ParsedFile) -> None:
    for logged in sets_of(parsed):
        assert logged.performed_at.tzinfo is not None
        assert logged.exercise


# Hevy and FitNotes: rows of likely and unlikely cells for each column, sometimes cut short or
# with cells to spare.

SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
HEVY_CELLS = {
    "title": ["Hinge", "Posterior Chain 🍑", ""],
    "start_time": ["7 Apr 2026, 10:14", "2026-04-07 10:14:00", "31 Foo 2026, 10:14", ""],
    "end_time": ["7 Apr 2026, 11:02", "7 Apr 2026, 09:00", "", "2026-04-07T08:00:00Z"],
    "description": ["", "Felt strong,\nslept 8h 💥", 'said "hi"'],
    "exercise_title": ["Romanian Deadlift (Barbell)", "Plank", ""],
    "superset_id": ["", "0", "1"],
    "exercise_notes": ["", "Brace, breathe\nand pull"],
    "set_index": ["0", "1", "x", ""],
    "set_type": ["normal", "warmup", "dropset", "failure", "superset", ""],
    "weight_kg": ["100", "62.5", "0", "", "abc", "1e400"],
    "reps": ["8", "0", "", "8.5"],
    "distance_km": ["", "2.5", "0"],
    "duration_seconds": ["", "0", "60", "-5"],
    "rpe": ["", "8", "8.5", "hard"],
}
FITNOTES_CELLS = {
    "Date": ["2026-03-03", "2026-03-10", "2026-02-30", "0001-01-01", "9999-12-31", ""],
    "Exercise": ["Romanian Deadlift (Barbell)", "Plank", ""],
    "Category": ["Back", "Legs", ""],
    "Weight (kgs)": ["100.0", "62.5", "0.0", "", "heavy", "-5"],
    "Reps": ["8", "0", "", "8.5"],
    "Distance": ["", "5.0", "0"],
    "Distance Unit": ["", "km", "mi"],
    "Time": ["", "0:01:30", "1:30", "1:75", "90"],
    "Comment": ["", "Brace, breathe\nand pull 💪", 'said "hi"'],
}


def likely_files(header: str, cells: dict[str, list[str]]) -> st.SearchStrategy[Written]:
    @st.composite
    def rows(draw: st.DrawFn) -> list[str]:
        row = [
            draw(st.one_of(st.sampled_from(cells[column]), SAFE_TEXT))
            for column in header.split(",")
        ]
        row += draw(st.lists(SAFE_TEXT, max_size=2))
        return row[: draw(st.integers(min_value=1, max_value=len(row)))]

    return st.lists(rows(), max_size=8).map(
        lambda drawn: Written(*written_with_starts(header, drawn))
    )


# Hinge's own CSV: rows of any cells, dates with and without an offset among them.

HINGE_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", "0", "left", "right", "kg", "lb", "warm-up; pass; 72.5 degrees", "1e999", "8.5"]
    ),
    st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.none()
    ).map(datetime.isoformat),
    st.datetimes(timezones=st.just(KOLKATA)).map(datetime.isoformat),
)
HINGE_FILES = st.lists(st.lists(HINGE_CELL, max_size=15), max_size=12).map(
    lambda records: Written(*written_with_starts(HINGE_HEADER.split(","), records))
)


def hinge_workouts_hold_together(parsed: ParsedFile) -> None:
    for workout in parsed.workouts:
        assert workout.outside_workout == (workout.name == "")
        assert all(s.drill_id for s in workout.sets)
        assert workout.started_at == min(s.performed_at for s in workout.sets)
    assert all(isinstance(p, LineProblem) for p in parsed.problems)


THOROUGH = settings(max_examples=300, deadline=None)
QUICK = settings(max_examples=150, deadline=None, database=None)

FORMATS = {
    "strong": Format(
        parse=lambda text: strong.parse(text, in_zone(1)),
        header=STRONG_HEADER,
        files=strong_files(),
        any_text=Tries(THOROUGH, longest=2000),
        text_under_header=Tries(settings(max_examples=200, deadline=None), longest=1000),
        rows=Tries(THOROUGH),
        holds=strong_sets_have_a_zone_and_an_exercise,
    ),
    "hevy": Format(
        parse=lambda text: hevy.parse(text, in_zone(2)),
        header=HEVY_HEADER,
        files=likely_files(HEVY_HEADER, HEVY_CELLS),
        any_text=Tries(THOROUGH, longest=2000),
        text_under_header=Tries(QUICK, longest=300),
        rows=Tries(QUICK),
    ),
    "fitnotes": Format(
        parse=lambda text: fitnotes.parse(text, in_zone(1)),
        header=FITNOTES_HEADER,
        files=likely_files(FITNOTES_HEADER, FITNOTES_CELLS),
        any_text=Tries(THOROUGH, longest=2000),
        text_under_header=Tries(QUICK, longest=300),
        rows=Tries(QUICK),
    ),
    "hinge_csv": Format(
        parse=lambda text: hinge_csv.parse(text, in_zone(-5)),
        header=HINGE_HEADER,
        files=HINGE_FILES,
        any_text=Tries(THOROUGH, longest=2000),
        text_under_header=Tries(settings(max_examples=200, deadline=None), longest=1000),
        rows=Tries(THOROUGH),
        holds=hinge_workouts_hold_together,
    ),
}
EACH_FORMAT = pytest.mark.parametrize("format_", list(FORMATS.values()), ids=list(FORMATS))


@EACH_FORMAT
def test_arbitrary_text_never_raises(format_: Format) -> None:
    @format_.any_text.settings
    @given(st.text(max_size=format_.any_text.longest))
    def read(text: str) -> None:
        parsed = format_.parse(text)
        assert all(problem.line >= 1 for problem in parsed.problems)

    read()


@EACH_FORMAT
def test_arbitrary_text_under_the_header_never_raises(format_: Format) -> None:
    @format_.text_under_header.settings
    @given(st.text(max_size=format_.text_under_header.longest))
    def read(body: str) -> None:
        text = format_.header + "\n" + body
        parsed = format_.parse(text)
        # Records end at "\r\n", "\r" or "\n", as the reader counts them.
        lines = len(re.split(r"\r\n|\r|\n", text)) + 1
        assert all(2 <= problem.line <= lines for problem in parsed.problems)

    read()


@EACH_FORMAT
def test_arbitrary_rows_under_the_header_become_sets_or_problems(format_: Format) -> None:
    @format_.rows.settings
    @given(format_.files)
    def read(written: Written) -> None:
        parsed = format_.parse(written.text)
        lines = sorted([p.line for p in parsed.problems] + [s.line for s in sets_of(parsed)])
        assert lines == written.lines
        assert all(p.reason for p in parsed.problems)
        format_.holds(parsed)

    read()
