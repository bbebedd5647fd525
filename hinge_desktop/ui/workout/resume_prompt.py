"""After a crash: offer to resume the interrupted workout, or to finish it as it stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from hinge_desktop.storage.session import Unfinished


def _t(text: str) -> str:
    return QCoreApplication.translate("ResumePrompt", text)


class ResumePrompt(QMessageBox):
    """Non-blocking: ``resume_chosen`` or ``finish_chosen`` is emitted when the person answers."""

    resume_chosen = Signal()
    finish_chosen = Signal()

    def __init__(self, unfinished: Unfinished, step_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeWorkoutBox")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_t("Resume your workout?"))
        started = unfinished.workout.started_at
        self.setText(
            _t("<b>{name}</b>, started {when}, was interrupted.").format(
                name=unfinished.plan.name, when=started.strftime("%a %-d %b, %H:%M")
            )
        )
        logged = (
            _t("{count} sets are logged and safe.").format(count=unfinished.set_count)
            if unfinished.set_count != 1
            else _t("1 set is logged and safe.")
        )
        self.setInformativeText(
            _t("It stopped at: {step}. {logged}").format(step=step_text, logged=logged)
        )
        self.resume_button = self.addButton(_t("Resume"), QMessageBox.ButtonRole.AcceptRole)
        self.resume_button.setObjectName("resumeWorkoutButton")
        self.finish_button = self.addButton(
            _t("Finish as it stands"), QMessageBox.ButtonRole.RejectRole
        )
        self.finish_button.setObjectName("finishWorkoutButton")
        self.setDefaultButton(self.resume_button)
        self.setEscapeButton(self.finish_button)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.buttonClicked.connect(self._answered)

    def _answered(self, button: object) -> None:
        if button is self.resume_button:
            self.resume_chosen.emit()
        else:
            self.finish_chosen.emit()
