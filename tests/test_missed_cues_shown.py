"""A cue the voice could not say at its moment is named on screen, never lost without a word."""

from __future__ import annotations

from hinge_window import HingeWindow

from hinge_desktop.speech.missed import rendered_too_late


def test_a_missed_cue_is_named_in_the_status_bar_with_why(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.speaker.missed.report("Get ready: Glute bridge", rendered_too_late())
    message = hinge.window.statusBar().currentMessage()
    assert message == "Not heard: “Get ready: Glute bridge” (its words were not ready in time)"


def test_the_get_ready_may_be_said_late_until_its_countdown(hinge: HingeWindow) -> None:
    """Words not ready at Start (a first run) are still said while the get-ready holds."""
    hinge.show_drill("glute-bridge")
    hinge.click("startPauseButton")
    hinge.qtbot.waitUntil(lambda: bool(hinge.speaker.said))
    first = hinge.speaker.said[0]
    assert first.text.startswith("Get ready: Glute bridge")
    assert first.until is not None
    assert first.until - first.at > 1.0
