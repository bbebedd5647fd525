"""The ladder's rules in the person's words: what opens the next rung, the count so far, the leg
that is short in the straight-leg raise, and the message when a phase opens.

Worded once, from the rules in ``domain/ladder.py``, for every place that tells the person about
the ladder: the ladder panel, Today and the session summary.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import (
    SESSIONS_TO_UNLOCK,
    STRAIGHT_LEG_RAISE_TARGET,
    LadderHint,
    LadderState,
    LegRaise,
    UnlockReason,
)
from hinge_desktop.domain.training import Side
from hinge_desktop.ui.drill_text import phase_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("Ladder", text)


def gate_text(state: LadderState, leg_raise_target: float | None = None) -> str:
    """What opens the next rung, in a sentence or three.

    ``leg_raise_target`` is the straight-leg raise test's target as the catalogue gives it; the
    last test's own target wins when there is one.
    """
    hint = state.hint
    if hint is LadderHint.TAKE_SQUEEZE_TEST:
        return _tr(
            "Take the glute squeeze test: it decides whether glute activation "
            "or mobility comes first."
        )
    if hint is LadderHint.ACTIVATION_DAYS:
        return _tr(
            "Do the activation routine daily. After {days} days, retake the glute squeeze test: "
            "when your glutes tighten, mobility opens."
        ).format(days=state.needed)
    if hint is LadderHint.RETAKE_SQUEEZE_TEST:
        return _tr("Retake the glute squeeze test: when your glutes tighten, mobility opens.")
    if hint is LadderHint.MOBILITY_OR_LEG_RAISE:
        test = state.leg_raise
        if test is not None:
            target = test.target
        elif leg_raise_target is not None:
            target = leg_raise_target
        else:
            target = STRAIGHT_LEG_RAISE_TARGET
        text = _tr(
            "Raise each straight leg to {degrees:g}° on the same day in the straight-leg raise "
            "test, or do mobility work on {days} different days, to open patterning."
        ).format(degrees=target, days=state.needed)
        if test is not None:
            text = f"{text} {leg_raise_text(test)}"
        return text
    if hint is LadderHint.EASY_SESSIONS:
        return easy_days_text(state)
    return _tr("Keep every rep easy and add load slowly.")


def easy_days_text(state: LadderState) -> str:
    """The gate from patterning on: the days on which a standing hinge went easily."""
    following = phase_name(Phase(state.phase + 1)).lower()
    if state.phase is Phase.PATTERNING:
        text = _tr(
            "{days} days on which a standing hinge went easily open {next}: nobody had to hold "
            "you in place, your low back did not move at either end, the foot pressure did not "
            "change. Answer the questions after a standing hinge; a passed wall hinge check "
            "counts too."
        )
    else:
        text = _tr(
            "{days} days on which a standing hinge of {phase} went easily open {next}: nobody "
            "had to hold you in place, your low back did not move at either end, the foot "
            "pressure did not change. Answer the questions after each one."
        )
    return text.format(days=state.needed, phase=phase_name(state.phase).lower(), next=following)


def gate_count(state: LadderState) -> str:
    """The days counted towards the next rung ("2 of 6 days of mobility"), or empty where
    nothing is counted."""
    hint = state.hint
    if hint in (LadderHint.ACTIVATION_DAYS, LadderHint.RETAKE_SQUEEZE_TEST):
        text = _tr("{done} of {needed} days of activation")
    elif hint is LadderHint.MOBILITY_OR_LEG_RAISE:
        text = _tr("{done} of {needed} days of mobility")
    elif hint is LadderHint.EASY_SESSIONS:
        text = _tr("{done} of {needed} days with an easy standing hinge")
    else:
        return ""
    return text.format(done=min(state.passed_sessions, state.needed), needed=state.needed)


def leg_raise_text(test: LegRaise) -> str:
    """The last straight-leg raise test and the leg it waits for: "Last test: left 90°, right
    60°: the right leg is not there yet." """
    angles = _tr("Last test: left {left}, right {right}:").format(
        left=_angle(test.left), right=_angle(test.right)
    )
    short = [side for side in test.short_sides if test.angle(side) is not None]
    unmeasured = [side for side in test.short_sides if test.angle(side) is None]
    if len(short) == 2:
        verdict = _tr("neither leg is there yet.")
    elif short == [Side.LEFT]:
        verdict = _tr("the left leg is not there yet.")
    elif short == [Side.RIGHT]:
        verdict = _tr("the right leg is not there yet.")
    elif unmeasured == [Side.LEFT]:
        verdict = _tr("measure the left leg on the same day too.")
    elif unmeasured == [Side.RIGHT]:
        verdict = _tr("measure the right leg on the same day too.")
    else:
        verdict = _tr("both legs are there.")
    return f"{angles} {verdict}"


def _angle(angle: float | None) -> str:
    if angle is None:
        return _tr("not measured")
    return _tr("{degrees:g}°").format(degrees=angle)


def unlock_message(from_phase: Phase, to_phase: Phase, reason: UnlockReason) -> str:
    """What to tell the person when the ladder moves them up, in a sentence or two."""
    to_name = phase_name(to_phase)
    if reason is UnlockReason.SQUEEZE_FAILED:
        text = _tr(
            "Your glutes need waking up first, so you start with {to}. "
            "Do its routine every day, even twice a day."
        )
    elif reason is UnlockReason.SQUEEZE_PASSED and from_phase is Phase.CHECK:
        text = _tr(
            "Your glutes answer the squeeze, so you can skip activation: "
            "you've unlocked {to}. Its routine is suggested next."
        )
    elif reason is UnlockReason.SQUEEZE_PASSED:
        text = _tr(
            "Your glutes answer the squeeze now: you've unlocked {to}. "
            "Its routine is suggested next."
        )
    elif reason is UnlockReason.STRAIGHT_LEG_RAISE:
        text = _tr(
            "Both legs reached the straight-leg raise target: you've unlocked {to}. "
            "Its routine is suggested next."
        )
    elif reason is UnlockReason.MOBILITY_DAYS:
        text = _tr(
            "Your mobility work has added up: you've unlocked {to}. Its routine is suggested next."
        )
    elif reason is UnlockReason.EASY_SESSIONS:
        text = _tr(
            "A standing hinge went easily on {days} different days: you've unlocked {to}. "
            "Its routine is suggested next; start light."
        )
    else:
        text = _tr("You've reached {to}.")
    return text.format(to=to_name, days=SESSIONS_TO_UNLOCK)
