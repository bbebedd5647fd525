"""What a person may log: the limits, each refused with a message naming the field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hinge_desktop.domain.training import (
    RECORD_LIMITS,
    InvalidSet,
    LoggedSet,
    Unit,
    Workout,
    to_kg,
    validate_set,
)

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "field_name", "words"),
    [
        ({"reps": -1}, "reps", "between 0 and"),
        ({"reps": 201}, "reps", "between 0 and 200"),
        ({"hold_seconds": 601.0}, "hold_seconds", "between 0 and 600 seconds"),
        ({"weight": 501.0, "unit": Unit.KG}, "weight", "between 0 and 500 kg"),
        ({"weight": 1103.0, "unit": Unit.LB}, "weight", "between 0 and 1102 lb"),
        ({"weight": 20.0}, "unit", "kg or lb"),
        ({"rpe": 0.5}, "rpe", "between 1 and 10"),
        ({"set_number": 0}, "set_number", "starts at 1"),
    ],
)
def test_values_out_of_range_are_refused(
    fields: dict[str, object], field_name: str, words: str
) -> None:
    with pytest.raises(InvalidSet, match=words) as refused:
        validate_set(LoggedSet(drill_id="glute-bridge", performed_at=NOW, **fields))  # type: ignore[arg-type]
    assert refused.value.field_name == field_name


def test_values_at_the_limits_are_accepted() -> None:
    validate_set(
        LoggedSet(drill_id="rdl", performed_at=NOW, reps=200, weight=500.0, unit=Unit.KG, rpe=10)
    )
    validate_set(
        LoggedSet(
            drill_id="rdl", performed_at=NOW, reps=0, hold_seconds=600.0, weight=1102, unit=Unit.LB
        )
    )


def test_a_stored_set_may_hold_what_other_apps_recorded_but_not_absurd_values() -> None:
    """A 30-minute run or a 600 kg leg press from another app's history is kept as it was;
    entered by hand in Hinge, the same values are refused."""
    run = LoggedSet(drill_id="running", performed_at=NOW, hold_seconds=1800.0)
    press = LoggedSet(drill_id="leg-press", performed_at=NOW, reps=8, weight=600.0, unit=Unit.KG)
    for logged in (run, press):
        with pytest.raises(InvalidSet):
            validate_set(logged)
    with pytest.raises(InvalidSet, match="between 0 and 2000 kg"):
        LoggedSet(drill_id="leg-press", performed_at=NOW, reps=8, weight=2001.0, unit=Unit.KG)
    with pytest.raises(InvalidSet, match="Reps"):
        LoggedSet(drill_id="skips", performed_at=NOW, reps=RECORD_LIMITS.reps + 1)


def test_a_set_without_a_drill_is_refused() -> None:
    with pytest.raises(InvalidSet, match="drill"):
        LoggedSet(drill_id="  ", performed_at=NOW)


def test_naive_times_are_refused_because_the_local_day_would_be_lost() -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        LoggedSet(drill_id="rdl", performed_at=datetime(2026, 3, 1, 8, 0))


def test_a_workout_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="end before"):
        Workout(started_at=NOW, ended_at=NOW.replace(hour=7))


def test_pounds_convert_to_kilograms() -> None:
    assert to_kg(100.0, Unit.LB) == pytest.approx(45.359, abs=1e-3)
    assert LoggedSet(drill_id="rdl", performed_at=NOW, weight=20, unit=Unit.KG).weight_kg == 20
