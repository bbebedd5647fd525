"""Choosing the Hinge drill a drill of one's own is merged into: every Hinge drill by name, found
by typing any part of its name or of another word it goes by ("RDL"), chosen with the arrow keys
and Enter or a double click.

Shown with ``open()``; it writes nothing itself: ``chosen`` carries the drill's id to the caller,
which pushes the merge on the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.ui.plurals import plural

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FIND_ROLE = Qt.ItemDataRole.UserRole + 2
_MOVES = {Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}


class MergeDrillDialog(QDialog):
    """Pick the Hinge drill to merge ``name`` into; ``drills`` are Hinge's (id, name, other
    words it is found by)."""

    chosen = Signal(str)
    """The id of the drill chosen, when the person merges."""

    def __init__(
        self,
        name: str,
        sets: int,
        drills: Sequence[tuple[str, str, Sequence[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDrillDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = self.tr("Merge into a Hinge drill")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        heading = QLabel(self.tr("Merge “{name}” into a Hinge drill").format(name=name))
        heading.setObjectName("mergeDrillHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Its {sets} become sets of the drill you choose, in the log and the charts, and "
                "“{name}” leaves your drills. Edit → Undo puts it all back."
            ).format(sets=self._sets_text(sets), name=name)
        )
        intro.setObjectName("mergeDrillIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.search = QLineEdit()
        self.search.setObjectName("mergeDrillSearch")
        self.search.setAccessibleName(self.tr("Find a Hinge drill"))
        self.search.setPlaceholderText(self.tr("Type part of a drill's name"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)

        self.model = QStandardItemModel(self)
        for drill_id, drill_name, words in sorted(drills, key=lambda drill: drill[1].casefold()):
            item = QStandardItem(drill_name)
            item.setData(drill_id, ID_ROLE)
            item.setData(" | ".join((drill_name, *words)), FIND_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(FIND_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setObjectName("mergeDrillList")
        self.list.setAccessibleName(self.tr("Hinge drills"))
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda _index: self.accept())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("mergeDrillConfirm")
        self.merge_button.setAccessibleName(self.tr("Merge into the chosen drill"))
        self.merge_button.setDefault(True)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("mergeDrillCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.resize(480, 480)

        self.search.textChanged.connect(self._filter)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_button())
        self._filter("")
        self.search.setFocus()

    def selected_drill_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_drill(self, drill_id: str) -> bool:
        """Make ``drill_id`` the choice, if the filter shows it."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == drill_id:
                self.list.setCurrentIndex(index)
                return True
        return False

    def accept(self) -> None:
        drill_id = self.selected_drill_id()
        if drill_id is None:
            return
        super().accept()
        self.chosen.emit(drill_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrow keys in the search box move through the list, so typing and choosing
        need no mouse."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and Qt.Key(event.key()) in _MOVES
        ):
            QListView.keyPressEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        """Show the drills ``text`` is part of, the first chosen; with nothing typed, none is
        chosen, so Enter cannot merge into a drill the person did not pick."""
        text = " ".join(text.split())
        self.proxy.setFilterFixedString(text)
        if text and self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        elif not text:
            self.list.setCurrentIndex(QModelIndex())
        self._update_button()

    def _update_button(self) -> None:
        self.merge_button.setEnabled(self.list.currentIndex().isValid())

    def _sets_text(self, sets: int) -> str:
        text = plural(self.tr("%n set(s)", None, sets), sets)
        return text.replace(str(sets), QLocale().toString(sets))
