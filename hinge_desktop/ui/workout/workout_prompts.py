"""The questions asked before a workout under way ends: finish it now, start another in its place,
or quit Hinge in its middle; and before one starts above the person's rung. Each is
non-blocking; keeping on as things are is the default and Escape's answer.

What was logged is never taken back by ending a workout, and each question says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.ui.plurals import plural
from hinge_desktop.ui.widgets.dialogs import message_box

KEEP_GOING = "keepGoingButton"
NOT_NOW = "notNowButton"


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkoutPrompts", text)


def _ask(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    detail: str,
    answer: tuple[str, str],
    on_yes: Callable[[], object],
    keep: tuple[str, str] | None = None,
) -> QMessageBox:
    """A question with ``answer`` (its words and its button's name) and ``keep`` (Keep going
    unless given), the default."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, name)
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    box.setInformativeText(detail)
    words, button_name = answer
    yes = box.addButton(words, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(button_name)
    yes.setAccessibleName(words)
    keep_words, keep_name = keep or (_t("Keep going"), KEEP_GOING)
    stay = box.addButton(keep_words, QMessageBox.ButtonRole.RejectRole)
    stay.setObjectName(keep_name)
    stay.setAccessibleName(keep_words)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)

    def finished() -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def ask_to_finish(
    parent: QWidget, name: str, done: int, planned: int, on_yes: Callable[[], object]
) -> QMessageBox:
    """Finish now, with sets still to do? (``finishWorkoutBox``, its ``confirmFinishButton``)."""
    sets = plural(QCoreApplication.translate("WorkoutPrompts", "%n set(s)", None, planned), planned)
    return _ask(
        parent,
        "finishWorkoutBox",
        _t("Finish the workout?"),
        _t("Finish {name} now, with {done} of {sets} logged?").format(
            name=name, done=done, sets=sets
        ),
        _t("Every set you logged is kept, and a set under way now can still be logged after."),
        (_t("Finish"), "confirmFinishButton"),
        on_yes,
    )


def ask_to_replace(
    parent: QWidget, name: str, new_name: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """End the workout under way and start another? (``replaceWorkoutBox``)."""
    return _ask(
        parent,
        "replaceWorkoutBox",
        _t("Start another workout?"),
        _t("{name} is under way. End it and start {new}?").format(name=name, new=new_name),
        _t("Every set you logged in {name} is kept.").format(name=name),
        (_t("End it and start"), "replaceWorkoutButton"),
        on_yes,
    )


def ask_to_quit(parent: QWidget, name: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Quit Hinge in the middle of a workout? (``quitWorkoutBox``, its ``quitWorkoutButton``)."""
    return _ask(
        parent,
        "quitWorkoutBox",
        _t("Quit in the middle of the workout?"),
        _t("{name} is under way. Quit Hinge now?").format(name=name),
        _t(
            "Every set you logged is kept, and the workout can be resumed where it stopped "
            "the next time Hinge starts."
        ),
        (_t("Quit"), "quitWorkoutButton"),
        on_yes,
    )


def ask_to_start_above_rung(
    parent: QWidget, text: str, detail: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Start a drill above the person's rung? ``text`` names both rungs, ``detail`` what opens
    the next one (``aboveRungBox``, its ``startAnywayButton`` and ``notNowButton``)."""
    return _ask(
        parent,
        "aboveRungBox",
        _t("Start above your rung?"),
        text,
        detail,
        (_t("Start anyway"), "startAnywayButton"),
        on_yes,
        (_t("Not now"), NOT_NOW),
    )
