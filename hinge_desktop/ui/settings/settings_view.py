"""Settings: appearance, the coach's voice, and where the person's data lives."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.ui.preferences import COLOUR_SCHEME, KEEP_SCREEN_AWAKE, Preferences
from hinge_desktop.ui.settings.choice_combo import choice_combo
from hinge_desktop.ui.settings.companion_group import CompanionGroup
from hinge_desktop.ui.settings.voice_group import VoiceGroup

if TYPE_CHECKING:
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.storage.store import Store
    from hinge_desktop.ui.settings.backups_panel import BackupsPanel

GROUP_WIDTH = 720


class SettingsView(QWidget):
    """The settings in groups, one under the other; the page scrolls when the window is short,
    so no group is squeezed."""

    def __init__(
        self,
        preferences: Preferences,
        store: Store,
        data_folder: Path,
        speaker: Speaker,
        backups: BackupsPanel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsView")
        self.setAccessibleName(self.tr("Settings"))
        self._preferences = preferences
        self._store = store
        self._data_folder = data_folder

        heading = QLabel(self.tr("Settings"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)

        page = QWidget()
        page.setObjectName("settingsPage")
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addWidget(self._appearance_group())
        self.voice = VoiceGroup(preferences, speaker)
        self.voice.setMaximumWidth(GROUP_WIDTH)
        layout.addWidget(self.voice)
        layout.addWidget(self._workout_group())
        self.companion = CompanionGroup(preferences)
        self.companion.setMaximumWidth(GROUP_WIDTH)
        layout.addWidget(self.companion)
        self.backups = backups
        layout.addWidget(self._data_group())
        if backups is not None:
            backups.setMaximumWidth(GROUP_WIDTH)
            layout.addWidget(backups)
        layout.addStretch(1)
        preferences.changed.connect(self._on_preference_changed)

    def _appearance_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Appearance"))
        group.setMaximumWidth(GROUP_WIDTH)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        self.colour_scheme = choice_combo(COLOUR_SCHEME, names, "colourSchemeCombo")
        self._show_colour_scheme()
        self.colour_scheme.currentIndexChanged.connect(self._on_colour_scheme_chosen)
        form.addRow(COLOUR_SCHEME.display_label() + ":", self.colour_scheme)
        return group

    def _workout_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("During a workout"))
        group.setMaximumWidth(GROUP_WIDTH)
        box = QVBoxLayout(group)
        self.keep_awake = QCheckBox(KEEP_SCREEN_AWAKE.display_label())
        self.keep_awake.setObjectName("keepScreenAwakeCheck")
        self.keep_awake.setAccessibleName(KEEP_SCREEN_AWAKE.display_label())
        self.keep_awake.setChecked(self._preferences.get(KEEP_SCREEN_AWAKE))
        self.keep_awake.toggled.connect(lambda on: self._preferences.set(KEEP_SCREEN_AWAKE, on))
        box.addWidget(self.keep_awake)
        explained = QLabel(
            self.tr(
                "While a workout runs, Hinge asks the desktop not to dim, blank or lock the "
                "screen, so you can follow it from across the room. Paused or finished, the "
                "screen goes back to the desktop's own settings."
            )
        )
        explained.setObjectName("keepScreenAwakeNote")
        explained.setWordWrap(True)
        box.addWidget(explained)
        return group

    def _data_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Your data"))
        group.setMaximumWidth(GROUP_WIDTH)
        form = QFormLayout(group)
        folder = QLabel(str(self._data_folder))
        folder.setObjectName("dataFolderLabel")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = QPushButton(self.tr("Open folder"))
        open_button.setObjectName("openDataFolderButton")
        open_button.setAccessibleName(self.tr("Open the data folder"))
        open_button.clicked.connect(self._open_data_folder)
        row = QHBoxLayout()
        row.addWidget(folder, 1)
        row.addWidget(open_button)
        form.addRow(self.tr("Data folder:"), row)

        database = QLabel(
            self.tr("{file} (data format {format})").format(
                file=self._store.path.name, format=self._store.data_format
            )
        )
        database.setObjectName("databaseLabel")
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Database:"), database)

        self.set_count = QLabel()
        self.set_count.setObjectName("setCountLabel")
        form.addRow(self.tr("Sets logged:"), self.set_count)
        self.workout_count = QLabel()
        self.workout_count.setObjectName("workoutCountLabel")
        form.addRow(self.tr("Workouts:"), self.workout_count)
        self.refresh()
        return group

    def refresh(self) -> None:
        """Show the current totals from the database, and the backups in their folder."""
        self.set_count.setText(f"{self._store.sets.count():,}")
        self.workout_count.setText(f"{self._store.workouts.count():,}")
        if self.backups is not None:
            self.backups.refresh()

    def log_changed(self) -> None:
        """The log changed (an import backs it up first): the totals and the backups are read
        again now if shown, else when next shown."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _show_colour_scheme(self) -> None:
        index = self.colour_scheme.findData(self._preferences.get(COLOUR_SCHEME))
        self.colour_scheme.setCurrentIndex(max(index, 0))

    def _on_colour_scheme_chosen(self, index: int) -> None:
        self._preferences.set(COLOUR_SCHEME, self.colour_scheme.itemData(index))

    def _on_preference_changed(self, key: str) -> None:
        if key == COLOUR_SCHEME.key:
            self.colour_scheme.blockSignals(True)
            self._show_colour_scheme()
            self.colour_scheme.blockSignals(False)
        elif key == KEEP_SCREEN_AWAKE.key:
            self.keep_awake.blockSignals(True)
            self.keep_awake.setChecked(self._preferences.get(KEEP_SCREEN_AWAKE))
            self.keep_awake.blockSignals(False)

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_folder)))
