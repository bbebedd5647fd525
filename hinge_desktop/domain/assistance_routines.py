"""The assistance routines' lifts, rung by rung: one or two loaded hinges after the main lift,
chosen from the rung the person has reached, with the minutes each choice promises.

The articles give assistance work as weighted drills at 3×8 or 3×12 (seed 003), and warn
against a programme of many exercises that eats into recovery; the ladder says which loads a
person has earned. So each routine holds at most two lifts, and none before loading begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.domain.drills import Phase

ASSISTANCE_REST = 90
"""Seconds between the sets of a loaded lift, and from one lift to the next."""

MAX_LIFTS = 2


@dataclass(frozen=True)
class Assistance:
    """The lifts of an assistance routine on a rung, and how long they run, in minutes."""

    lifts: tuple[str, ...]
    minutes: tuple[int, int]


HEAVIER: dict[Phase, Assistance] = {
    Phase.LIGHT_LOADING: Assistance(("band-good-morning",), (5, 8)),
    Phase.LOADING: Assistance(("kettlebell-deadlift",), (5, 8)),
    Phase.BAR_AND_SWING: Assistance(("romanian-deadlift",), (5, 8)),
}
"""3×8: the standing hinge with the heaviest load the rung allows (on the single-leg rung too:
its one-legged drills are the rung's own session)."""

LIGHTER: dict[Phase, Assistance] = {
    Phase.LIGHT_LOADING: Assistance(("band-pull-through", "hip-thrust"), (12, 16)),
    Phase.BAR_AND_SWING: Assistance(("kettlebell-swing", "hip-thrust"), (10, 14)),
}
"""3×12: a lighter hinge and the hip thrust, which finishes the hinge with the glutes."""


def assistance_for(table: dict[Phase, Assistance], rung: Phase) -> Assistance | None:
    """The lifts for ``rung``: those of the highest rung of ``table`` at or below it; None below
    the first (before loading begins, nothing loaded is offered)."""
    reached = [phase for phase in table if phase <= rung]
    return table[max(reached)] if reached else None
