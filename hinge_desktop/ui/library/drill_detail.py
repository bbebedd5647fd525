"""The drill detail pane: figure, dose, cues, where to feel it and what to do if it hurts, steps,
faults, the notes it shares with other drills, what Hinge adds, and the neighbours of one drill."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill
from hinge_desktop.ui.drill_text import detail_html, facts_line, prescription_html
from hinge_desktop.ui.library.drill_guidance import care_html, notes_html
from hinge_desktop.ui.library.drill_neighbours import neighbours_html
from hinge_desktop.ui.widgets.dialogs import ask_yes_no, save_dialog, warn
from hinge_desktop.ui.widgets.figure_widget import FigureWidget
from hinge_desktop.ui.widgets.flow_layout import flow_row
from hinge_desktop.ui.widgets.icons import icon
from hinge_desktop.ui.widgets.side_by_side import SideBySideLayout
from hinge_desktop.ui.widgets.start_folder import StartFolder

FIGURE_AND_DOSE_WIDTH = 480
"""The narrowest pane, in pixels, with the dose beside the figure rather than below it."""


class DrillDetail(QWidget):
    """Everything about one drill: figure, dose, cues, steps, faults, neighbours."""

    start_requested = Signal(str)
    favourite_toggled = Signal(str, bool)
    neighbour_requested = Signal(str)
    add_to_routine_requested = Signal(str, str)
    quick_log_requested = Signal(str)
    """Log a set of this drill (its id) without running the player."""
    """(drill id, routine id); the routine id is empty for "a new routine"."""
    message = Signal(str)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDetail")
        self._catalogue = catalogue
        self._names = {drill.id: drill.name for drill in catalogue}
        self._drill: Drill | None = None
        self._figure_folder = StartFolder()

        self.title = QLabel()
        self.title.setObjectName("drillTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setObjectName("drillFacts")
        self.facts.setWordWrap(True)
        self.neighbours = QLabel()
        self.neighbours.setObjectName("drillNeighbours")
        self.neighbours.setAccessibleName(self.tr("Drills before and after this one"))
        self.neighbours.setWordWrap(True)
        self.neighbours.setTextFormat(Qt.TextFormat.RichText)
        self.neighbours.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.neighbours.linkActivated.connect(self._link)

        self.favourite_button = QToolButton()
        self.favourite_button.setObjectName("favouriteButton")
        self.favourite_button.setCheckable(True)
        self.favourite_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.favourite_button.toggled.connect(self._favourite_toggled)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportFigureButton")
        self.export_button.setText(self.tr("Export figure…"))
        self.export_button.setAccessibleName(self.tr("Export the figure as SVG"))
        self.export_button.setToolTip(self.tr("Save the drill's key poses as an SVG picture"))
        self.export_button.clicked.connect(self.export_figure)
        self.start_button = QPushButton(icon("workout"), self.tr("Start this drill"))
        self.start_button.setObjectName("startDrillButton")
        self.start_button.setAccessibleName(self.tr("Start this drill"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(36)
        self.start_button.setMinimumWidth(170)
        self.start_button.clicked.connect(self._start)
        self.quick_log_button = QToolButton()
        self.quick_log_button.setObjectName("quickLogButton")
        self.quick_log_button.setText(self.tr("Log a set…"))
        self.quick_log_button.setAccessibleName(self.tr("Log a set of this drill"))
        self.quick_log_button.setToolTip(
            self.tr("Log a set done without the player, as it was done (Ctrl+L)")
        )
        self.quick_log_button.clicked.connect(self._quick_log)
        # An action rather than the button's own shortcut, so Help → Keyboard shortcuts names it.
        quick_log = QAction(self.tr("Log a set of the drill shown"), self)
        quick_log.setObjectName("quickLogAction")
        quick_log.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        quick_log.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        quick_log.triggered.connect(self._quick_log)
        self.addAction(quick_log)
        self.add_to_routine_button = QToolButton()
        self.add_to_routine_button.setObjectName("addToRoutineButton")
        self.add_to_routine_button.setText(self.tr("Add to routine"))
        self.add_to_routine_button.setAccessibleName(self.tr("Add to routine"))
        self.add_to_routine_button.setToolTip(
            self.tr("Add this drill, at its usual dose, to one of your routines")
        )
        self.add_to_routine_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.routine_menu = QMenu(self.add_to_routine_button)
        self.routine_menu.setObjectName("addToRoutineMenu")
        self.add_to_routine_button.setMenu(self.routine_menu)
        self.set_routine_names([])

        # The buttons wrap onto a second line in a narrow pane instead of being cut.
        actions = flow_row(
            self.start_button,
            self.quick_log_button,
            self.add_to_routine_button,
            self.favourite_button,
            self.export_button,
        )
        for button in (
            self.quick_log_button,
            self.add_to_routine_button,
            self.favourite_button,
            self.export_button,
        ):
            button.setMinimumHeight(self.start_button.minimumHeight())
        header = QVBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.facts)
        header.addWidget(self.neighbours)
        header.addSpacing(4)
        header.addLayout(actions)

        self.figure = FigureWidget()
        self.figure.setMinimumHeight(260)
        self.prescription = QLabel()
        self.prescription.setObjectName("drillPrescription")
        self.prescription.setWordWrap(True)
        self.prescription.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The dose beside the figure where there is room for both, below it where there is not.
        top = SideBySideLayout(FIGURE_AND_DOSE_WIDTH)
        top.add_part(self.figure, 3)
        top.add_part(self.prescription, 2)

        # Where to feel it and what to do if it hurts come straight after the figure and dose,
        # framed so that the purpose below reads as the start of the steps; the shared notes
        # and what Hinge adds close the page.
        self.care = self._rich_label("drillCare", self.tr("Where to feel it, and if it hurts"))
        self.care_box = QFrame()
        self.care_box.setObjectName("drillCareBox")
        self.care_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self.care_box)
        box.setContentsMargins(12, 0, 12, 6)
        box.addWidget(self.care)
        self.body = self._rich_label("drillBody", "")
        self.notes = self._rich_label("drillNotes", self.tr("Notes, and what Hinge adds"))

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.addLayout(header)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.care_box)
        layout.addWidget(self.body)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.show_drill(None)

    def _rich_label(self, name: str, accessible: str) -> QLabel:
        """A wrapping rich-text part of the page whose ``drill:ID`` links open that drill."""
        label = QLabel()
        label.setObjectName(name)
        if accessible:
            label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self._link)
        return label

    def drill(self) -> Drill | None:
        return self._drill

    def show_drill(self, drill: Drill | None, favourite: bool = False) -> None:
        self._drill = drill
        for widget in (
            self.favourite_button,
            self.export_button,
            self.start_button,
            self.add_to_routine_button,
        ):
            widget.setEnabled(drill is not None)
        self.figure.set_drill(drill)
        if drill is None:
            self.title.setText(self.tr("No drill chosen"))
            self.facts.setText(self.tr("Pick a drill from the list to see how it is done."))
            self.neighbours.clear()
            self.neighbours.hide()
            self.prescription.clear()
            self.body.clear()
            self.care.clear()
            self.notes.clear()
            self.care_box.hide()
            self.notes.hide()
            return
        self.title.setText(drill.name)
        self.facts.setText(facts_line(drill))
        self._show_texts(drill)
        self._show_favourite(favourite)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _show_texts(self, drill: Drill) -> None:
        """The rich texts, whose link colour is taken from the palette when they are set."""
        neighbours = neighbours_html(drill, self._catalogue)
        self.neighbours.setText(neighbours)
        self.neighbours.setVisible(bool(neighbours))
        self.prescription.setText(prescription_html(drill))
        # The neighbours are said in words above, not as "Easier"/"Harder" in the body.
        self.body.setText(detail_html(replace(drill, easier=(), harder=()), self._names))
        care = care_html(drill, self._catalogue)
        self.care.setText(care)
        self.care_box.setVisible(bool(care))
        notes = notes_html(drill, self._catalogue)
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))

    def changeEvent(self, event: QEvent) -> None:
        # Light to dark or back: set the texts again, so their links take the new colour.
        if event.type() == QEvent.Type.PaletteChange and self._drill is not None:
            for label in (self.neighbours, self.prescription, self.care, self.body, self.notes):
                label.clear()  # the same text set again would be ignored
            self._show_texts(self._drill)
        super().changeEvent(event)

    def _show_favourite(self, favourite: bool) -> None:
        blocked = self.favourite_button.blockSignals(True)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.blockSignals(blocked)
        self.favourite_button.setText(
            self.tr("★ Favourite") if favourite else self.tr("☆ Add to favourites")
        )
        self.favourite_button.setAccessibleName(
            self.tr("Remove from favourites") if favourite else self.tr("Add to favourites")
        )

    def _favourite_toggled(self, checked: bool) -> None:
        if self._drill is not None:
            self._show_favourite(checked)
            self.favourite_toggled.emit(self._drill.id, checked)

    def _start(self) -> None:
        if self._drill is not None:
            self.start_requested.emit(self._drill.id)

    def _quick_log(self) -> None:
        if self._drill is not None:
            self.quick_log_requested.emit(self._drill.id)

    def set_routine_names(self, routines: list[tuple[str, str]]) -> None:
        """The person's routines, as (id, name), offered by "Add to routine"."""
        self.routine_menu.clear()
        for routine_id, name in routines:
            action = self.routine_menu.addAction(name.replace("&", "&&"))
            action.setObjectName(f"addToRoutine:{routine_id}")
            action.setData(routine_id)
            action.triggered.connect(lambda _checked=False, rid=routine_id: self._add_to(rid))
        if routines:
            self.routine_menu.addSeparator()
        new = self.routine_menu.addAction(self.tr("New routine…"))
        new.setObjectName("addToNewRoutine")
        new.setData("")
        new.triggered.connect(lambda _checked=False: self._add_to(""))

    def _add_to(self, routine_id: str) -> None:
        if self._drill is not None:
            self.add_to_routine_requested.emit(self._drill.id, routine_id)

    def _link(self, url: str) -> None:
        if url.startswith("drill:"):
            self.neighbour_requested.emit(url.removeprefix("drill:"))

    def export_figure(self) -> QFileDialog | None:
        """Ask where to save the key poses as an SVG (without blocking), then save them there,
        always in the light palette: it is for paper."""
        drill = self._drill
        if drill is None:
            return None
        dialog = save_dialog(
            self,
            self.tr("Export the figure"),
            "exportFigureDialog",
            self.tr("SVG pictures (*.svg)"),
            self._figure_folder.suggest(f"{drill.id}.svg"),
        )
        dialog.fileSelected.connect(self._figure_folder.remember)
        dialog.fileSelected.connect(lambda name: self._figure_file_chosen(drill, Path(name)))
        dialog.open()
        return dialog

    def _figure_file_chosen(self, drill: Drill, path: Path) -> None:
        if path.suffix.lower() != ".svg":
            # The dialog asked about overwriting the name typed, not the one with .svg added.
            path = path.with_name(path.name + ".svg")
            if path.exists():
                ask_yes_no(
                    self,
                    self.tr("Replace the file?"),
                    self.tr("{path} already exists. Replace it?").format(path=path),
                    "replaceFigureQuestion",
                    lambda: self._write_figure(drill, path),
                )
                return
        self._write_figure(drill, path)

    def _write_figure(self, drill: Drill, path: Path) -> None:
        from hinge_desktop.ui.library.figure_export import write_svg
        from hinge_desktop.ui.shell import theme

        try:
            write_svg(drill, path, theme.palette_for(theme.LIGHT))
        except OSError as error:
            warn(
                self,
                self.tr("Export failed"),
                self.tr("Could not write {path}: {error}").format(path=path, error=error),
                "figureExportErrorBox",
            )
            return
        self.message.emit(self.tr("Figure saved to {path}").format(path=path))
