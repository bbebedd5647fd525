"""The filmed sets: a list of clips, the chosen one replayed beside its drill's figure, and the
person's say over each (keep it, delete it) and over how much room clips may take."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Drill
from hinge_desktop.storage.clip_store import MEGABYTE, Clip, ClipError, ClipStore
from hinge_desktop.ui.camera.clip_keys import DELETE
from hinge_desktop.ui.camera.clip_replay import ClipReplay
from hinge_desktop.ui.preferences import CLIP_CAP_MB, Preferences
from hinge_desktop.ui.widgets.dialogs import confirm_delete, warn

DrillOf = Callable[[str], Drill | None]


def tr(text: str) -> str:
    return QCoreApplication.translate("Clips", text)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class ClipsDialog(QDialog):
    def __init__(
        self,
        store: ClipStore,
        drill_of: DrillOf,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clipsDialog")
        self.setWindowTitle(tr("Clips"))
        self._store = store
        self._drill_of = drill_of
        self._preferences = preferences
        self.clip_list = QListWidget()
        self.clip_list.setObjectName("clipList")
        self.clip_list.setAccessibleName(tr("Filmed sets"))
        self.clip_list.currentItemChanged.connect(lambda *_: self._chosen())
        self.replay = ClipReplay()
        self.replay.failed.connect(self._replay_failed)
        # In the replay and the list; a focused button still takes its own Space.
        # The replay's keys in the list too (the replay has them itself): one owner a key, or
        # Qt finds two and does neither.
        self.replay.keys_in(self.clip_list)
        self.keep = QPushButton(tr("Keep"))
        self.keep.setObjectName("clipKeep")
        self.keep.setCheckable(True)
        self.keep.setToolTip(tr("A kept clip is never removed to make room"))
        self.keep.clicked.connect(self._keep)
        self.delete = QPushButton(tr("Delete…"))
        self.delete.setObjectName("clipDelete")
        self.delete.setToolTip(tr("Delete the clip (Delete)"))
        self.delete.clicked.connect(self.ask_delete)
        delete = QShortcut(DELETE, self.clip_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.ask_delete)
        self.cap = QComboBox()
        self.cap.setObjectName("clipCap")
        self.cap.setAccessibleName(CLIP_CAP_MB.display_label())
        for megabytes in CLIP_CAP_MB.choices:
            self.cap.addItem(size_text(megabytes * MEGABYTE), megabytes)
        self.cap.setCurrentIndex(max(0, self.cap.findData(preferences.get(CLIP_CAP_MB))))
        self.cap.currentIndexChanged.connect(self._cap_chosen)
        self.usage = QLabel()
        self.usage.setObjectName("clipUsage")
        self.usage.setWordWrap(True)
        self.empty = QLabel(
            tr("No clips yet. Turn the camera on in the player and press Record during a set.")
        )
        self.empty.setObjectName("clipsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.replay, 1)
        right_layout.addWidget(self.empty, 1)
        split = QSplitter()
        split.addWidget(self.clip_list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        room = QHBoxLayout()
        room.addWidget(self.keep)
        room.addWidget(self.delete)
        room.addStretch(1)
        cap_label = QLabel(CLIP_CAP_MB.display_label())
        cap_label.setBuddy(self.cap)
        room.addWidget(cap_label)
        room.addWidget(self.cap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(room)
        layout.addWidget(self.usage)
        layout.addWidget(buttons)
        room = self.screen().availableGeometry()
        self.resize(min(900, room.width() - 40), min(560, room.height() - 80))
        self.refresh()

    # The list -----------------------------------------------------------------------------------

    def _title(self, clip: Clip) -> str:
        drill = self._drill_of(clip.drill_id)
        name = drill.name if drill is not None else clip.drill_id
        when = QLocale().toString(clip.recorded, "ddd d MMM yyyy, HH:mm")
        star = "★ " if clip.kept else ""
        return f"{star}{name}\n{when} · {size_text(clip.size)}"

    def refresh(self, select: Path | None = None) -> None:
        if select is None and (current := self.current_clip()) is not None:
            select = current.path
        self.clip_list.blockSignals(True)
        self.clip_list.clear()
        chosen = 0
        clips = self._store.clips()
        for row, clip in enumerate(clips):
            item = QListWidgetItem(self._title(clip))
            item.setData(Qt.ItemDataRole.UserRole, clip)
            self.clip_list.addItem(item)
            if select is not None and clip.path.name == select.name:
                chosen = row
        self.clip_list.blockSignals(False)
        if clips:
            self.clip_list.setCurrentRow(chosen)
        self._chosen()
        total = sum(c.size for c in clips)
        self.usage.setText(
            tr(
                "Clips take {used} of {cap}. Past it, the oldest clips not kept are removed "
                "when a new one is saved. Clips stay on this computer, in:\n{folder}"
            ).format(
                used=size_text(total),
                cap=size_text(self._store.cap_bytes),
                folder=self._store.folder,
            )
        )

    def current_clip(self) -> Clip | None:
        item = self.clip_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _chosen(self) -> None:
        clip = self.current_clip()
        self.replay.setVisible(clip is not None)
        self.empty.setVisible(clip is None)
        self.keep.setEnabled(clip is not None)
        self.delete.setEnabled(clip is not None)
        self.keep.setChecked(bool(clip and clip.kept))
        if clip is None:
            self.replay.load(None, None)
            return
        self.replay.load(clip.path, self._drill_of(clip.drill_id))

    # The person's say ---------------------------------------------------------------------------

    def _keep(self, kept: bool) -> None:
        clip = self.current_clip()
        if clip is None:
            return
        self.replay.load(None, None)  # the file is moved: let go of it first
        try:
            clip = self._store.set_kept(clip, kept)
        except ClipError as error:
            warn(self, tr("Clip not moved"), str(error), "clipErrorBox")
        self.refresh(clip.path)

    def ask_delete(self) -> None:
        clip = self.current_clip()
        if clip is None:
            return
        confirm_delete(
            self,
            "confirmDeleteClip",
            tr("Delete clip"),
            tr("Delete this clip of {drill}? It cannot be brought back.").format(
                drill=self._title(clip).split("\n")[0].lstrip("★ ")
            ),
            lambda: self.delete_clip(clip),
        )

    def delete_clip(self, clip: Clip) -> None:
        row = self.clip_list.currentRow()
        self.replay.load(None, None)
        try:
            self._store.delete(clip)
        except ClipError as error:
            warn(self, tr("Clip not deleted"), str(error), "clipErrorBox")
        clips = self._store.clips()
        after = clips[min(row, len(clips) - 1)].path if clips else None
        self.refresh(after)

    def _cap_chosen(self) -> None:
        megabytes = self.cap.currentData()
        self._preferences.set(CLIP_CAP_MB, int(megabytes))
        self._store.cap_bytes = int(megabytes) * MEGABYTE
        self.refresh()

    def _replay_failed(self, message: str) -> None:
        self.usage.setText(tr("This clip cannot be played: {why}").format(why=message))

    def done(self, result: int) -> None:
        self.replay.stop()
        super().done(result)
