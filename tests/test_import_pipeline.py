"""Importing into a real log: drills matched, sets stored once, all or nothing, and Hinge's own
exports taken back without loss."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE, NAMES, PAIRS, UNITS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_headers import FITNOTES_HEADER, HEVY_QUOTED_HEADER, HINGE_HEADER, STRONG_HEADER
from test_export_formulas import FORMULAS, log_with

from hinge_desktop.domain.imports.exercise_names import DRILL_FORMS, ExerciseMatcher
from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.domain.plan import PlanEntry
from hinge_desktop.domain.training import (
    CheckOutcome,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    Workout,
)
from hinge_desktop.storage.custom_drills import CustomDrillRepository, InvalidDrillName
from hinge_desktop.storage.exporting.csv_export import export_csv
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.importing.prepare import (
    ImportFailed,
    PreparedImport,
    prepare_import,
    read_export,
    store_import,
)
from hinge_desktop.storage.importing.writer import remove_import
from hinge_desktop.storage.store import Store, open_store

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
BERLIN = timezone(timedelta(hours=1))
KOLKATA = timezone(timedelta(hours=5, minutes=30))
SET_COLUMNS = (
    "drill_id, performed_at, utc_offset, set_number, side, reps, hold_seconds, weight, unit, "
    "band, rpe, kind, note, result, measured"
)


def fixed_offset(moment: datetime) -> datetime:
    return moment.replace(tzinfo=BERLIN)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "fresh.sqlite3")
    yield opened
    opened.close()


def prepared(store: Store, path: Path, unit: Unit = Unit.KG) -> PreparedImport:
    return prepare_import(store.db, path, read_export(path, localise=fixed_offset), PAIRS, unit)


def import_file(store: Store, path: Path, unit: Unit = Unit.KG) -> tuple[int, int]:
    outcome = store_import(store.db, prepared(store, path, unit))
    return outcome.sets_added, outcome.sets_already_there


def stored_sets(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute(f"SELECT {SET_COLUMNS} FROM sets ORDER BY 1, 2, 4, 5").fetchall()


def test_every_drill_form_names_a_drill_of_the_catalogue() -> None:
    ids = {drill.id for drill in CATALOGUE}
    assert set(DRILL_FORMS) <= ids


@pytest.mark.parametrize(
    ("exercise", "drill_id"),
    [
        ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
        ("romanian deadlift", "romanian-deadlift"),
        ("Hip Thrust", "hip-thrust"),
        ("Hip Thrust (Bodyweight)", "hip-thrust"),
        ("Good Morning", "good-morning"),
        ("Good Morning (Barbell)", "barbell-good-morning"),
        ("Kettlebell Swing", "kettlebell-swing"),
        ("Glute Bridge", "glute-bridge"),
        ("Single-Leg Romanian Deadlift (Dumbbell)", "single-leg-rdl"),
        ("Glute bridge", "glute-bridge"),
        ("Bench Press (Barbell)", None),
        ("Deadlift (Barbell)", None),
    ],
)
def test_exercise_names_map_to_the_same_movement(exercise: str, drill_id: str | None) -> None:
    assert ExerciseMatcher(PAIRS).drill_for(exercise) == drill_id


def test_a_strong_history_appears_with_the_right_sets_reps_and_weights(store: Store) -> None:
    path = FIXTURES / "strong_weight_kg.csv"
    added, again = import_file(store, path)
    parsed = read_export(path, localise=fixed_offset)
    assert added == parsed.set_count > 0
    assert again == 0
    rdl = [s for s in store.sets.all() if s.drill_id == "romanian-deadlift"]
    source = [
        s for w in parsed.workouts for s in w.sets if s.exercise == "Romanian Deadlift (Barbell)"
    ]
    assert [(s.reps, s.weight, s.unit, s.kind) for s in rdl] == [
        (s.reps, s.weight, Unit.KG, s.kind) for s in source
    ]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(store: Store) -> None:
    path = FIXTURES / "hevy_kg.csv"
    first, _ = import_file(store, path)
    workouts = store.workouts.count()
    drills = CustomDrillRepository(store.db).all()
    assert prepared(store, path).new_sets == 0
    assert import_file(store, path) == (0, first)
    assert store.workouts.count() == workouts
    assert CustomDrillRepository(store.db).all() == drills


def test_exercises_new_to_hinge_become_drills_of_ones_own_that_can_be_renamed(
    store: Store,
) -> None:
    path = FIXTURES / "hevy_kg.csv"
    import_file(store, path)
    own = CustomDrillRepository(store.db)
    bench = next(d for d in own.all() if d.imported_as == "Bench Press (Barbell)")
    assert bench.name == "Bench Press (Barbell)"
    sets_before = [s for s in store.sets.all() if s.drill_id == bench.id]
    assert sets_before
    assert own.rename(bench.id, "  Bench   press ").name == "Bench press"
    with pytest.raises(InvalidDrillName, match="needs a name"):
        own.rename(bench.id, "   ")
    # Renamed, the drill is still the one the app's exports feed: nothing added twice.
    assert import_file(store, path)[0] == 0
    assert [s for s in store.sets.all() if s.drill_id == bench.id] == sets_before


def test_weights_without_a_unit_take_the_unit_chosen(store: Store, fresh: Store) -> None:
    path = FIXTURES / "strong_unitless.csv"
    in_lb = prepared(store, path, Unit.LB)
    assert in_lb.plan.weights_without_unit
    import_file(store, path, Unit.LB)
    import_file(fresh, path, Unit.KG)
    lb_units = {s.unit for s in store.sets.all() if s.weight}
    kg_units = {s.unit for s in fresh.sets.all() if s.weight}
    assert lb_units == {Unit.LB}
    assert kg_units == {Unit.KG}


def test_a_file_with_a_bad_line_imports_nothing_and_names_every_bad_line(
    store: Store, tmp_path: Path
) -> None:
    good = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    # The second set's record starts on line 4; its set type is on line 5, after a note that
    # runs over two lines.
    bad.write_text(good.replace('"normal"', '"sideways"', 1), encoding="utf-8")
    attempt = prepared(store, bad)
    assert attempt.plan.problems
    assert attempt.plan.problems[0].line == 4
    with pytest.raises(ImportFailed, match=r"bad\.csv, line 4"):
        store_import(store.db, attempt)
    assert store.sets.count() == 0
    assert store.db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_values_beyond_what_a_set_can_hold_are_bad_lines(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2026-03-01 08:00:00,Legs,1h,Hip Thrust (Barbell),1,100,10,0,0,,,\n"
        "2026-03-01 08:00:00,Legs,1h,Hip Thrust (Barbell),2,100,50000,0,0,,,\n",
        encoding="utf-8",
    )
    attempt = prepared(store, path)
    assert [p.line for p in attempt.plan.problems] == [3]
    assert "Reps" in attempt.plan.problems[0].reason


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"name,age\nAda,36\n", "Strong CSV"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b'{"something": "else"}', "not a Hinge export"),
    ],
)
def test_a_file_of_no_known_format_is_refused_naming_the_formats(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "other.csv"
    path.write_bytes(content)
    try:
        parsed = read_export(path)
    except ImportFailed as exc:
        message = str(exc)
        assert "Hevy CSV" in message
        assert "FitNotes CSV" in message
    else:
        message = "; ".join(str(p) for p in parsed.problems)
    assert words in message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"There is no file .*nothing\.csv"):
        read_export(tmp_path / "nothing.csv")


def test_an_import_can_be_taken_back_as_a_whole(store: Store) -> None:
    mine = store.sets.add(
        LoggedSet(
            drill_id="glute-bridge", performed_at=datetime(2020, 1, 1, 8, tzinfo=BERLIN), reps=12
        )
    )
    outcome = store_import(store.db, prepared(store, FIXTURES / "hevy_kg.csv"))
    assert outcome.import_id is not None
    assert remove_import(store.db, outcome.import_id) == outcome.sets_added
    assert [s.id for s in store.sets.all()] == [mine.id]
    assert store.workouts.count() == 0


def _rich_log(store: Store) -> None:
    """A log with everything JSON must carry: workouts, quick sets, kinds, sides, checks,
    bands, notes with newlines and emoji, routines, favourites, drills of one's own, phases, the
    ladder's answers and sets that hurt."""
    workout = store.workouts.start(
        Workout(
            started_at=datetime(2026, 3, 29, 7, 0, tzinfo=BERLIN),
            ended_at=datetime(2026, 3, 29, 7, 40, tzinfo=BERLIN),
            name="Loading",
            notes="felt strong 💪",
            routine_id="builtin-loading",
        )
    )
    at = datetime(2026, 3, 29, 7, 5, tzinfo=BERLIN)
    sets = [
        LoggedSet(
            drill_id="romanian-deadlift",
            performed_at=at,
            set_number=1,
            reps=5,
            weight=40.0,
            unit=Unit.KG,
            kind=SetKind.WARMUP,
            workout_id=workout.id,
        ),
        LoggedSet(
            drill_id="romanian-deadlift",
            performed_at=at + timedelta(minutes=3),
            set_number=2,
            reps=8,
            weight=82.5,
            unit=Unit.KG,
            rpe=8.5,
            note='grip "slipped", chalk next time\nsecond line',
            workout_id=workout.id,
        ),
        LoggedSet(
            drill_id="single-leg-rdl",
            performed_at=at + timedelta(minutes=9),
            set_number=1,
            reps=8,
            side=Side.LEFT,
            weight=35.0,
            unit=Unit.LB,
            kind=SetKind.FAILURE,
            workout_id=workout.id,
        ),
        LoggedSet(
            drill_id="band-resisted-hip-thrust",
            performed_at=at + timedelta(minutes=14),
            set_number=1,
            reps=15,
            band="red",
            kind=SetKind.DROP,
            workout_id=workout.id,
        ),
    ]
    stored = store.sets.add_many(sets)
    store.ladder.record_answers(
        stored[1].id or 0, GateAnswers(nobody_held=True, back_still=True, pressure_steady=False)
    )
    store.sets.mark_hurt(stored[1].id or 0)
    store.sets.mark_hurt(stored[2].id or 0)
    store.sets.add(
        LoggedSet(
            drill_id="aslr-test",
            performed_at=datetime(2026, 4, 2, 19, 30, tzinfo=KOLKATA),
            side=Side.RIGHT,
            result=CheckOutcome.PASS,
            measured=72.5,
        )
    )
    store.sets.add(
        LoggedSet(
            drill_id="roll-stretch-hamstrings",
            performed_at=datetime(2026, 4, 3, 6, 0, tzinfo=KOLKATA),
            hold_seconds=62.5,
        )
    )
    own = CustomDrillRepository(store.db)
    from hinge_desktop.storage.custom_drills import CustomDrill

    own.add(CustomDrill("own-bench-press", "Bench Press (Barbell)", "Bench Press (Barbell)"))
    own.rename("own-bench-press", "Bench")
    store.sets.add(
        LoggedSet(
            drill_id="own-bench-press",
            performed_at=datetime(2026, 4, 4, 18, 0, tzinfo=BERLIN),
            reps=5,
            weight=600.0,
            unit=Unit.KG,
        )
    )
    store.favourites.set("hip-thrust", True)
    routine = store.routines.create("Morning 🌅")
    store.routines.add_drill(routine.id, PlanEntry("glute-bridge", 3, 12, None, 45))
    routine = store.routines.add_drill(routine.id, PlanEntry("roll-stretch-glutes", 1, None, 60, 0))
    store.routines.save(routine.with_rest_between_drills(25))
    store.db.execute(
        "INSERT INTO phase_events (phase, reached_at, utc_offset, reason) VALUES (1, ?, 60, ?)",
        [int(datetime(2026, 3, 1, 9, tzinfo=BERLIN).timestamp()), "checks passed"],
    )
    store.db.conn.commit()


def _everything(store: Store) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "sets": f"SELECT {SET_COLUMNS} FROM sets ORDER BY 1, 2, 4, 5",
        "workouts": "SELECT started_at, utc_offset, ended_at, routine_id, drill_id, notes, name "
        "FROM workouts ORDER BY started_at",
        "set_workouts": "SELECT s.drill_id, s.set_number, w.started_at FROM sets s "
        "LEFT JOIN workouts w ON w.id = s.workout_id ORDER BY 1, 2, 3",
        "answers": "SELECT s.drill_id, s.performed_at, g.nobody_held, g.back_still, "
        "g.pressure_steady FROM gate_answers g JOIN sets s ON s.id = g.set_id",
        "hurts": "SELECT s.drill_id, s.performed_at, s.set_number FROM hurt_sets h "
        "JOIN sets s ON s.id = h.set_id ORDER BY 1, 2",
        "own": "SELECT id, name, imported_as FROM custom_drills ORDER BY id",
        "favourites": "SELECT drill_id, added_at FROM favourite_drills",
        "routines": "SELECT id, name, position, rounds, rest_after_round, rest_between_drills, "
        "created_at FROM routines ORDER BY id",
        "routine_drills": "SELECT routine_id, position, drill_id, sets, reps, hold_seconds, "
        "rest_seconds FROM routine_drills ORDER BY 1, 2",
        "phases": "SELECT phase, reached_at, utc_offset, reason FROM phase_events ORDER BY 2",
        "days": "SELECT * FROM drill_days ORDER BY 1, 2",
    }
    return {name: store.db.execute(sql).fetchall() for name, sql in queries.items()}


def test_a_json_export_imported_into_a_fresh_log_gives_back_the_same_log(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    _rich_log(store)
    out = tmp_path / "everything.json"
    assert export_json(store.db, out) == store.sets.count()
    added, _ = import_file(fresh, out)
    assert added == store.sets.count()
    assert _everything(fresh) == _everything(store)


def test_a_json_export_imported_into_its_own_log_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    _rich_log(store)
    out = tmp_path / "everything.json"
    export_json(store.db, out)
    before = _everything(store)
    assert import_file(store, out) == (0, store.sets.count())
    assert _everything(store) == before


def test_a_hinge_csv_export_imported_into_a_fresh_log_gives_the_same_sets(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    _rich_log(store)
    out = tmp_path / "log.csv"
    names = NAMES | {"own-bench-press": "Bench"}
    export_csv(store.db, out, names, UNITS)
    import_file(fresh, out)
    assert stored_sets(fresh) == stored_sets(store)
    assert import_file(store, out)[0] == 0


def test_a_bad_set_in_a_json_file_is_named_by_its_line(store: Store, tmp_path: Path) -> None:
    _rich_log(store)
    out = tmp_path / "everything.json"
    export_json(store.db, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if '"reps": 8, "weight": 82.5' in line)
    lines[number] = lines[number].replace('"reps": 8', '"reps": "eight"')
    out.write_text("\n".join(lines), encoding="utf-8")
    with sqlite3.connect(":memory:"):
        attempt = prepared(store, out)
    assert [(p.line, "reps" in p.reason) for p in attempt.plan.problems] == [(number + 1, True)]


HEADERS = [STRONG_HEADER, HEVY_QUOTED_HEADER, FITNOTES_HEADER, HINGE_HEADER]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    header=st.sampled_from(HEADERS),
    rows=st.lists(
        st.lists(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(["1", "0", "-3", "2026-03-01 08:00:00", "W", "1h 3m", "nan"]),
            ),
            max_size=15,
        ),
        max_size=6,
    ),
)
def test_garbage_never_crashes_and_is_imported_whole_or_not_at_all(
    store: Store, tmp_path: Path, header: str, rows: list[list[str]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "garbage.csv"
    path.write_text(header + "\n" + buffer.getvalue(), encoding="utf-8")
    before = store.sets.count()
    try:
        attempt = prepared(store, path)
    except ImportFailed:
        assert store.sets.count() == before
        return
    if attempt.plan.problems:
        with pytest.raises(ImportFailed):
            store_import(store.db, attempt)
        assert store.sets.count() == before
    else:
        outcome = store_import(store.db, attempt)
        assert store.sets.count() == before + outcome.sets_added


def test_a_tab_separated_export_is_recognised(store: Store, tmp_path: Path) -> None:
    import csv
    import io

    with (FIXTURES / "hevy_kg.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t").writerows(rows)
    tabbed = tmp_path / "hevy.tsv"
    tabbed.write_text(buffer.getvalue(), encoding="utf-8")
    as_commas = prepared(store, FIXTURES / "hevy_kg.csv")
    as_tabs = prepared(store, tabbed)
    assert as_tabs.plan.problems == ()
    assert as_tabs.plan.set_count == as_commas.plan.set_count > 0


def test_a_set_or_workout_deleted_and_put_back_still_goes_with_its_import(store: Store) -> None:
    outcome = store_import(store.db, prepared(store, FIXTURES / "hevy_kg.csv"))
    assert outcome.import_id is not None
    first, *_ = store.sets.all()
    store.sets.restore(store.sets.delete(first.id or 0))
    workout_id = next(s.workout_id for s in store.sets.all() if s.workout_id != first.workout_id)
    assert workout_id is not None
    store.workouts.restore(store.workouts.delete(workout_id))
    remove_import(store.db, outcome.import_id)
    assert store.sets.count() == 0
    assert store.workouts.count() == 0


def test_a_file_newest_first_adds_nothing_to_the_log_it_came_from(
    store: Store, tmp_path: Path
) -> None:
    _rich_log(store)
    out = tmp_path / "log.csv"
    names = NAMES | {"own-bench-press": "Bench"}
    export_csv(store.db, out, names)
    import csv

    with out.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    reversed_file = tmp_path / "newest-first.csv"
    with reversed_file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *reversed(rows)])
    assert prepared(store, reversed_file).new_sets == 0


def test_the_same_file_read_in_another_time_zone_adds_nothing(store: Store) -> None:
    path = FIXTURES / "strong_weight_kg.csv"
    parsed = read_export(path, localise=fixed_offset)
    store_import(store.db, prepare_import(store.db, path, parsed, PAIRS, Unit.KG))
    elsewhere = read_export(path, localise=lambda moment: moment.replace(tzinfo=KOLKATA))
    again = prepare_import(store.db, path, elsewhere, PAIRS, Unit.KG)
    assert again.new_sets == 0


def test_drills_of_ones_own_with_different_names_never_share_an_id() -> None:
    from hinge_desktop.domain.imports.model import (
        ImportFormat,
        ParsedFile,
        SourceSet,
        SourceWorkout,
    )
    from hinge_desktop.domain.imports.plan import plan_import

    at = datetime(2026, 3, 1, 8, tzinfo=BERLIN)
    names = ["Присед", "Жим лёжа", "ベンチプレス", "x" * 120]
    parsed = ParsedFile(
        ImportFormat.STRONG,
        workouts=(
            SourceWorkout(
                line=2,
                started_at=at,
                sets=tuple(
                    SourceSet(line=2 + i, exercise=name, performed_at=at, reps=5)
                    for i, name in enumerate(names)
                ),
            ),
        ),
    )
    plan = plan_import(parsed, ExerciseMatcher(PAIRS), {d for d, _ in PAIRS})
    assert len({drill.id for drill in plan.new_drills}) == len(names)
    assert all(len(drill.name) <= 80 for drill in plan.new_drills)
    assert plan.new_drills[-1].imported_as == "x" * 120


def test_a_set_dated_outside_any_plausible_year_is_a_bad_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "far.csv"
    path.write_text(
        "date,workout,drill_id,drill,set,side,reps,weight,unit,seconds,rpe,band,notes\n"
        "0001-01-01T00:30:00+05:00,,glute-bridge,Glute bridge,1,,10,,,,,,\n",
        encoding="utf-8",
    )
    attempt = prepared(store, path)
    assert [p.line for p in attempt.plan.problems] == [2]
    assert "1900" in attempt.plan.problems[0].reason


def test_taking_back_an_import_keeps_a_workout_a_later_import_added_to(
    store: Store, tmp_path: Path
) -> None:
    header = "date,workout,drill_id,drill,set,side,reps,weight,unit,seconds,rpe,band,notes\n"
    first = tmp_path / "first.csv"
    first.write_text(
        header + "2026-03-01T08:00:00+01:00,Loading,glute-bridge,Glute bridge,1,,10,,,,,,\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.csv"
    second.write_text(
        header + "2026-03-01T08:00:00+01:00,Loading,glute-bridge,Glute bridge,1,,10,,,,,,\n"
        "2026-03-01T08:05:00+01:00,Loading,glute-bridge,Glute bridge,2,,10,,,,,,\n",
        encoding="utf-8",
    )
    one = store_import(store.db, prepared(store, first))
    store_import(store.db, prepared(store, second))
    assert one.import_id is not None
    assert remove_import(store.db, one.import_id) == 1
    assert [s.set_number for s in store.sets.all()] == [2]
    assert store.workouts.count() == 1


def test_hinges_import_reads_the_escaped_cells_back_exactly(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    log_with(store, "+Morning", FORMULAS)
    out = tmp_path / "log.csv"
    export_csv(store.db, out, NAMES, UNITS)
    import_file(fresh, out)
    assert sorted(s.note for s in fresh.sets.all()) == sorted(FORMULAS)
    names = [row[0] for row in fresh.db.execute("SELECT name FROM workouts").fetchall()]
    assert names == ["+Morning"]
