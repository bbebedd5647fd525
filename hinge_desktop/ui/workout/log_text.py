"""The log panel's words for the set it offers: its name, its side, what Log set does now, and
why it does nothing when there is nothing to log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hinge_desktop.domain.set_to_log import Offer, SetToLog
from hinge_desktop.domain.timeline import StepKind
from hinge_desktop.domain.training import LoggedSet, Side


def _t(text: str) -> str:
    return QCoreApplication.translate("LogText", text)


def set_name(target: SetToLog) -> str:
    """ "Set 2 of 3", "Extra set 4"."""
    return _numbered(target.set_number, target.sets)


def _numbered(number: int, sets: int) -> str:
    if number > sets:
        return _t("Extra set {number}").format(number=number)
    return _t("Set {number} of {sets}").format(number=number, sets=sets)


def side_name(side: Side | None) -> str:
    if side is Side.LEFT:
        return _t("Left side")
    if side is Side.RIGHT:
        return _t("Right side")
    return ""


def target_side(target: SetToLog) -> str:
    """The side of the set offered: "Left side", "Both sides" where they alternate in one set,
    or nothing."""
    if target.side is None and target.drill.prescription.alternating:
        return _t("Both sides")
    return side_name(target.side)


def full_name(target: SetToLog) -> str:
    """ "Set 2 of 3", "Set 1 of 1, left side"."""
    return _with_side(set_name(target), target.side)


def _with_side(name: str, side: Side | None) -> str:
    if side is None:
        return name
    return _t("{set}, {side}").format(set=name, side=side_name(side).lower())


def button_text(target: SetToLog) -> str:
    if target.offer is Offer.EXTRA:
        return _t("Log extra set")
    if target.side is Side.LEFT:
        return _t("Log left side")
    if target.side is Side.RIGHT:
        return _t("Log right side")
    return _t("Log set")


def logged_text(target: SetToLog) -> str:
    """What the panel says once the set is logged: "Extra set 4 logged."."""
    return _t("{set} logged.").format(set=full_name(target))


def not_logged_text(target: SetToLog) -> str:
    return _t("{drill}: {set} was not logged.").format(
        drill=target.drill.name, set=full_name(target).lower()
    )


def waiting_text(target: SetToLog, following: StepKind | None, started: bool) -> str:
    """Why Log set does nothing now, and when it will: ``following`` is the kind of the step
    under way when it is a pause between sets (rest, switching sides, getting ready)."""
    if target.offer is Offer.UPCOMING:
        if not started:
            return _t("Press Start (Space): each set is logged here as you do it.")
        return _t("{set} begins after the countdown; log it when it is done.").format(
            set=full_name(target)
        )
    if target.offer is Offer.LOGGED:
        if following is StepKind.SWITCH_SIDES:
            return _t("The other side comes next.")
        if following is StepKind.REST:
            return _t("The next set begins after the rest.")
        return _t("Already logged: Undo takes it back.")
    if target.offer is Offer.EXTRA:
        # Also after an early finish, when not every planned set was done.
        return _t("No set is left to log: Log extra set adds one more.")
    return ""


def note_label(logged: LoggedSet, sets: int) -> tuple[str, str]:
    """The note's label and placeholder while it edits ``logged``, a set of ``sets`` logged
    already."""
    name = _with_side(_numbered(logged.set_number, sets), logged.side).lower()
    return (
        _t("Note on {set} (logged)").format(set=name),
        _t("Saved with {set}").format(set=name),
    )
