"""A CSV export is safe to open in a spreadsheet: no text cell runs as a formula, and Hinge's own
import reads every escaped cell back exactly."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import NAMES, UNITS
from hypothesis import given
from hypothesis import strategies as st

from hinge_desktop.domain.spreadsheet_cells import FORMULA_STARTS, escape_cell, unescape_cell
from hinge_desktop.domain.training import LoggedSet, Workout
from hinge_desktop.storage.exporting.csv_export import export_csv
from hinge_desktop.storage.store import Store

pytestmark = pytest.mark.damage

WHEN = datetime(2026, 3, 2, 18, 0, tzinfo=timezone(timedelta(hours=1)))
FORMULAS = [
    '=HYPERLINK("http://example.com","click")',
    "=cmd|'/C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "'=already marked",
]


def log_with(store: Store, workout: str, notes: list[str]) -> None:
    started = store.workouts.start(Workout(started_at=WHEN, name=workout))
    for number, note in enumerate(notes, start=1):
        store.sets.add(
            LoggedSet(
                drill_id="glute-bridge",
                performed_at=WHEN + timedelta(minutes=number),
                set_number=number,
                reps=10,
                note=note,
                workout_id=started.id,
            )
        )


def test_no_exported_text_cell_starts_like_a_formula(store: Store, tmp_path: Path) -> None:
    log_with(store, '=HYPERLINK("http://x")', FORMULAS)
    out = tmp_path / "log.csv"
    export_csv(store.db, out, NAMES, UNITS)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column in ("workout", "drill", "drill_id", "band", "notes"):
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])
    assert rows[0]["workout"] == '\'=HYPERLINK("http://x")'


@given(st.text(alphabet=st.sampled_from("'=+-@\tab1 "), max_size=8))
def test_escaping_round_trips_and_leaves_no_formula(text: str) -> None:
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("plain", ["glute bridge", "8 reps", "'tis", "", "a=b"])
def test_ordinary_text_is_written_as_it_is(plain: str) -> None:
    assert escape_cell(plain) == plain
