"""Which set the log panel offers at each moment of a workout: the set under way or just ended,
a side still to log before the other, an extra set after the prescription, or nothing yet."""

from __future__ import annotations

from drill_catalogue import CATALOGUE

from hinge_desktop.domain.set_to_log import Offer, SetKey, moved_on, set_to_log
from hinge_desktop.domain.timeline import Step, StepKind, build_steps
from hinge_desktop.domain.training import Side

BRIDGE = CATALOGUE.get("glute-bridge")  # 2 sets
ASLR = CATALOGUE.get("aslr-test")  # 1 set, per side
HOLD = CATALOGUE.get("roll-stretch-hamstrings")  # a hold, 1 set


def at(steps: tuple[Step, ...], kind: StepKind, number: int = 1, side: Side | None = None) -> int:
    for index, step in enumerate(steps):
        number_fits = kind is StepKind.DONE or step.set_number == number
        if step.kind is kind and number_fits and (side is None or step.side is side):
            return index
    raise AssertionError(f"no {kind} {number} {side}")


def offered(
    steps: tuple[Step, ...], index: int, logged: set[SetKey], *, started: bool = True
) -> tuple[str, int, Side | None, Offer]:
    target = set_to_log(steps, index, started, logged)
    assert target is not None
    return (target.drill.id, target.set_number, target.side, target.offer)


def test_before_start_and_while_getting_ready_the_first_set_is_upcoming() -> None:
    steps = build_steps([BRIDGE])
    assert offered(steps, 0, set(), started=False) == ("glute-bridge", 1, None, Offer.UPCOMING)
    assert offered(steps, 0, set()) == ("glute-bridge", 1, None, Offer.UPCOMING)


def test_a_set_is_offered_while_under_way_and_after_it_ends_until_the_next_begins() -> None:
    steps = build_steps([BRIDGE])
    assert offered(steps, at(steps, StepKind.REPS, 1), set())[3] is Offer.UNDER_WAY
    assert offered(steps, at(steps, StepKind.REST, 1), set())[1:] == (1, None, Offer.ENDED)
    assert offered(steps, at(steps, StepKind.REPS, 2), set())[1:] == (2, None, Offer.UNDER_WAY)


def test_a_logged_set_is_not_offered_again_before_the_next_begins() -> None:
    steps = build_steps([BRIDGE])
    logged = {("glute-bridge", 1, None)}
    assert offered(steps, at(steps, StepKind.REST, 1), logged)[1:] == (1, None, Offer.LOGGED)


def test_after_the_prescribed_sets_an_extra_set_is_offered_numbered_on() -> None:
    steps = build_steps([BRIDGE])
    done = at(steps, StepKind.DONE)
    logged = {("glute-bridge", 1, None), ("glute-bridge", 2, None)}
    assert offered(steps, done, logged) == ("glute-bridge", 3, None, Offer.EXTRA)
    logged.add(("glute-bridge", 3, None))
    assert offered(steps, done, logged)[1] == 4


def test_the_left_side_waits_until_it_is_logged_even_while_the_right_side_runs() -> None:
    steps = build_steps([ASLR])
    right = at(steps, StepKind.REPS, 1, Side.RIGHT)
    assert offered(steps, at(steps, StepKind.SWITCH_SIDES), set())[2:] == (
        Side.LEFT,
        Offer.ENDED,
    )
    assert offered(steps, right, set())[2:] == (Side.LEFT, Offer.ENDED)
    logged = {("aslr-test", 1, Side.LEFT)}
    assert offered(steps, right, logged)[2:] == (Side.RIGHT, Offer.UNDER_WAY)
    assert offered(steps, at(steps, StepKind.DONE), logged)[2:] == (Side.RIGHT, Offer.ENDED)


def test_extra_sets_of_a_per_side_drill_go_left_then_right() -> None:
    steps = build_steps([ASLR])
    done = at(steps, StepKind.DONE)
    logged = {("aslr-test", 1, Side.LEFT), ("aslr-test", 1, Side.RIGHT)}
    assert offered(steps, done, logged) == ("aslr-test", 2, Side.LEFT, Offer.EXTRA)
    logged.add(("aslr-test", 2, Side.LEFT))
    assert offered(steps, done, logged) == ("aslr-test", 2, Side.RIGHT, Offer.EXTRA)


def test_getting_ready_for_the_next_drill_offers_its_first_set_once_the_last_is_logged() -> None:
    steps = build_steps([BRIDGE, HOLD])
    ready = next(i for i, s in enumerate(steps) if s.kind is StepKind.GET_READY and s.drill is HOLD)
    logged = {("glute-bridge", 1, None), ("glute-bridge", 2, None)}
    assert offered(steps, ready, logged) == (HOLD.id, 1, None, Offer.UPCOMING)
    # The last set not logged yet: it is still offered, named by its own drill.
    assert offered(steps, ready, {("glute-bridge", 1, None)}) == (
        "glute-bridge",
        2,
        None,
        Offer.ENDED,
    )


def test_a_resumed_workout_shows_the_set_logged_before_the_crash() -> None:
    steps = build_steps([BRIDGE])
    rest = at(steps, StepKind.REST, 1)
    assert offered(steps, rest, {("glute-bridge", 1, None)}, started=False)[3] is Offer.LOGGED
    assert offered(steps, at(steps, StepKind.REPS, 2), set(), started=False)[1:] == (
        2,
        None,
        Offer.UPCOMING,
    )


def test_moving_on_is_forwards_through_the_workout() -> None:
    steps = build_steps([BRIDGE])
    first = set_to_log(steps, at(steps, StepKind.REPS, 1), True, set())
    second = set_to_log(steps, at(steps, StepKind.REPS, 2), True, set())
    assert first is not None
    assert second is not None
    assert moved_on(first, second)
    assert not moved_on(second, first)
