"""Settings → Backups: the list, a backup made now, and a restore (which the app carries out
and then rebuilds its views on). Copies run one after another on a thread of their own (a
:class:`TaskRunner` that ends its thread when it has nothing left to do): the window never
freezes.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.storage.backup_rotation import daily_backup
from hinge_desktop.storage.backups import (
    KEEP_DAILY,
    KEEP_EACH_OTHER,
    KEEP_WEEKLY,
    Backup,
    back_up,
    list_backups,
)
from hinge_desktop.storage.database import Connection, open_connection, open_reader
from hinge_desktop.storage.errors import StorageError
from hinge_desktop.storage.restore import restore_backup
from hinge_desktop.ui.tasks import TaskRunner
from hinge_desktop.ui.widgets.colours import ERROR_STYLE

if TYPE_CHECKING:
    pass

VISIBLE_ROWS = 4


class BackupsPanel(QGroupBox):
    restore_requested = Signal(object)
    """The person confirmed restoring this :class:`Backup`."""
    backed_up = Signal(object)
    """A backup made with "Back up now" is in the folder (the :class:`Backup`)."""
    message = Signal(str)
    """Something to tell the person in passing (today's backup failed); it is also shown in
    the panel until a backup is made."""

    def __init__(self, database: Path, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.setObjectName("backupsPanel")
        self.setAccessibleName(self.tr("Backups"))
        self._database = database
        self._folder = folder
        self._busy = False
        # Backups and restores open the connection each needs; the thread runs while they do.
        self._tasks: TaskRunner[None] = TaskRunner(
            "backupTasks", keep_thread=False, finish_all=True, parent=self
        )
        self._shown: list[Backup] = []
        self._row_height = self.fontMetrics().height() + 8

        note = QLabel(
            self.tr(
                "Hinge backs up your training log once a day when it starts, and before it "
                "updates, imports into or restores it. It keeps the last {daily} daily backups, "
                "one a week for {weekly} weeks, and the last {other} of every other kind."
            ).format(daily=KEEP_DAILY, weekly=KEEP_WEEKLY, other=KEEP_EACH_OTHER)
        )
        note.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups of the training log"))
        self.list.setHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size")])
        self.list.setRootIsDecorated(False)
        self.list.header().setStretchLastSection(False)
        for column, mode in enumerate(("ResizeToContents", "Stretch", "ResizeToContents")):
            self.list.header().setSectionResizeMode(column, QHeaderView.ResizeMode[mode])
        self.empty = QLabel(
            self.tr("No backups yet: the first is made at a start with sets in your log.")
        )
        self.empty.setObjectName("noBackupsLabel")
        self.failed_notice = QLabel()
        self.failed_notice.setObjectName("backupFailedNotice")
        self.failed_notice.setAccessibleName(self.tr("Today's backup failed"))
        self.failed_notice.setWordWrap(True)
        self.failed_notice.setStyleSheet(ERROR_STYLE)
        self.failed_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.failed_notice.hide()
        self.status = QLabel()
        self.status.setObjectName("backupStatusLabel")
        self.status.setWordWrap(True)
        self.status.hide()

        self.back_up_button = _button(
            self.tr("Back up now"), "backUpNowButton", self.tr("Back up the training log now")
        )
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = _button(
            self.tr("Restore…"), "restoreBackupButton", self.tr("Restore the chosen backup")
        )
        self.restore_button.clicked.connect(self.ask_to_restore)
        self.folder_button = _button(
            self.tr("Show folder"), "showBackupsFolderButton", self.tr("Show the backups folder")
        )
        self.folder_button.clicked.connect(self._show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.failed_notice)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # Public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the backups in the folder as they are now, keeping the selection if it is
        still there."""
        chosen = self.selected()
        self._shown = list_backups(self._folder)
        self.list.clear()
        locale = QLocale()
        for backup in self._shown:
            item = QTreeWidgetItem(
                [made_text(locale, backup.made_at), self.reason_text(backup), size_text(backup)]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            width = self.fontMetrics().horizontalAdvance(item.text(0)) + 24
            item.setSizeHint(0, QSize(width, self._row_height))
            self.list.addTopLevelItem(item)
            if chosen is not None and backup.path == chosen.path:
                item.setSelected(True)
        rows = min(max(len(self._shown), 1), VISIBLE_ROWS)
        frame = 2 * self.list.frameWidth()
        header_height = self.list.header().sizeHint().height()
        self.list.setFixedHeight(header_height + rows * self._row_height + frame)
        self.list.setVisible(bool(self._shown))
        # "The first is made at a start" is not so when today's failed: the notice says why.
        self.empty.setVisible(not self._shown and self.failed_notice.isHidden())
        self._update_buttons()

    def selected(self) -> Backup | None:
        items = self.list.selectedItems()
        if not items:
            return None
        return self._shown[self.list.indexOfTopLevelItem(items[0])]

    def back_up_now(self) -> None:
        """Make a backup off the GUI thread; the list shows it when it is done."""
        if self._busy:
            return
        self._set_busy(True, self.tr("Backing up…"))
        folder = self._folder
        job = self._reading(lambda conn: back_up(conn, folder, "manual"))
        self._tasks.submit(lambda _: job(), self._on_backed_up, self._on_failed, context=self)

    def make_daily_backup(self, *, wait: bool = False) -> None:
        """Today's backup, unless there is one (see :func:`daily_backup`): on a thread of its
        own, or here and now if ``wait``; then the list shows it. A failure is told through
        :attr:`message`."""
        folder = self._folder
        job = self._reading(lambda conn: daily_backup(conn, folder, datetime.now().astimezone()))
        if wait:
            try:
                job()
            except StorageError as exc:
                self._daily_failed(exc)
            else:
                self._daily_done(None)
            return
        self._tasks.submit(lambda _: job(), self._daily_done, self._daily_failed, context=self)

    def restore(self, backup: Backup, then: Callable[[Exception | None], None]) -> None:
        """Restore ``backup`` into the training log on a thread of its own (with a connection
        of its own: the app's stay valid), then call ``then`` with None or the error."""
        self._set_busy(True, self.tr("Restoring…"))
        database, folder = self._database, self._folder

        def job() -> Backup:
            conn = open_connection(database)
            try:
                return restore_backup(backup, conn, folder)
            finally:
                conn.close()

        self._tasks.submit(lambda _: job(), lambda _before: then(None), then, context=self)

    def ask_to_restore(self) -> QMessageBox | None:
        """Ask before restoring the chosen backup; a yes emits :attr:`restore_requested`."""
        backup = self.selected()
        if backup is None or self._busy:
            return None
        when = made_text(QLocale(), backup.made_at)
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Restore a backup"),
            self.tr("Restore the backup made {when}?").format(when=when),
            "restoreConfirmBox",
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        box.setInformativeText(
            self.tr(
                "Your training log will be as it was then. The log as it is now is backed up "
                "first, so you can return to it by restoring that backup."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("confirmRestoreButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: object) -> None:
            if button is restore:
                self.restore_requested.emit(backup)

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def reason_text(self, backup: Backup) -> str:
        return {
            "daily": self.tr("Daily"),
            "manual": self.tr("Made by you"),
            "before-migration": self.tr("Before a Hinge update"),
            "before-import": self.tr("Before an import"),
            "before-restore": self.tr("Before a restore"),
            "before-loss": self.tr("Before many sets went"),
        }.get(backup.reason, backup.reason)

    # Inside ------------------------------------------------------------------------------

    def _reading(self, work: Callable[[Connection], Any]) -> Callable[[], Any]:
        """``work`` done with a read-only connection of its own (for the tasks' thread)."""
        database = self._database

        def job() -> Any:
            reader = open_reader(database)
            try:
                return work(reader.conn)
            finally:
                reader.close()

        return job

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.back_up_button.setEnabled(not self._busy)
        self.restore_button.setEnabled(not self._busy and self.selected() is not None)

    def _on_backed_up(self, backup: Backup) -> None:
        self.failed_notice.hide()
        self._set_busy(False, self.tr("Backed up: {name}").format(name=backup.path.name))
        self.refresh()
        self.list.setCurrentItem(self.list.topLevelItem(self._shown.index(backup)))
        self.backed_up.emit(backup)

    def _on_failed(self, error: Exception) -> None:
        # A StorageError's text says what failed and why; anything else is a bug, told as is.
        self._set_busy(False, str(error))
        self.refresh()

    def _daily_done(self, _made: Backup | None) -> None:
        self.failed_notice.hide()
        self.refresh()

    def _daily_failed(self, error: Exception) -> None:
        # A StorageError's text names the folder and why (read-only, disk full).
        print(f"hinge-desktop: {error}", file=sys.stderr)
        self.message.emit(self.tr("Today's backup was not made: {reason}").format(reason=error))
        self.failed_notice.setText(
            self.tr(
                "Today's backup was not made. {reason} Your training log itself is unchanged; "
                "Back up now tries again."
            ).format(reason=error)
        )
        self.failed_notice.show()
        self.refresh()

    def _show_folder(self) -> None:
        # If it cannot be made, the file manager says what is wrong with it.
        with contextlib.suppress(OSError):
            self._folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


def _button(text: str, name: str, accessible_name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible_name)
    return button


def made_text(locale: QLocale, made_at: datetime) -> str:
    """When a backup was made, in the person's local time and format."""
    moment = QDateTime.fromSecsSinceEpoch(int(made_at.timestamp())).toLocalTime()
    return QCoreApplication.translate("BackupsPanel", "{date}, {time}").format(
        date=locale.toString(moment.date(), QLocale.FormatType.LongFormat),
        time=locale.toString(moment.time(), QLocale.FormatType.ShortFormat),
    )


def size_text(backup: Backup) -> str:
    return QLocale().formattedDataSize(
        backup.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def message_box(
    parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str
) -> QMessageBox:
    """A message box that deletes itself when closed; show it with ``open()``."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def restore_failed_box(parent: QWidget, message: str) -> QMessageBox:
    title = QCoreApplication.translate("Recovery", "The backup was not restored")
    return message_box(parent, QMessageBox.Icon.Critical, title, message, "restoreFailedBox")
