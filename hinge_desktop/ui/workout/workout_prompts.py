"""The questions asked before a workout under way ends: finish it now, start another in its place,
or quit Hinge in its middle. Each is non-blocking; keeping on is the default and Escape's answer.

What was logged is never taken back by ending a workout, and each question says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.ui.plurals import plural
from hinge_desktop.ui.widgets.dialogs import message_box

KEEP_GOING = "keepGoingButton"


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
) -> QMessageBox:
    """A question with ``answer`` (its words and its button's name) and Keep going."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, name)
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    box.setInformativeText(detail)
    words, button_name = answer
    yes = box.addButton(words, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName(button_name)
    yes.setAccessibleName(words)
    keep_words = _t("Keep going")
    keep = box.addButton(keep_words, QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName(KEEP_GOING)
    keep.setAccessibleName(keep_words)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

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
        _t("Finish {name} now, with {done} of {sets} done?").format(
            name=name, done=done, sets=sets
        ),
        _t("Every set you logged is kept, and the last one can still be logged."),
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
