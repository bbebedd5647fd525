"""The drill browser: find a drill by any word, read how to do it, see it move, start it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.domain.drills import Drill, Equipment, Focus, Phase
from hinge_desktop.ui.drill_text import NO_EQUIPMENT, equipment_name, focus_name, phase_name
from hinge_desktop.ui.library.drill_delegate import DrillDelegate
from hinge_desktop.ui.library.drill_detail import DrillDetail
from hinge_desktop.ui.library.drill_list_keys import ListKeys
from hinge_desktop.ui.library.drill_model import DrillFilterProxy, DrillListModel, DrillRole
from hinge_desktop.ui.widgets.dialogs import warn


class DrillsView(QWidget):
    """Search and filters on the left, the chosen drill on the right."""

    start_requested = Signal(str)
    drill_shown = Signal(str)
    add_to_routine_requested = Signal(str, str)
    quick_log_requested = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        catalogue: Catalogue,
        favourites: frozenset[str],
        save_favourite: Callable[[str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillBrowser")
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

        self.detail = DrillDetail(catalogue)
        self.detail.start_requested.connect(self.start_requested)
        self.detail.favourite_toggled.connect(self._favourite_toggled)
        self.detail.neighbour_requested.connect(self.select_drill)
        self.detail.message.connect(self.message)
        self.detail.add_to_routine_requested.connect(self.add_to_routine_requested)
        self.detail.quick_log_requested.connect(self.quick_log_requested)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("drillsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        # The list narrow enough that, in the default window, the dose stands beside the figure.
        splitter.setSizes([350, 700])
        left.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        keys = ListKeys(self)
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

    def set_favourites(
        self, favourites: frozenset[str], save_favourite: Callable[[str, bool], None]
    ) -> None:
        """The person's favourites and how to save one: the drill list can be shown before
        the training log that keeps them is open."""
        self._save_favourite = save_favourite
        self.model.set_favourites(favourites)
        self.proxy.favourites_changed()
        shown = self.detail.drill()
        if shown is not None:
            self.detail.show_drill(shown, shown.id in favourites)

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

    def start_current(self) -> None:
        """Return in the search box: start the drill chosen, which after typing is the first
        row shown (the best match); nothing when no drill matches."""
        if not self.list.currentIndex().isValid():
            self._select_row(0)
        drill = self.detail.drill()
        if drill is not None and self.list.currentIndex().isValid():
            self.start_requested.emit(drill.id)

    def set_routine_names(self, routines: list[tuple[str, str]]) -> None:
        """The person's routines, as (id, name), for the detail pane's "Add to routine"."""
        self.detail.set_routine_names(routines)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _favourite_toggled(self, drill_id: str, favourite: bool) -> None:
        try:
            self._save_favourite(drill_id, favourite)
        except Exception as error:
            self.detail.show_drill(self.detail.drill(), not favourite)
            warn(
                self,
                self.tr("Favourite not saved"),
                self.tr("Hinge could not save this favourite: {error}").format(error=error),
                "favouriteErrorBox",
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
