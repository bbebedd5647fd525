"""A cue the voice could not say at its moment is named on screen, never lost without a word."""

from __future__ import annotations

from hinge_window import HingeWindow

from hinge_desktop.speech.missed import rendered_too_late


def test_a_missed_cue_is_named_in_the_status_bar_with_why(hinge: HingeWindow) -> None:
    hinge.show_drill("glute-bridge")
    hinge.speaker.missed.report("Get ready: Glute bridge", rendered_too_late())
    message = hinge.window.statusBar().currentMessage()
    assert message == "Not heard: “Get ready: Glute bridge” (its words were not ready in time)"
