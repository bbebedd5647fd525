"""Settings for the coach's voice: which voice, how fast, how loud, how often; and a test."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.speech.speaker import Speaker
from hinge_desktop.ui.preferences import (
    CUE_DENSITY,
    VOICE,
    VOICE_MUTED,
    VOICE_RATE,
    VOICE_VOLUME,
    Preferences,
)
from hinge_desktop.ui.settings.choice_combo import choice_combo

TEST_DELAY = 0.05
"""The test phrase is handed over this much ahead, so it starts on time like a cue."""
TEST_WAIT = 5.0
"""How long the test phrase may still start once asked for: its words hold for a while, so
it waits for a new voice or rate to be rendered rather than being lost."""


class VoiceGroup(QGroupBox):
    def __init__(
        self,
        preferences: Preferences,
        speaker: Speaker,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Voice"), parent)
        self.setObjectName("voiceGroup")
        self._preferences = preferences
        self._speaker = speaker
        self._clock = clock
        # The status above the form, not in a row of it: a form row gives a wrapped text the
        # height of one line only, and the second line was cut off.
        column = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("voiceStatusLabel")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.status)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        column.addLayout(form)

        self.voice = QComboBox()
        self.voice.setObjectName("voiceCombo")
        self.voice.setAccessibleName(VOICE.display_label())
        self.voice.addItem(self.tr("The engine's default voice"), "")
        for info in sorted(speaker.voices(), key=lambda v: v.name.casefold()):
            self.voice.addItem(info.name, info.id)
        self.voice.setEnabled(self.voice.count() > 1)
        form.addRow(VOICE.display_label() + ":", self.voice)

        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setObjectName("voiceRateSlider")
        self.rate.setAccessibleName(VOICE_RATE.display_label())
        self.rate.setRange(VOICE_RATE.choices[0] // 10, VOICE_RATE.choices[-1] // 10)
        self.rate.setPageStep(2)
        self.rate.setMinimumWidth(240)
        self.rate_label = QLabel()
        form.addRow(VOICE_RATE.display_label() + ":", _row(self.rate, self.rate_label))

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("voiceVolumeSlider")
        self.volume.setAccessibleName(VOICE_VOLUME.display_label())
        self.volume.setRange(0, 100)
        self.volume.setPageStep(10)
        self.volume.setMinimumWidth(240)
        self.volume_label = QLabel()
        form.addRow(VOICE_VOLUME.display_label() + ":", _row(self.volume, self.volume_label))

        self.mute = QCheckBox(self.tr("Mute the voice (cues still show on screen)"))
        self.mute.setObjectName("muteCheck")
        self.mute.setAccessibleName(VOICE_MUTED.display_label())
        form.addRow("", self.mute)

        names = {
            "every_rep": self.tr("Every rep: counts and form cues"),
            "key_moments": self.tr("Key moments: start, halfway, last rep, rests"),
            "off": self.tr("Off: no spoken cues"),
        }
        self.density = choice_combo(CUE_DENSITY, names, "cueDensityCombo")
        form.addRow(CUE_DENSITY.display_label() + ":", self.density)

        self.test = QPushButton(self.tr("Test voice"))
        self.test.setObjectName("testVoiceButton")
        self.test.setAccessibleName(self.tr("Test the voice with a cue"))
        self.test.clicked.connect(self.say_test_phrase)
        form.addRow("", self.test)
        speaker.missed.cue_missed.connect(self._on_missed)

        self._show_values()
        self.voice.currentIndexChanged.connect(
            lambda i: preferences.set(VOICE, str(self.voice.itemData(i)))
        )
        self.rate.valueChanged.connect(lambda v: preferences.set(VOICE_RATE, v * 10))
        self.volume.valueChanged.connect(lambda v: preferences.set(VOICE_VOLUME, v))
        self.mute.toggled.connect(lambda on: preferences.set(VOICE_MUTED, on))
        self.density.currentIndexChanged.connect(
            lambda i: preferences.set(CUE_DENSITY, str(self.density.itemData(i)))
        )
        preferences.changed.connect(self._show_values)

    def say_test_phrase(self) -> None:
        """Speak a cue with the chosen voice, rate and volume (even when muted: it was asked)."""
        self._speaker.stop()
        now = self._clock()
        self._speaker.say_at(self._test_phrase(), now + TEST_DELAY, until=now + TEST_WAIT)

    def _test_phrase(self) -> str:
        return self.tr("Hips back. Squeeze the glutes.")

    def _on_missed(self, text: str, why: str) -> None:
        if text == self._test_phrase():
            self.status.setText(self.tr("The test was not heard: {why}.").format(why=why))

    def _show_values(self, _key: str = "") -> None:
        p = self._preferences
        widgets = (self.voice, self.rate, self.volume, self.mute, self.density)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            index = self.voice.findData(p.get(VOICE))
            self.voice.setCurrentIndex(max(index, 0))
            self.rate.setValue(p.get(VOICE_RATE) // 10)
            self.volume.setValue(p.get(VOICE_VOLUME))
            self.mute.setChecked(p.get(VOICE_MUTED))
            self.density.setCurrentIndex(max(self.density.findData(p.get(CUE_DENSITY)), 0))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.rate_label.setText(self.tr("{rate} words a minute").format(rate=p.get(VOICE_RATE)))
        self.volume_label.setText(self.tr("{volume} %").format(volume=p.get(VOICE_VOLUME)))
        problem = self._speaker.voice_problem()
        self.status.setText(problem if problem is not None else self.tr("The voice is ready."))
        self.test.setEnabled(problem is None)


def _row(slider: QSlider, label: QLabel) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(slider)
    layout.addWidget(label)
    label.setMinimumWidth(150)
    return holder
