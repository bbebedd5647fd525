"""How the workout player reads: step names, what comes next, the clock, the coach's words.

Every string is a literal ``QCoreApplication.translate("WorkoutText", …)`` call, so that
``pyside6-lupdate`` finds them all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.cues import Cue, CueKind
from hinge_desktop.domain.timeline import Moment, Step, StepKind
from hinge_desktop.domain.training import Side
from hinge_desktop.ui.plurals import plural


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkoutText", text)


def cue_words() -> dict[CueKind, str]:
    """The coach's templates in the person's language; the keys mirror ``cues.ENGLISH``."""
    return {
        CueKind.GET_READY_REPS: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {sets} sets of {reps}"
        ),
        CueKind.GET_READY_HOLD: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {sets} sets, hold {seconds} seconds"
        ),
        CueKind.COUNT: QCoreApplication.translate("WorkoutText", "{count}"),
        CueKind.REP: QCoreApplication.translate("WorkoutText", "{count}"),
        CueKind.FORM: QCoreApplication.translate("WorkoutText", "{text}"),
        CueKind.PREPARE: QCoreApplication.translate("WorkoutText", "{text}"),
        CueKind.LAST_REP: QCoreApplication.translate("WorkoutText", "last one"),
        CueKind.HALFWAY: QCoreApplication.translate("WorkoutText", "halfway"),
        CueKind.HOLD: QCoreApplication.translate("WorkoutText", "hold {seconds} seconds"),
        CueKind.SWITCH_SIDES: QCoreApplication.translate("WorkoutText", "switch sides"),
        CueKind.REST: QCoreApplication.translate("WorkoutText", "rest {seconds} seconds"),
        CueKind.NEXT: QCoreApplication.translate("WorkoutText", "next: {name}"),
        CueKind.COMPLETE: QCoreApplication.translate("WorkoutText", "workout complete"),
    }


def _counted(template: str, count: int) -> str:
    """A template with one number, in the singular or the plural as ``count`` asks."""
    return plural(template, count).replace("%n", str(count))


def cue_text(cue: Cue, words: dict[CueKind, str]) -> str:
    """What the coach says: ``cue`` in ``words``, with "1 set" and "3 sets" right."""
    values = cue.values
    if cue.kind is CueKind.GET_READY_REPS:
        sets = int(values["sets"])
        template = QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, %n set(s) of {reps}", None, sets
        )
        return _counted(template, sets).format(**values)
    if cue.kind is CueKind.GET_READY_HOLD:
        sets = int(values["sets"])
        template = QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, %n set(s), hold {seconds} seconds", None, sets
        )
        return _counted(template, sets).format(**values)
    return cue.text(words)


def shown_cue_text(cue: Cue, words: dict[CueKind, str]) -> str:
    """The cue as written on screen: the same words starting with a capital, and at the get
    ready only the dose (the drill's name is written above it already)."""
    values = cue.values
    if cue.kind is CueKind.GET_READY_REPS:
        sets = int(values["sets"])
        template = QCoreApplication.translate("WorkoutText", "%n set(s) of {reps} reps", None, sets)
        return _counted(template, sets).format(**values)
    if cue.kind is CueKind.GET_READY_HOLD:
        sets = int(values["sets"])
        template = QCoreApplication.translate(
            "WorkoutText", "%n set(s), hold {seconds} s", None, sets
        )
        return _counted(template, sets).format(**values)
    return as_shown(cue_text(cue, words))


def as_shown(spoken: str) -> str:
    """A cue as written on screen: the same words, starting with a capital."""
    return spoken[:1].upper() + spoken[1:]


def clock_text(seconds: float) -> str:
    """The time left: "1:30", "0:42", and the last nine seconds as a bare "7", like the voice."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole < 10:
        return str(whole)
    return f"{whole // 60}:{whole % 60:02d}"


def _side(side: Side | None) -> str:
    if side is Side.LEFT:
        return _t("left side")
    if side is Side.RIGHT:
        return _t("right side")
    return ""


def set_text(step: Step) -> str:
    """ "Set 2 of 3", with the side where there is one."""
    text = QCoreApplication.translate("WorkoutText", "Set {number} of {sets}").format(
        number=step.set_number, sets=step.sets
    )
    side = _side(step.side)
    return f"{text} · {side}" if side else text


def step_text(step: Step) -> str:
    """What the person is doing now, in a few words."""
    if step.kind is StepKind.GET_READY:
        return _t("Get ready")
    if step.kind is StepKind.REST:
        return _t("Rest")
    if step.kind is StepKind.SWITCH_SIDES:
        return _t("Switch sides")
    if step.kind is StepKind.DONE:
        return _t("Workout complete")
    return set_text(step)


def rep_text(moment: Moment) -> str:
    """ "3 of 8" in a reps step (under the clock, as large as it: the word "rep" would make
    it smaller), "Hold" in a hold, nothing otherwise."""
    if moment.step.kind is StepKind.REPS:
        return QCoreApplication.translate("WorkoutText", "{rep} of {reps}").format(
            rep=max(moment.rep, 1), reps=moment.step.reps
        )
    if moment.step.kind is StepKind.HOLD:
        return _t("Hold")
    return ""


def next_text(steps: Sequence[Step], index: int) -> str:
    """ "Next: …" for the step after ``index``; empty at the end."""
    if index + 1 >= len(steps):
        return ""
    current, following = steps[index], steps[index + 1]
    if following.kind is StepKind.REST:
        what = QCoreApplication.translate("WorkoutText", "rest {seconds} s").format(
            seconds=f"{following.seconds:g}"
        )
    elif following.kind is StepKind.SWITCH_SIDES:
        what = _t("switch sides")
    elif following.kind is StepKind.DONE:
        what = _t("workout complete")
    elif following.kind is StepKind.GET_READY and following.drill is not None:
        what = following.drill.name
    elif following.drill is not None and following.drill is not current.drill:
        what = f"{following.drill.name}, {set_text(following)}"
    else:
        what = set_text(following)
    return QCoreApplication.translate("WorkoutText", "Next: {what}").format(what=what)
