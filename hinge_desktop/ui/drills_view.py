"""The drill browser: find a drill by any word, read how to do it, see it move, start it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill, Equipment, Focus, Phase
from hinge_desktop.ui.drill_format import detail_html, facts_line, prescription_html
from hinge_desktop.ui.drill_model import (
    NO_EQUIPMENT,
    DrillFilterProxy,
    DrillListModel,
    DrillRole,
    equipment_name,
    focus_name,
    phase_name,
)
from hinge_desktop.ui.figure_widget import FigureWidget
from hinge_desktop.ui.icons import icon

ModelIndex = QModelIndex | QPersistentModelIndex


class DrillDelegate(QStyledItemDelegate):
    """Two lines per drill (name, then phase and kit), a star for favourites, and a phase
    heading above the first drill of each phase when the list is in phase order."""

    PADDING = 8

    def __init__(self, proxy: DrillFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    def _starts_phase(self, index: ModelIndex) -> bool:
        if self._proxy.sortRole() != DrillRole.PHASE_ORDER:
            return False
        if index.row() == 0:
            return True
        previous = index.siblingAtRow(index.row() - 1)
        return bool(previous.data(DrillRole.PHASE) != index.data(DrillRole.PHASE))

    def _header_height(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 14

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = option.fontMetrics
        height = metrics.height() * 2 + 3 * self.PADDING // 2 + 4
        if self._starts_phase(index):
            height += self._header_height(option)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = QRect(opt.rect)
        painter.save()
        palette = opt.palette
        if self._starts_phase(index):
            header = QRect(rect.left(), rect.top(), rect.width(), self._header_height(opt))
            font = QFont(opt.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
            phase = Phase(index.data(DrillRole.PHASE))
            text = (
                self.tr("Phase {number} · {name}")
                .format(number=int(phase), name=phase_name(phase))
                .upper()
            )
            painter.drawText(
                header.adjusted(self.PADDING, 0, 0, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                text,
            )
            rect.setTop(header.bottom() + 1)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.alternateBase())
        text_colour = palette.highlightedText() if selected else palette.text()
        inner = rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, -self.PADDING // 2)
        metrics = opt.fontMetrics
        star_width = metrics.horizontalAdvance("★") + 6
        name_font = QFont(opt.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_colour.color())
        name_rect = QRect(
            inner.left(), inner.top(), inner.width() - star_width, metrics.height() + 2
        )
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(name_font).elidedText(
                str(index.data()), Qt.TextElideMode.ElideRight, name_rect.width()
            ),
        )
        if index.data(DrillRole.FAVOURITE):
            painter.drawText(
                QRect(inner.right() - star_width, inner.top(), star_width, metrics.height() + 2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "★",
            )
        painter.setFont(opt.font)
        secondary = (
            text_colour.color() if selected else palette.color(palette.ColorRole.PlaceholderText)
        )
        painter.setPen(secondary)
        line = QRect(inner.left(), name_rect.bottom() + 2, inner.width(), metrics.height() + 2)
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(
                str(index.data(DrillRole.SUMMARY)), Qt.TextElideMode.ElideRight, line.width()
            ),
        )
        painter.restore()


class DrillDetail(QWidget):
    """Everything about one drill: figure, dose, cues, steps, faults, neighbours."""

    start_requested = Signal(str)
    favourite_toggled = Signal(str, bool)
    neighbour_requested = Signal(str)
    message = Signal(str)

    def __init__(self, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDetail")
        self._names = names
        self._drill: Drill | None = None

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

        actions = QHBoxLayout()
        actions.addWidget(self.start_button)
        actions.addWidget(self.favourite_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        header = QVBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.facts)
        header.addSpacing(4)
        header.addLayout(actions)

        self.figure = FigureWidget()
        self.figure.setMinimumHeight(260)
        self.prescription = QLabel()
        self.prescription.setObjectName("drillPrescription")
        self.prescription.setWordWrap(True)
        self.prescription.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.prescription.setMinimumWidth(240)
        self.prescription.setMaximumWidth(320)
        top = QHBoxLayout()
        top.addWidget(self.figure, 3)
        top.addWidget(self.prescription, 2)

        self.body = QLabel()
        self.body.setObjectName("drillBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.body.linkActivated.connect(self._link)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.addLayout(header)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.show_drill(None)

    def drill(self) -> Drill | None:
        return self._drill

    def show_drill(self, drill: Drill | None, favourite: bool = False) -> None:
        self._drill = drill
        for widget in (self.favourite_button, self.export_button, self.start_button):
            widget.setEnabled(drill is not None)
        self.figure.set_drill(drill)
        if drill is None:
            self.title.setText(self.tr("No drill chosen"))
            self.facts.setText(self.tr("Pick a drill from the list to see how it is done."))
            self.prescription.clear()
            self.body.clear()
            return
        self.title.setText(drill.name)
        self.facts.setText(facts_line(drill))
        self.prescription.setText(prescription_html(drill))
        self.body.setText(detail_html(drill, self._names))
        self._show_favourite(favourite)
        self.scroll_area.verticalScrollBar().setValue(0)

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

    def _link(self, url: str) -> None:
        if url.startswith("drill:"):
            self.neighbour_requested.emit(url.removeprefix("drill:"))

    def export_figure(self) -> None:
        """Save the key poses as an SVG, always in the light palette: it is for paper."""
        from pathlib import Path

        from PySide6.QtCore import QStandardPaths

        from hinge_desktop.ui import theme
        from hinge_desktop.ui.figure_export import write_svg

        if self._drill is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        ) or str(Path.home())
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the figure"),
            str(Path(folder) / f"{self._drill.id}.svg"),
            self.tr("SVG pictures (*.svg)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".svg":
            # The dialog asked about overwriting the name typed, not the one with .svg added.
            path = path.with_name(path.name + ".svg")
            if path.exists():
                answer = QMessageBox.question(
                    self,
                    self.tr("Replace the file?"),
                    self.tr("{path} already exists. Replace it?").format(path=path),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
        try:
            write_svg(self._drill, path, theme.palette_for(theme.LIGHT))
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("Could not write {path}: {error}").format(path=path, error=error),
            )
            return
        self.message.emit(self.tr("Figure saved to {path}").format(path=path))


class _ListKeys(QObject):
    """Type in the list to search; arrows in the search box move the list; Return opens."""

    def __init__(self, view: DrillsView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        view = self._view
        key = event.key()
        if watched is view.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                view.move_selection(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                view.open_current()
                return True
            if key == Qt.Key.Key_Escape and view.search.text():
                view.search.clear()
                return True
        elif watched is view.list:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                view.open_current()
                return True
            text = event.text()
            if (
                text
                and text.isprintable()
                and not text.isspace()
                and not (
                    event.modifiers()
                    & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                )
            ):
                view.search.setFocus()
                view.search.insert(text)
                return True
        return False


class DrillsView(QWidget):
    """Search and filters on the left, the chosen drill on the right."""

    start_requested = Signal(str)
    drill_shown = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        favourites: frozenset[str],
        save_favourite: Callable[[str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillsView")
        self.setAccessibleName(self.tr("Drill library"))
        self._catalogue = catalogue
        self._save_favourite = save_favourite
        self._holding_detail = False
        self._search_words: list[str] = []
        self.model = DrillListModel(catalogue, favourites, self)
        self.proxy = DrillFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("drillSearch")
        self.search.setAccessibleName(self.tr("Search drills"))
        self.search.setPlaceholderText(self.tr("Search: band, wall, kettlebell, single leg…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)

        self.phase_filter = self._combo("phaseFilter", self.tr("Phase"))
        self.phase_filter.addItem(self.tr("All phases"), None)
        for phase in Phase:
            self.phase_filter.addItem(f"{int(phase)} · {phase_name(phase)}", int(phase))
        self.equipment_filter = self._combo("equipmentFilter", self.tr("Equipment"))
        self.equipment_filter.addItem(self.tr("Any equipment"), None)
        self.equipment_filter.addItem(equipment_name(NO_EQUIPMENT), NO_EQUIPMENT)
        for item in Equipment:
            self.equipment_filter.addItem(equipment_name(item), item.value)
        self.focus_filter = self._combo("focusFilter", self.tr("Focus"))
        self.focus_filter.addItem(self.tr("Any focus"), None)
        for focus in Focus:
            self.focus_filter.addItem(focus_name(focus), focus.value)
        self.favourites_filter = QToolButton()
        self.favourites_filter.setObjectName("favouritesFilter")
        self.favourites_filter.setCheckable(True)
        self.favourites_filter.setText(self.tr("★ Favourites"))
        self.favourites_filter.setAccessibleName(self.tr("Show favourites only"))
        self.favourites_filter.setToolTip(self.tr("Show only the drills you starred"))
        self.order = self._combo("drillOrder", self.tr("Order"))
        self.order.addItem(self.tr("By phase"), DrillFilterProxy.BY_PHASE)
        self.order.addItem(self.tr("A to Z"), DrillFilterProxy.BY_NAME)

        self.phase_filter.currentIndexChanged.connect(self._filters_changed)
        self.equipment_filter.currentIndexChanged.connect(self._filters_changed)
        self.focus_filter.currentIndexChanged.connect(self._filters_changed)
        self.favourites_filter.toggled.connect(self._filters_changed)
        self.order.currentIndexChanged.connect(self._order_changed)

        self.list = QListView()
        self.list.setObjectName("drillList")
        self.list.setAccessibleName(self.tr("Drills"))
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(DrillDelegate(self.proxy, self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.doubleClicked.connect(lambda _index: self.open_current())

        self.count = QLabel()
        self.count.setObjectName("drillCount")
        self.empty = QLabel()
        self.empty.setObjectName("drillsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.empty.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.empty.linkActivated.connect(lambda _link: self.clear_filters())
        self.empty.hide()

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.phase_filter, 1)
        filters.addWidget(self.equipment_filter, 1)
        filters.addWidget(self.focus_filter, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.favourites_filter)
        lower.addStretch(1)
        lower.addWidget(self.count)
        lower.addWidget(self.order)
        left = QWidget()
        left.setObjectName("drillBrowser")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addLayout(lower)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty, 1)

        names = {drill.id: drill.name for drill in catalogue}
        self.detail = DrillDetail(names)
        self.detail.start_requested.connect(self.start_requested)
        self.detail.favourite_toggled.connect(self._favourite_toggled)
        self.detail.neighbour_requested.connect(self.select_drill)
        self.detail.message.connect(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("drillsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([410, 700])
        left.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        keys = _ListKeys(self)
        self.search.installEventFilter(keys)
        self.list.installEventFilter(keys)
        favourite = QAction(self.tr("Star or unstar the drill shown"), self)
        favourite.setShortcut(QKeySequence(self.tr("Ctrl+D")))
        favourite.triggered.connect(self.detail.favourite_button.click)
        favourite.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(favourite)
        self.setFocusProxy(self.search)
        self._update_count()
        self._select_row(0)

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.setToolTip(label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        return combo

    # Filters and search

    def _search_changed(self, text: str) -> None:
        words = text.split()
        if words == self._search_words:
            return
        self._search_words = words
        self.proxy.set_search(text)
        if words:
            # Each new word shows the best match, as a launcher does.
            self._update_count()
            self._select_row(0)
            self._show_current_or_nothing()
        else:
            self._after_filter()

    def _filters_changed(self) -> None:
        phase = self.phase_filter.currentData()
        self.proxy.set_phase(None if phase is None else Phase(phase))
        equipment = self.equipment_filter.currentData()
        if equipment is None or equipment == NO_EQUIPMENT:
            self.proxy.set_equipment(equipment)
        else:
            self.proxy.set_equipment(Equipment(equipment))
        focus = self.focus_filter.currentData()
        self.proxy.set_focus(None if focus is None else Focus(focus))
        self.proxy.set_favourites_only(self.favourites_filter.isChecked())
        self._after_filter()

    def _order_changed(self) -> None:
        self.proxy.set_order(self.order.currentData())
        self.list.scrollTo(self.list.currentIndex())

    def clear_filters(self) -> None:
        for combo in (self.phase_filter, self.equipment_filter, self.focus_filter):
            combo.setCurrentIndex(0)
        self.favourites_filter.setChecked(False)
        self.search.clear()
        self.search.setFocus()

    def _after_filter(self) -> None:
        """Keep the drill shown if it still matches; otherwise show the first match, if any."""
        self._update_count()
        shown = self.detail.drill()
        if shown is not None:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(shown.id)))
            if index.isValid():
                self._set_current(index)
                return
        self._select_row(0)
        self._show_current_or_nothing()

    def _show_current_or_nothing(self) -> None:
        if self.proxy.rowCount() == 0:
            self.detail.show_drill(None)

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        if shown != total:
            text = self.tr("{shown} of {total}").format(shown=shown, total=total)
        elif total == 1:
            text = self.tr("1 drill")
        else:
            text = self.tr("{count} drills").format(count=total)
        self.count.setText(text)
        self.list.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)
        if shown == 0:
            what = self.search.text().strip()
            message = (
                self.tr("No drill matches “{text}” with these filters.").format(text=escape(what))
                if what
                else self.tr("No drill matches these filters.")
            )
            link = escape(self.tr("Clear search and filters"))
            self.empty.setText(f"<p>{message}</p><p><a href='clear'>{link}</a></p>")

    # Selection

    def _select_row(self, row: int) -> None:
        if row < self.proxy.rowCount():
            self._set_current(self.proxy.index(row, 0))

    def _set_current(self, index: QModelIndex) -> None:
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)

    def move_selection(self, key: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.list.currentIndex()
        row = current.row() if current.isValid() else -1
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 8,
            Qt.Key.Key_PageUp: -8,
        }
        self._select_row(max(0, min(rows - 1, row + step[Qt.Key(key)])))
        self.list.scrollTo(self.list.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._holding_detail:
            return
        drill = self._catalogue.get(current.data(DrillRole.ID))
        self.detail.show_drill(drill, self.model.is_favourite(drill.id))
        self.drill_shown.emit(drill.id)

    def selected_drill(self) -> Drill | None:
        return self.detail.drill()

    def select_drill(self, drill_id: str) -> None:
        """Show a drill, clearing only the filters (then the search) that would hide it."""
        source = self.model.index(self.model.row_of(drill_id))
        if not self.proxy.mapFromSource(source).isValid():
            for combo in (self.phase_filter, self.equipment_filter, self.focus_filter):
                combo.setCurrentIndex(0)
            self.favourites_filter.setChecked(False)
        if not self.proxy.mapFromSource(source).isValid():
            self.search.clear()
        self._set_current(self.proxy.mapFromSource(source))

    def open_current(self) -> None:
        """Return on a drill: show it and put the keyboard on its Start button."""
        if not self.list.currentIndex().isValid():
            self._select_row(0)
        if self.detail.drill() is not None:
            self.detail.start_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _favourite_toggled(self, drill_id: str, favourite: bool) -> None:
        try:
            self._save_favourite(drill_id, favourite)
        except Exception as error:
            self.detail.show_drill(self.detail.drill(), not favourite)
            QMessageBox.warning(
                self,
                self.tr("Favourite not saved"),
                self.tr("Hinge could not save this favourite: {error}").format(error=error),
            )
            return
        # With "Favourites" on, an unstarred drill leaves the list; keep it in the detail pane
        # (so a second click stars it again) instead of jumping to the next favourite.
        self._holding_detail = True
        try:
            self.model.set_favourite(drill_id, favourite)
        finally:
            self._holding_detail = False
        self._update_count()
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(drill_id)))
        if index.isValid():
            self._set_current(index)
        else:
            self.list.selectionModel().clear()
