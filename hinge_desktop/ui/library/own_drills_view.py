"""Library → Your drills: the drills of one's own that imports brought, with how much each was
trained and the name it had in the other app; renamed in place (F2, a double click or Rename),
or merged into a Hinge drill (the Merge button, or the list's context menu), which Edit → Undo
takes back.

A rename goes through the shared :class:`DrillNames`, so the log, the progress charts and the
routines say the new name at once. A name another drill has already is refused, with the merge
into that drill offered instead.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.storage.errors import DatabaseFailed
from hinge_desktop.storage.own_drill_stats import OwnDrillStatsReader
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.library.merge_command import MergeOwnDrill
from hinge_desktop.ui.library.merge_drill_dialog import MergeDrillDialog
from hinge_desktop.ui.library.own_drill_model import (
    ID_ROLE,
    SORT_ROLE,
    OwnDrillColumn,
    OwnDrillModel,
    own_drill_list,
)
from hinge_desktop.ui.log_changes import LogChanges
from hinge_desktop.ui.plurals import plural
from hinge_desktop.ui.widgets.colours import ERROR_STYLE
from hinge_desktop.ui.widgets.empty_state import EmptyState

__all__ = ["OwnDrillColumn", "OwnDrillsView"]


class OwnDrillsView(QWidget):
    """The drills of one's own, or a sentence saying where they come from."""

    message = Signal(str)
    """A line for the status bar."""

    def __init__(
        self,
        names: DrillNames,
        stats: OwnDrillStatsReader,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        log_changes: LogChanges | None = None,
    ) -> None:
        """``undo_stack`` and ``log_changes``: the app's, which a merge goes on and tells;
        without them, the window's (found by their names) when there is one."""
        super().__init__(parent)
        self.setObjectName("ownDrillsView")
        self.setAccessibleName(self.tr("Your drills"))
        self._names = names
        self._stats = stats
        self._stale = True
        self._undo_stack = undo_stack
        self._log_changes = log_changes
        self._offer: tuple[str, str] | None = None
        """(drill, drill whose name it was given) while a merge into it is offered."""

        self.model = OwnDrillModel(names, self)
        self.model.refused.connect(self._refused)
        self.model.taken.connect(self._offer_merge)
        self.model.renamed.connect(self._renamed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.list = own_drill_list(self.proxy)
        self.list.setAccessibleName(self.tr("Your drills"))
        self.list.doubleClicked.connect(lambda _index: self.rename_selected())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._current_changed())

        self.rename_action = self._action(
            self.tr("Rename…"), "renameOwnDrillAction", QKeySequence(Qt.Key.Key_F2)
        )
        self.rename_action.triggered.connect(self.rename_selected)
        self.rename_button = self._button(
            self.tr("Rename"),
            "renameOwnDrillButton",
            self.tr("Rename the drill"),
            self.tr("Rename the selected drill (F2)"),
        )
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_action = self._action(
            self.tr("Merge into a Hinge drill…"), "mergeOwnDrillAction"
        )
        self.merge_action.triggered.connect(self.merge_selected)
        self.merge_button = self._button(
            self.tr("Merge into a Hinge drill…"),
            "mergeOwnDrillButton",
            self.tr("Merge the drill into a Hinge drill"),
            self.tr(
                "Make every set of the selected drill a set of a Hinge drill, and remove it "
                "from your drills; Edit → Undo puts it back"
            ),
        )
        self.merge_button.clicked.connect(self.merge_selected)
        # Right click, or the Menu key, on the list offers both.
        self.list.addActions([self.rename_action, self.merge_action])
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        title = QLabel(self.tr("Your drills"))
        title.setObjectName("ownDrillsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Exercises from other apps that Hinge has no drill for. Their sets are in your "
                "log under these names; give them the names you like, or merge one that is a "
                "Hinge drill into it."
            )
        )
        intro.setObjectName("ownDrillsIntro")
        intro.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("ownDrillMessage")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()
        self.merge_offer = QPushButton()
        self.merge_offer.setObjectName("mergeSuggestionButton")
        self.merge_offer.setMinimumHeight(34)
        self.merge_offer.clicked.connect(self._take_offer)
        self.merge_offer.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.rename_button)
        top.addWidget(self.merge_button)
        offer = QHBoxLayout()
        offer.addWidget(self.notice, 1)
        offer.addWidget(self.merge_offer, 0, Qt.AlignmentFlag.AlignTop)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addLayout(offer)

        self.empty = EmptyState(
            "drills",
            self.tr("No drills of your own yet"),
            self.tr(
                "Drills of your own appear here after an import from another app (File → "
                "Import): exercises Hinge has no drill for, such as a bench press, keep their "
                "sets under their own names, and you can rename them here."
            ),
        )
        self.empty.setObjectName("ownDrillsEmpty")
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(content)
        self._content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)

        names.changed.connect(self.mark_stale)
        self._update_button()

    def _action(self, text: str, name: str, keys: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _button(self, text: str, name: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        button.setMinimumHeight(34)
        return button

    # Public ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the drills and their sets again."""
        self._stale = False
        selected = self.selected_drill_id()
        self.model.set_drills(self._stats.all())
        empty = self.model.rowCount() == 0
        self._pages.setCurrentWidget(self.empty if empty else self._content)
        kept = selected is not None and self.select_drill(selected)
        if not kept and not empty and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        if self._offer is not None and self.model.row_of(self._offer[0]) is None:
            self._clear_notice()
        self._update_button()

    def mark_stale(self) -> None:
        """The log or the names changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def selected_drill_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_drill(self, drill_id: str) -> bool:
        row = self.model.row_of(drill_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        return True

    def rename_selected(self) -> None:
        """Edit the selected drill's name in place."""
        index = self.list.currentIndex()
        if not index.isValid():
            return
        name = index.siblingAtColumn(OwnDrillColumn.NAME)
        self.list.setCurrentIndex(name)
        self.list.setFocus()
        self.list.edit(name)

    def merge_selected(self) -> MergeDrillDialog | None:
        """Ask which Hinge drill the selected drill is (without blocking), then merge it."""
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        drill = self.model.drill_at(self.proxy.mapToSource(index).row())
        hinge = [
            (drill_id, name, self._names.catalogue_keywords(drill_id))
            for drill_id, name in self._names.catalogue_pairs()
        ]
        dialog = MergeDrillDialog(drill.name, drill.sets, hinge, self)
        dialog.chosen.connect(lambda into: self.merge(drill.id, into))
        dialog.open()
        return dialog

    def merge(self, drill_id: str, into: str) -> bool:
        """Merge the drill ``drill_id`` into ``into`` as a change Edit → Undo takes back;
        tells in the status bar what moved. False when the merge failed (and says why)."""
        name, into_name = self._names.name(drill_id), self._names.name(into)
        command = MergeOwnDrill(self._names, drill_id, into, self._log_changed, self._failed)
        self._stack().push(command)
        if command.merged is None:
            return False
        self._clear_notice()
        count = len(command.merged.set_ids)
        sets = plural(self.tr("%n set(s)", None, count), count)
        self.message.emit(
            self.tr(
                "Merged “{name}” into “{into}”: its {sets} are sets of “{into}” now. "
                "Edit → Undo takes the merge back."
            ).format(
                name=name, into=into_name, sets=sets.replace(str(count), QLocale().toString(count))
            )
        )
        return True

    # Inside ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _current_changed(self) -> None:
        self._update_button()
        # A refusal and its offer speak of the drill they were about: another row, and they go.
        if self._offer is not None and self._offer[0] != self.selected_drill_id():
            self._clear_notice()

    def _update_button(self) -> None:
        has = self.list.currentIndex().isValid()
        for button in (self.rename_button, self.merge_button):
            button.setEnabled(has)
        for action in (self.rename_action, self.merge_action):
            action.setEnabled(has)

    def _refused(self, text: str) -> None:
        self._offer = None
        self.merge_offer.hide()
        self.notice.setText(text)
        self.notice.show()

    def _offer_merge(self, drill_id: str, into: str) -> None:
        self._offer = (drill_id, into)
        text = self.tr("Merge into “{name}”").format(name=self._names.name(into))
        self.merge_offer.setText(text)
        self.merge_offer.setAccessibleName(text)
        self.merge_offer.show()

    def _take_offer(self) -> None:
        if self._offer is not None:
            self.merge(*self._offer)

    def _clear_notice(self) -> None:
        self._offer = None
        self.notice.hide()
        self.merge_offer.hide()

    def _renamed(self, old: str, new: str) -> None:
        self._clear_notice()
        self.message.emit(
            self.tr("“{old}” is now “{new}” everywhere in Hinge.").format(old=old, new=new)
        )

    def _stack(self) -> QUndoStack:
        if self._undo_stack is None:
            found = self.window().findChild(QUndoStack, "logUndoStack")
            self._undo_stack = found if found is not None else QUndoStack(self)
        return self._undo_stack

    def _log_changed(self) -> None:
        if self._log_changes is None:
            self._log_changes = self.window().findChild(LogChanges)
        if self._log_changes is not None:
            self._log_changes.announce()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseFailed):
            text = self.tr("The merge could not be saved: {error}").format(error=error)
        else:
            text = self.tr("That drill is no longer in your log.")
        self._refused(text)
        self.mark_stale()
