"""File → Import's preview: what a file would add to the log, before anything is stored.

The file is read and planned on the import worker's thread while a progress bar runs; then the
dialog shows the app it came from, its dates, the workouts and sets it adds and those already in
the log, and which drill each exercise becomes. A file without a unit for its weights gets a
kg/lb choice that plans it again. A file with bad lines lists every one, and nothing can be
imported until it is fixed. Import stores it on the worker's thread, backup first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.imports.model import ImportFormat
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.import_writer import ImportOutcome
from hinge_desktop.storage.importing import PreparedImport
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.import_worker import ImportRunner, StoredImport
from hinge_desktop.ui.own_drills_view import RoomyRows

ERROR_COLOUR = "color: #c0392b;"


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def counted(count: int, noun: str) -> str:
    """ "1 set", "1,234 sets" (in the locale's digits): ``noun`` is "set", "workout", "line" or
    "own drill"."""
    texts = {
        "set": QCoreApplication.translate("ImportDialog", "%Ln set(s)", None, count),
        "workout": QCoreApplication.translate("ImportDialog", "%Ln workout(s)", None, count),
        "own drill": QCoreApplication.translate(
            "ImportDialog", "%Ln new drill(s) of your own", None, count
        ),
        "line": QCoreApplication.translate("ImportDialog", "%Ln line(s)", None, count),
    }
    text = texts[noun]
    if "(s)" in text:
        # No translation loaded: Qt leaves the plural marker as it is.
        text = text.replace("(s)", "" if count == 1 else "s")
    return text


def format_name(kind: ImportFormat) -> str:
    return {
        ImportFormat.STRONG: _t("Strong (CSV export)"),
        ImportFormat.HEVY: _t("Hevy (CSV export)"),
        ImportFormat.FITNOTES: _t("FitNotes (CSV export)"),
        ImportFormat.HINGE_CSV: _t("Hinge (CSV export)"),
        ImportFormat.HINGE_JSON: _t("Hinge (JSON export of the whole log)"),
    }[kind]


def day_text(moment: datetime) -> str:
    day = moment.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def dates_text(first: datetime | None, last: datetime | None) -> str:
    if first is None or last is None:
        return "—"
    if first.date() == last.date():
        return day_text(first)
    return _t("{first} to {last}").format(first=day_text(first), last=day_text(last))


@dataclass(frozen=True)
class ImportDone:
    """An import stored: what was asked, what it did, and how to take it back."""

    prepared: PreparedImport
    outcome: ImportOutcome
    record: StoredImport


class ImportDialog(QDialog):
    """Reads ``path`` as soon as it is built, shows the preview, and imports on request."""

    imported = Signal(object)
    """An :class:`ImportDone`, once the sets are stored (the dialog then closes)."""
    prepared_shown = Signal()
    """A preview (first, or after a change of unit) is on screen."""

    def __init__(
        self,
        path: Path,
        runner: ImportRunner,
        names: DrillNames,
        unit: Unit,
        parent: QWidget | None = None,
    ) -> None:
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

        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._failed_page())
        self._preview = self._preview_page(unit)
        self.pages.addWidget(self._preview)

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

        runner.prepare(
            path,
            names.catalogue_pairs(),
            unit,
            self._show_prepared,
            self._show_failure,
            self._reading_progress,
            context=self,
        )

    # Pages -----------------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.reading_label = QLabel(self.tr("Reading {file}…").format(file=self._path.name))
        self.reading_label.setObjectName("importReading")
        self.read_progress = QProgressBar()
        self.read_progress.setObjectName("importReadProgress")
        self.read_progress.setAccessibleName(self.tr("Reading the file"))
        self.read_progress.setRange(0, 0)  # busy until the first report
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.read_progress)
        layout.addStretch(2)
        return page

    def _failed_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        sign = QLabel()
        sign.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
        )
        title = QLabel(self.tr("This file cannot be imported"))
        title.setFont(_bigger(title.font(), 1.3))
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(sign)
        top.addWidget(title, 1)
        self.failure = QLabel()
        self.failure.setObjectName("importError")
        self.failure.setWordWrap(True)
        self.failure.setTextFormat(Qt.TextFormat.PlainText)
        self.failure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addLayout(top)
        layout.addWidget(self.failure)
        layout.addStretch(1)
        return page

    def _preview_page(self, unit: Unit) -> QWidget:
        page = QWidget()
        self.heading = QLabel(self._path.name)
        self.heading.setObjectName("importHeading")
        self.heading.setFont(_bigger(self.heading.font(), 1.4))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        self.format_label = _value("importFormat")
        self.dates_label = _value("importDates")
        self.adds_label = _value("importAdds")
        self.skipped_label = _value("importSkipped")
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("importUnit")
        self.unit_box.setAccessibleName(self.tr("Unit of the file's weights"))
        self.unit_box.addItem(self.tr("kilograms (kg)"), Unit.KG.value)
        self.unit_box.addItem(self.tr("pounds (lb)"), Unit.LB.value)
        self.unit_box.setCurrentIndex(self.unit_box.findData(unit.value))
        self.unit_box.currentIndexChanged.connect(self._unit_chosen)
        self.unit_hint = QLabel(self.tr("The file does not say; choose the unit you lifted in."))
        self.unit_hint.setObjectName("importUnitHint")
        self.unit_hint.setWordWrap(True)
        unit_row = QWidget()
        unit_layout = QHBoxLayout(unit_row)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        unit_layout.addWidget(self.unit_box)
        unit_layout.addWidget(self.unit_hint, 1)
        self.summary = QFormLayout()
        self.summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.summary.addRow(self.tr("From:"), self.format_label)
        self.summary.addRow(self.tr("Dates:"), self.dates_label)
        self.summary.addRow(self.tr("Will be added:"), self.adds_label)
        self.summary.addRow(self.tr("Already in your log:"), self.skipped_label)
        self.summary.addRow(self.tr("Weights in:"), unit_row)
        self._unit_row = unit_row

        self.exercises = QTreeWidget()
        self.exercises.setObjectName("importExercises")
        self.exercises.setAccessibleName(self.tr("Exercises of the file and their drills"))
        self.exercises.setColumnCount(3)
        self.exercises.setHeaderLabels(
            [self.tr("Exercise in the file"), self.tr("Becomes in Hinge"), self.tr("Sets")]
        )
        self.exercises.setRootIsDecorated(False)
        self.exercises.setUniformRowHeights(True)
        self.exercises.setAlternatingRowColors(True)
        self.exercises.setItemDelegate(RoomyRows(self.exercises))
        header = self.exercises.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.verdict = QLabel()
        self.verdict.setObjectName("importVerdict")
        self.verdict.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Lines that cannot be imported"))
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.note = QLabel(
            self.tr(
                "Your log is backed up before anything is added, and Edit → Undo takes the "
                "whole import back."
            )
        )
        self.note.setObjectName("importNote")
        self.note.setWordWrap(True)
        self.store_label = QLabel()
        self.store_label.setObjectName("importStoring")
        self.store_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Importing"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.summary)
        layout.addWidget(self.verdict)
        layout.addWidget(self.exercises, 1)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.store_label)
        layout.addWidget(self.progress)
        for widget in (self.verdict, self.problems, self.store_label, self.progress):
            widget.hide()
        return page

    # Answers from the worker -----------------------------------------------------------------

    def _reading_progress(self, done: int, total: int) -> None:
        self.read_progress.setRange(0, max(total, 1))
        self.read_progress.setValue(done)

    def _show_failure(self, error: Exception) -> None:
        self.failure.setText(str(error))
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        # A sentence or two: the dialog shrinks to it rather than keep the preview's room.
        self._preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.resize(self.width(), self.minimumSizeHint().height() + 40)

    def _show_prepared(self, prepared: PreparedImport) -> None:
        self._prepared = prepared
        plan = prepared.plan
        self.pages.setCurrentIndex(2)
        self.unit_box.setEnabled(True)
        self.format_label.setText(format_name(plan.format))
        self.dates_label.setText(dates_text(plan.first, plan.last))
        self._set_unit_row(plan.weights_without_unit and not plan.problems)
        self._fill_exercises(prepared)
        problems = plan.problems
        self.problems.setVisible(bool(problems))
        self.exercises.setVisible(not problems)
        self.note.setVisible(not problems)
        if problems:
            self.problems.setPlainText("\n".join(str(problem) for problem in problems))
            self.adds_label.setText(self.tr("nothing"))
            self.skipped_label.setText("—")
            self._say(
                self.tr(
                    "Nothing will be imported until the file is fixed: {lines} of {file} "
                    "cannot be read (listed below). Correct or delete them in the file, then "
                    "import it again."
                ).format(lines=counted(len(problems), "line"), file=self._path.name),
                error=True,
            )
            self.import_button.setEnabled(False)
        else:
            self._show_figures(prepared)
        self.prepared_shown.emit()

    def _show_figures(self, prepared: PreparedImport) -> None:
        plan = prepared.plan
        new = prepared.new_sets
        self.adds_label.setText(
            self.tr("{sets} in {workouts}").format(
                sets=counted(new, "set"), workouts=counted(plan.workout_count, "workout")
            )
            if plan.workout_count
            else counted(new, "set")
        )
        if plan.new_drills:
            self.adds_label.setText(
                self.adds_label.text() + ", " + counted(len(plan.new_drills), "own drill")
            )
        self.skipped_label.setText(
            self.tr("{sets}, not added again").format(sets=counted(prepared.already_there, "set"))
            if prepared.already_there
            else self.tr("none of these sets")
        )
        if new == 0:
            self._say(self.tr("Every set in this file is in your log already: nothing to import."))
        else:
            self.verdict.hide()
        self.import_button.setEnabled(new > 0)
        if new > 0:
            self.import_button.setFocus()
        self.import_button.setText(
            self.tr("Import {sets}").format(sets=counted(new, "set")) if new else self.tr("Import")
        )

    def _fill_exercises(self, prepared: PreparedImport) -> None:
        self.exercises.clear()
        new_drills = {drill.id: drill.name for drill in prepared.plan.new_drills}
        italic = QFont(self.exercises.font())
        italic.setItalic(True)
        for match in prepared.plan.matches:
            if match.new:
                becomes = self.tr("new drill of your own")
            else:
                becomes = new_drills.get(match.drill_id) or self._names.name(match.drill_id)
            item = QTreeWidgetItem([match.exercise, f"→ {becomes}", QLocale().toString(match.sets)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(1, Qt.ItemDataRole.UserRole, match.drill_id)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{match.exercise} → {becomes}")
            if match.new:
                item.setFont(1, italic)
            self.exercises.addTopLevelItem(item)

    def _set_unit_row(self, shown: bool) -> None:
        self._unit_row.setVisible(shown)
        label = self.summary.labelForField(self._unit_row)
        if label is not None:
            label.setVisible(shown)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(ERROR_COLOUR if error else "")
        self.verdict.show()

    # Choices ---------------------------------------------------------------------------------

    def chosen_unit(self) -> Unit:
        return Unit(str(self.unit_box.currentData()))

    def prepared(self) -> PreparedImport | None:
        return self._prepared

    def _unit_chosen(self, _index: int) -> None:
        prepared = self._prepared
        if prepared is None or prepared.plan.unit is self.chosen_unit():
            return
        self.unit_box.setEnabled(False)
        self.import_button.setEnabled(False)
        self._runner.replan(
            prepared,
            self._names.catalogue_pairs(),
            self.chosen_unit(),
            self._show_prepared,
            self._show_failure,
            context=self,
        )

    def start_import(self) -> None:
        """Store the import on the worker's thread, backup first, with a progress bar."""
        prepared = self._prepared
        if prepared is None or prepared.plan.problems or self._storing:
            return
        self._storing = True
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.unit_box.setEnabled(False)
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
        self.store_label.setText(
            self.tr("Nothing was imported: {error}").format(error=str(error).rstrip(".")) + "."
        )
        self.store_label.setStyleSheet(ERROR_COLOUR)
        self.import_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.unit_box.setEnabled(True)

    # Closing ---------------------------------------------------------------------------------

    def is_storing(self) -> bool:
        return self._storing

    def reject(self) -> None:
        # An import under way is stored whole or not at all, in seconds: it is not cut off.
        if not self._storing:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._storing:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._storing and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)


def _value(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _bigger(font: QFont, factor: float) -> QFont:
    bigger = QFont(font)
    bigger.setPointSizeF(bigger.pointSizeF() * factor)
    bigger.setBold(True)
    return bigger
