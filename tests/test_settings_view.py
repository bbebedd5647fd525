"""Settings as a person uses them: the voice test, and the page fitting small windows."""

from __future__ import annotations

from hinge_window import HingeWindow
from PySide6.QtWidgets import QLabel

from hinge_desktop.ui.settings.voice_group import TEST_WAIT


def test_the_voice_test_waits_for_its_words_and_says_when_it_was_not_heard(
    hinge: HingeWindow,
) -> None:
    hinge.show("settings")
    hinge.click("testVoiceButton")
    (said,) = hinge.speaker.said
    assert said.text == "Hips back. Squeeze the glutes."
    assert said.until is not None
    assert said.until - said.at >= TEST_WAIT - 0.1
    hinge.speaker.missed.report(said.text, "the sound output was not ready in time")
    status = hinge.widget(QLabel, "voiceStatusLabel")
    assert status.text() == "The test was not heard: the sound output was not ready in time."
    hinge.speaker.missed.report("rest 90 seconds", "its words were not ready in time")
    assert "The test was not heard" in status.text()
