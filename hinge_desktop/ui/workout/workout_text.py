"""How the workout player reads: step names, what comes next, the clock, the coach's words.

Every string is a literal ``QCoreApplication.translate("WorkoutText", …)`` call, so that
``pyside6-lupdate`` finds them all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.cues import GET_READY, Cue, CueKind
from hinge_desktop.domain.timeline import Moment, Step, StepKind
from hinge_desktop.domain.training import Side
from hinge_desktop.ui.plurals import plural


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkoutText", text)


def cue_words() -> dict[CueKind, str]:
    """The coach's templates in the person's language; the keys mirror ``cues.ENGLISH``.

    The get-readies are said through :func:`cue_text`, which counts their sets in the plural
    the language needs; these are the words a get-ready has where no count is given."""
    return {
        CueKind.GET_READY_REPS: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {sets} sets of {reps}"
        ),
        CueKind.GET_READY_REPS_SIDES: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {sets} sets of {reps} each side, {side} side first"
        ),
        CueKind.GET_READY_ALTERNATING: QCoreApplication.translate(
            "WorkoutText",
            "Get ready: {name}, {sets} sets of {reps} each side, alternating, {side} side first",
        ),
        CueKind.GET_READY_HOLD: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {sets} sets, hold {seconds} seconds"
        ),
        CueKind.GET_READY_HOLD_SIDES: QCoreApplication.translate(
            "WorkoutText",
            "Get ready: {name}, {sets} sets, hold {seconds} seconds each side, {side} side first",
        ),
        CueKind.GET_READY_PARTS: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {part} first"
        ),
        CueKind.GET_READY_PARTS_SIDES: QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, {side} side first"
        ),
        CueKind.COUNT: QCoreApplication.translate("WorkoutText", "{count}"),
        CueKind.REP: QCoreApplication.translate("WorkoutText", "{count}"),
        CueKind.SIDE_REP: QCoreApplication.translate("WorkoutText", "{side} {count}"),
        CueKind.LAST_SIDE_REP: QCoreApplication.translate("WorkoutText", "last one, {side}"),
        CueKind.FORM: QCoreApplication.translate("WorkoutText", "{text}"),
        CueKind.PREPARE: QCoreApplication.translate("WorkoutText", "{text}"),
        CueKind.LAST_REP: QCoreApplication.translate("WorkoutText", "last one"),
        CueKind.HALFWAY: QCoreApplication.translate("WorkoutText", "halfway"),
        CueKind.HOLD: QCoreApplication.translate("WorkoutText", "hold {seconds} seconds"),
        CueKind.PART: QCoreApplication.translate("WorkoutText", "{part}: {seconds} seconds"),
        CueKind.PART_SIDE: QCoreApplication.translate(
            "WorkoutText", "{part}, {side} side: {seconds} seconds"
        ),
        CueKind.NEXT_PART: QCoreApplication.translate("WorkoutText", "next: {part}"),
        CueKind.NEXT_PART_SIDE: QCoreApplication.translate(
            "WorkoutText", "next: {part}, {side} side"
        ),
        CueKind.FIRST_SIDE: QCoreApplication.translate("WorkoutText", "{side} side first"),
        CueKind.SWITCH_SIDES: QCoreApplication.translate("WorkoutText", "switch sides"),
        CueKind.REST: QCoreApplication.translate("WorkoutText", "rest {seconds} seconds"),
        CueKind.NEXT: QCoreApplication.translate("WorkoutText", "next: {name}"),
        CueKind.COMPLETE: QCoreApplication.translate("WorkoutText", "workout complete"),
    }


def _said_get_ready(kind: CueKind, sets: int) -> str:
    """A get-ready as said, its sets counted ("1 set", "2 sets")."""
    if kind is CueKind.GET_READY_REPS:
        return QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, %n set(s) of {reps}", None, sets
        )
    if kind is CueKind.GET_READY_REPS_SIDES:
        return QCoreApplication.translate(
            "WorkoutText",
            "Get ready: {name}, %n set(s) of {reps} each side, {side} side first",
            None,
            sets,
        )
    if kind is CueKind.GET_READY_ALTERNATING:
        return QCoreApplication.translate(
            "WorkoutText",
            "Get ready: {name}, %n set(s) of {reps} each side, alternating, {side} side first",
            None,
            sets,
        )
    if kind is CueKind.GET_READY_HOLD:
        return QCoreApplication.translate(
            "WorkoutText", "Get ready: {name}, %n set(s), hold {seconds} seconds", None, sets
        )
    return QCoreApplication.translate(
        "WorkoutText",
        "Get ready: {name}, %n set(s), hold {seconds} seconds each side, {side} side first",
        None,
        sets,
    )


def _shown_get_ready(kind: CueKind, sets: int) -> str:
    """A get-ready as written under the drill's name: only the dose and the first side."""
    if kind is CueKind.GET_READY_REPS:
        return QCoreApplication.translate("WorkoutText", "%n set(s) of {reps} reps", None, sets)
    if kind is CueKind.GET_READY_REPS_SIDES:
        return QCoreApplication.translate(
            "WorkoutText", "%n set(s) of {reps} reps each side, {side} side first", None, sets
        )
    if kind is CueKind.GET_READY_ALTERNATING:
        return QCoreApplication.translate(
            "WorkoutText",
            "%n set(s) of {reps} reps each side, alternating, {side} side first",
            None,
            sets,
        )
    if kind is CueKind.GET_READY_HOLD:
        return QCoreApplication.translate("WorkoutText", "%n set(s), hold {seconds} s", None, sets)
    if kind is CueKind.GET_READY_HOLD_SIDES:
        return QCoreApplication.translate(
            "WorkoutText", "%n set(s), hold {seconds} s each side, {side} side first", None, sets
        )
    if kind is CueKind.GET_READY_PARTS:
        return QCoreApplication.translate("WorkoutText", "{part} first")
    return QCoreApplication.translate("WorkoutText", "{side} side first")


_COUNTED = frozenset(GET_READY - {CueKind.GET_READY_PARTS, CueKind.GET_READY_PARTS_SIDES})
"""The get-readies that count their sets."""


def side_word(side: str | Side) -> str:
    """ "left" or "right", as said in a cue."""
    return _t("left") if Side(side) is Side.LEFT else _t("right")


def _values(cue: Cue) -> dict[str, str | int]:
    """The cue's values with its side in the person's language."""
    values = dict(cue.values)
    if "side" in values:
        values["side"] = side_word(str(values["side"]))
    return values


def _counted(template: str, count: int) -> str:
    """A template with one number, in the singular or the plural as ``count`` asks."""
    return plural(template, count).replace("%n", str(count))


def cue_text(cue: Cue, words: dict[CueKind, str]) -> str:
    """What the coach says: ``cue`` in ``words``, with "1 set" and "3 sets" right."""
    values = _values(cue)
    if cue.kind in _COUNTED:
        sets = int(values["sets"])
        return _counted(_said_get_ready(cue.kind, sets), sets).format(**values)
    return words[cue.kind].format(**values)


def shown_cue_text(cue: Cue, words: dict[CueKind, str]) -> str:
    """The cue as written on screen: the same words starting with a capital, and at the get
    ready only the dose and the side first (the drill's name is written above it already)."""
    if cue.kind in GET_READY:
        values = _values(cue)
        sets = int(values["sets"])
        return as_shown(_counted(_shown_get_ready(cue.kind, sets), sets).format(**values))
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


def part_name(step: Step) -> str:
    """A timed part's name as written ("Roll"), or nothing outside one."""
    return as_shown(step.part.name) if step.part is not None else ""


def set_text(step: Step) -> str:
    """ "Set 2 of 3", with the part and the side where there are; a drill done in parts, of
    one set, is named by its part alone ("Roll · left side")."""
    words = []
    if step.part is None or step.sets > 1:
        words.append(
            QCoreApplication.translate("WorkoutText", "Set {number} of {sets}").format(
                number=step.set_number, sets=step.sets
            )
        )
    if step.part is not None:
        words.append(part_name(step))
    if step.alternating:
        words.append(_t("sides in turn"))
    elif step.side is not None:
        words.append(_side(step.side))
    return " · ".join(words)


def step_text(step: Step) -> str:
    """What the person is doing now, in a few words."""
    if step.kind is StepKind.GET_READY:
        if step.side is not None:
            return QCoreApplication.translate("WorkoutText", "Get ready · {side} first").format(
                side=_side(step.side)
            )
        return _t("Get ready")
    if step.kind is StepKind.REST:
        return _t("Rest")
    if step.kind is StepKind.SWITCH_SIDES:
        return _t("Switch sides")
    if step.kind is StepKind.CHANGE:
        return _t("Get into position")
    if step.kind is StepKind.DONE:
        return _t("Workout complete")
    return set_text(step)


def rep_text(moment: Moment) -> str:
    """ "3 of 8" in a reps step (under the clock, as large as it: the word "rep" would make
    it smaller), "Left 3 of 8" where the sides alternate, the part's name in a timed part,
    "Hold" in a hold, nothing otherwise."""
    step = moment.step
    if step.kind is StepKind.REPS and step.alternating:
        template = (
            _t("Left {rep} of {reps}") if moment.side is Side.LEFT else _t("Right {rep} of {reps}")
        )
        return template.format(rep=max(moment.side_rep, 1), reps=step.reps // 2)
    if step.kind is StepKind.REPS:
        return QCoreApplication.translate("WorkoutText", "{rep} of {reps}").format(
            rep=max(moment.rep, 1), reps=step.reps
        )
    if step.kind is StepKind.HOLD:
        return part_name(step) or _t("Hold")
    return ""


def next_text(steps: Sequence[Step], index: int) -> str:
    """ "Next: …" for the step after ``index`` (the part after a change); empty at the end."""
    if index + 1 >= len(steps):
        return ""
    current, following = steps[index], steps[index + 1]
    if following.kind is StepKind.CHANGE and index + 2 < len(steps):
        following = steps[index + 2]
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
