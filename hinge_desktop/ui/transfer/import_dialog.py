"""File → Import's preview: what a file would add to the log, before anything is stored.

The file is read and planned on the import worker's thread, once the dialog is on screen, while
a progress bar runs; then the dialog shows the app it came from, its dates, the workouts and
sets it adds and those already in the log, and which drill each exercise becomes. A file
without a unit for its weights gets a kg/lb choice (``import_unit.py``): the unit the numbers
tell, with why, or none, and then Import waits for the person's choice; a choice plans the file
again. A file that is not UTF-8 says how it was read. A file with bad lines lists every one,
and nothing can be imported until it is fixed. Import stores it on the worker's thread, backup
first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.importing.prepare import PreparedImport
from hinge_desktop.storage.importing.writer import ImportOutcome
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.transfer.import_exercises import ExerciseTable
from hinge_desktop.ui.transfer.import_text import (
    adds_text,
    counted,
    dates_text,
    encoding_text,
    format_name,
    not_stored_text,
    problems_text,
    routines_text,
    skipped_text,
)
from hinge_desktop.ui.transfer.import_unit import UnitChoice
from hinge_desktop.ui.transfer.import_worker import (
    ImportDone,
    ImportPreview,
    ImportRunner,
    StoredImport,
)
from hinge_desktop.ui.transfer.once_painted import OncePainted
from hinge_desktop.ui.widgets.colours import ERROR_STYLE


class ImportDialog(QDialog):
    """Reads ``path`` once it is on screen, shows the preview, and imports on request."""

    imported = Signal(object)
    """An :class:`ImportDone`, once the sets are stored (the dialog then closes)."""
    prepared_shown = Signal()
    """A preview (first, or after a change of unit) is on screen."""

    def __init__(
        self,
        path: Path,
        runner: ImportRunner,
        names: DrillNames,
        unit: Unit | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``unit``: the one for weights the file gives none; None, the numbers tell it or
        the person chooses."""
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.setAccessibleName(self.tr("Import preview"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._path = path
        self._runner = runner
        self._names = names
        self._prepared: PreparedImport | None = None
        self._storing = False

        self.reading_label = QLabel(self.tr("Reading {file}…").format(file=path.name))
        self.read_progress = _progress_bar("importReadProgress", self.tr("Reading the file"))
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.addStretch(1)
        column.addWidget(self.reading_label)
        column.addWidget(self.read_progress)
        column.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(reading)
        self.pages.addWidget(self._preview_page())

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.setMinimumWidth(150)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("importCancelButton")
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 600)
        # Read once the dialog is on screen: its first paint does not wait on the worker.
        self._reading = OncePainted(
            self,
            lambda: runner.prepare(
                path,
                names.catalogue_pairs(),
                unit,
                self._show_prepared,
                self._show_failure,
                self._reading_progress,
                context=self,
            ),
        )

    def _preview_page(self) -> QWidget:
        self.sign = QLabel()
        self.sign.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        self.sign.hide()
        self.heading = _label("importHeading", self._path.name)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.sign)
        top.addWidget(self.heading, 1)
        self.failure = _label("importError")
        self.failure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.failure.hide()

        self.format_label = _label("importFormat")
        self.dates_label = _label("importDates")
        self.adds_label = _label("importAdds")
        self.skipped_label = _label("importSkipped")
        self.encoding_label = _label("importEncoding")
        self._unit_row = UnitChoice()
        self.unit_box = self._unit_row.box
        self._unit_row.chosen.connect(self._unit_chosen)
        self.summary_box = QWidget()
        self.summary = QFormLayout(self.summary_box)
        self.summary.setContentsMargins(0, 0, 0, 0)
        self.summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.summary.addRow(self.tr("From:"), self.format_label)
        self.summary.addRow(self.tr("Dates:"), self.dates_label)
        self.summary.addRow(self.tr("Will be added:"), self.adds_label)
        self.summary.addRow(self.tr("Already in your log:"), self.skipped_label)
        self.summary.addRow(self.tr("Weights in:"), self._unit_row)
        # Why that unit, on a row of its own: a form gives a wrapped line its height only there.
        self.summary.addRow("", self._unit_row.reason)
        self.summary.addRow(self.tr("Read as:"), self.encoding_label)

        self.exercises = ExerciseTable()
        self.verdict = _label("importVerdict")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Lines that cannot be imported"))
        self.problems.setReadOnly(True)
        self.note = _label(
            "importNote",
            self.tr(
                "Your log is backed up before anything is added, and Edit → Undo takes the "
                "whole import back."
            ),
        )
        self.store_label = _label("importStoring")
        self.progress = _progress_bar("importProgress", self.tr("Importing"))

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        # Shown alone, the reason takes the room the table had, from the top.
        self.failure.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.failure, 1)
        for widget in (self.summary_box, self.verdict):
            layout.addWidget(widget)
        layout.addWidget(self.exercises, 1)
        layout.addWidget(self.problems, 1)
        for widget in (self.note, self.store_label, self.progress):
            layout.addWidget(widget)
        for widget in (self.verdict, self.problems, self.store_label, self.progress):
            widget.hide()
        return page

    # Answers from the worker -----------------------------------------------------------------

    def _reading_progress(self, done: int, total: int) -> None:
        self.read_progress.setRange(0, max(total, 1))
        self.read_progress.setValue(done)

    def _show_failure(self, error: Exception) -> None:
        """The file cannot be read at all: say why, and offer only Close."""
        self.pages.setCurrentIndex(1)
        self.sign.show()
        self.heading.setText(self.tr("This file cannot be imported"))
        self.failure.setText(str(error))
        self.failure.show()
        for widget in (self.summary_box, self.verdict, self.exercises, self.problems, self.note):
            widget.hide()
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        # A sentence or two: the dialog shrinks to it rather than keep the preview's room.
        self.resize(self.width(), self.minimumSizeHint().height() + 60)

    def _show_prepared(self, preview: ImportPreview) -> None:
        prepared = preview.prepared
        self._prepared = prepared
        plan = prepared.plan
        problems = plan.problems
        self.pages.setCurrentIndex(1)
        self.unit_box.setEnabled(True)
        self.format_label.setText(format_name(plan.format))
        self.dates_label.setText(dates_text(preview.first, preview.last))
        self._show_row(self._unit_row, plan.weights_without_unit and not problems)
        self._show_row(self._unit_row.reason, plan.weights_without_unit and not problems)
        self._unit_row.show_prepared(prepared)
        self.encoding_label.setText(encoding_text(prepared.parsed))
        self._show_row(self.encoding_label, bool(self.encoding_label.text()))
        self.exercises.fill(prepared, self._names.name)
        self.problems.setVisible(bool(problems))
        self.exercises.setVisible(not problems)
        self.note.setVisible(not problems)
        new = 0 if problems else prepared.new_sets
        if problems:
            self.problems.setPlainText("\n".join(str(problem) for problem in problems))
            self.adds_label.setText(self.tr("nothing"))
            self.skipped_label.setText("—")
            self._say(problems_text(prepared), error=True)
        else:
            self.adds_label.setText(adds_text(prepared, len(preview.new_routines)))
            self.adds_label.setToolTip(routines_text(preview.new_routines))
            self.skipped_label.setText(skipped_text(prepared))
            if new == 0:
                text = self.tr("Every set in this file is in your log already: nothing to import.")
                self._say(text)
            elif prepared.needs_unit:
                self._say(self.tr("Import waits until you choose kg or lb for the weights."))
            else:
                self.verdict.hide()
        self.import_button.setEnabled(new > 0 and not prepared.needs_unit)
        self.import_button.setText(
            self.tr("Import {sets}").format(sets=counted(new, "set")) if new else self.tr("Import")
        )
        if prepared.needs_unit and not problems:
            self.unit_box.setFocus()
        elif new > 0:
            self.import_button.setFocus()
        self.prepared_shown.emit()

    def _show_row(self, field: QWidget, shown: bool) -> None:
        field.setVisible(shown)
        label = self.summary.labelForField(field)
        if label is not None:
            label.setVisible(shown)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(ERROR_STYLE if error else "")
        self.verdict.show()

    # Choices ---------------------------------------------------------------------------------

    def chosen_unit(self) -> Unit | None:
        """The unit shown for weights the file gives none; None while none is chosen."""
        return self._unit_row.unit()

    def prepared(self) -> PreparedImport | None:
        return self._prepared

    def _unit_chosen(self, unit: Unit) -> None:
        prepared = self._prepared
        if prepared is None or (prepared.plan.unit is unit and not prepared.needs_unit):
            return
        self.unit_box.setEnabled(False)
        self.import_button.setEnabled(False)
        self._runner.replan(
            prepared,
            self._names.catalogue_pairs(),
            unit,
            self._show_prepared,
            self._show_failure,
            context=self,
        )

    def start_import(self) -> None:
        """Store the import on the worker's thread, backup first, with a progress bar."""
        prepared = self._prepared
        if prepared is None or prepared.plan.problems or prepared.needs_unit or self._storing:
            return
        self._storing = True
        for widget in (self.import_button, self.cancel_button, self.unit_box):
            widget.setEnabled(False)
        self.setFocus()  # not on a row of the table: nothing there can be done meanwhile
        self.verdict.hide()
        self.store_label.setStyleSheet("")
        self.store_label.setText(
            self.tr("Backing up your log, then importing {sets}…").format(
                sets=counted(prepared.new_sets, "set")
            )
        )
        self.store_label.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        record = StoredImport()

        def stored(outcome: ImportOutcome) -> None:
            self._storing = False
            self.progress.setValue(self.progress.maximum())
            self.imported.emit(ImportDone(prepared, outcome, record))
            self.accept()

        self._runner.store(
            prepared, stored, self._store_failed, self._store_progress, self, record=record
        )

    def _store_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _store_failed(self, error: Exception) -> None:
        self._storing = False
        self.progress.hide()
        self.store_label.setText(not_stored_text(error))
        self.store_label.setStyleSheet(ERROR_STYLE)
        for widget in (self.import_button, self.cancel_button, self.unit_box):
            widget.setEnabled(True)

    # Closing ---------------------------------------------------------------------------------

    def is_storing(self) -> bool:
        return self._storing

    def reject(self) -> None:
        # An import under way is stored whole or not at all, in seconds: it is not cut off
        # (Escape and Cancel come here too).
        if not self._storing:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._storing:
            event.ignore()
            return
        super().closeEvent(event)


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _progress_bar(name: str, accessible: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setRange(0, 0)  # busy until the first report
    return bar
