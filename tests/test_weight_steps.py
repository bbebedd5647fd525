"""One press of plus or minus moves a load to the next weight a person can pick up: the next
kettlebell, a pair of the smallest barbell plates, the next dumbbell on the rack."""

from __future__ import annotations

import pytest

from hinge_desktop.domain.drills import Equipment
from hinge_desktop.domain.training import Unit
from hinge_desktop.domain.weight_steps import weight_steps


def walk_up(equipment: set[Equipment], unit: Unit, presses: int, start: float = 0.0) -> list[float]:
    ladder = weight_steps(equipment, unit)
    seen, weight = [], start
    for _ in range(presses):
        weight = ladder.up(weight)
        seen.append(weight)
    return seen


def test_kettlebells_go_bell_by_bell_in_4_kg() -> None:
    assert walk_up({Equipment.KETTLEBELL}, Unit.KG, 9) == [4, 8, 12, 16, 20, 24, 28, 32, 36]


def test_kettlebells_in_pounds_go_by_5_lb() -> None:
    assert walk_up({Equipment.KETTLEBELL}, Unit.LB, 4) == [5, 10, 15, 20]


def test_barbells_go_by_a_pair_of_the_smallest_plates() -> None:
    assert walk_up({Equipment.BARBELL}, Unit.KG, 3, start=20) == [22.5, 25, 27.5]
    assert walk_up({Equipment.BARBELL}, Unit.LB, 3, start=45) == [50, 55, 60]


def test_dumbbells_go_by_1_kg_up_to_10_then_by_2() -> None:
    assert walk_up({Equipment.DUMBBELL}, Unit.KG, 4, start=8) == [9, 10, 12, 14]
    assert walk_up({Equipment.DUMBBELL}, Unit.LB, 4, start=20) == [22.5, 25, 30, 35]
    ladder = weight_steps({Equipment.DUMBBELL}, Unit.KG)
    assert [ladder.down(14), ladder.down(12), ladder.down(10)] == [12, 10, 9]


def test_a_weight_between_two_bells_goes_to_the_next_bell_either_way() -> None:
    ladder = weight_steps({Equipment.KETTLEBELL}, Unit.KG)
    assert (ladder.down(14), ladder.up(14)) == (12, 16)
    assert (ladder.down(16), ladder.up(16)) == (12, 20)


def test_down_stops_at_no_weight() -> None:
    ladder = weight_steps({Equipment.KETTLEBELL}, Unit.KG)
    assert ladder.down(4) == 0
    assert ladder.down(0) == 0
    assert ladder.down(2) == 0


@pytest.mark.parametrize(
    ("equipment", "kg", "lb"),
    [
        (set(), 1.0, 2.5),
        ({Equipment.BAND}, 1.0, 2.5),
        ({Equipment.BENCH}, 1.0, 2.5),
        ({Equipment.CABLE}, 1.0, 2.5),
    ],
)
def test_other_loads_keep_the_plain_step(equipment: set[Equipment], kg: float, lb: float) -> None:
    assert weight_steps(equipment, Unit.KG).up(10) == 10 + kg
    assert weight_steps(equipment, Unit.LB).up(10) == 10 + lb


def test_a_drill_done_with_dumbbells_or_a_kettlebell_steps_as_the_dumbbells_do() -> None:
    both = {Equipment.DUMBBELL, Equipment.KETTLEBELL}
    assert walk_up(both, Unit.KG, 3, start=6) == [7, 8, 9]
