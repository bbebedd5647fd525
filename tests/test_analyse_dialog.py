"""File → Analyse a clip…: a video from a phone, run through the pose assist by the command
line's own analysis in a process of its own, its reps shown as they are found."""

from __future__ import annotations

from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from hinge_window import HingeWindow
from pose_clips import require_pose_extra, write_clip
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.pose.rep_script import Fault
from hinge_desktop.domain.pose.targets import pose_targets
from hinge_desktop.ui.camera import analyse_dialog
from hinge_desktop.ui.camera.analyse_dialog import AnalyseDialog

DRILL = CATALOGUE.get("kettlebell-deadlift")
FOLLOWED = [d for d in CATALOGUE if pose_targets(d) is not None]


def _dialog(qtbot: QtBot, video: Path | None = None) -> AnalyseDialog:
    dialog = AnalyseDialog(FOLLOWED, DRILL, video)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _finish(qtbot: QtBot, dialog: AnalyseDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=240_000)


def test_a_clip_is_analysed_rep_by_rep_while_the_window_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    require_pose_extra()
    video = tmp_path / "phone.mp4"
    write_clip(video, DRILL, [Fault.NONE, Fault.SHALLOW], fps=15)
    dialog = _dialog(qtbot, video)
    assert dialog.drill.currentData() == DRILL.id
    dialog.start.click()
    assert dialog.is_running()
    assert dialog.start.text() == "Stop"
    assert not dialog.drill.isEnabled()
    assert dialog.status.text() == "Analysing phone.mp4…"
    _finish(qtbot, dialog)
    lines = dialog.output.toPlainText().splitlines()
    assert lines[0].startswith("rep 1  at ")
    assert lines[0].endswith("cues: none")
    assert lines[1].startswith("rep 2  at ")
    assert lines[1].endswith("cues: push the hips back further")
    assert lines[-1].startswith(f"{DRILL.name}: 2 reps in ")
    assert dialog.status.text() == lines[-1]
    assert dialog.start.text() == "Analyse"


def test_a_clip_with_no_whole_rep_says_why_in_its_answer(qtbot: QtBot, tmp_path: Path) -> None:
    require_pose_extra()
    video = tmp_path / "standing.mp4"
    write_clip(video, DRILL, [], fps=10)  # a second of standing side-on
    dialog = _dialog(qtbot, video)
    dialog.start.click()
    _finish(qtbot, dialog)
    assert dialog.output.toPlainText().splitlines()[-1].startswith(f"{DRILL.name}: 0 reps in ")
    assert dialog.status.text().startswith("No whole rep: the deepest hip bend in the clip was ")
    assert "A rep counts from standing" in dialog.status.text()
    # Choosing another file clears this one's answer.
    dialog.file.setText(str(tmp_path / "another.mp4"))
    assert dialog.output.toPlainText() == ""
    assert (
        dialog.status.text()
        == "Reps are counted from the hip. It cannot see the shape of your back."
    )


def test_a_file_that_is_not_a_video_is_named_in_the_answer(qtbot: QtBot, tmp_path: Path) -> None:
    require_pose_extra()
    video = tmp_path / "notes.mp4"
    video.write_text("shopping list")
    dialog = _dialog(qtbot, video)
    dialog.start.click()
    _finish(qtbot, dialog)
    assert "notes.mp4 is not a video Hinge can read" in dialog.status.text(), dialog._errors
    assert dialog.output.toPlainText() == ""


def test_stop_ends_the_analysis_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    require_pose_extra()
    video = tmp_path / "long.mp4"
    write_clip(video, DRILL, [Fault.NONE] * 6, fps=30)
    dialog = _dialog(qtbot, video)
    dialog.start.click()
    qtbot.wait(300)
    dialog.start.click()
    _finish(qtbot, dialog)
    assert dialog.status.text() == "Stopped."
    assert dialog.start.text() == "Analyse"


def test_a_missing_file_is_said_before_anything_runs(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(analyse_dialog, "pose_model_installed", lambda: True)
    dialog = _dialog(qtbot, tmp_path / "gone.mp4")
    dialog.start.click()
    assert not dialog.is_running()
    assert dialog.status.text() == f"There is no file at {tmp_path / 'gone.mp4'}."
    dialog.file.setText(str(tmp_path / "here.mp4"))
    assert "gone.mp4" not in dialog.status.text(), "another file: the old answer goes"


def test_without_the_pose_extra_it_says_how_to_add_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(analyse_dialog, "pose_model_installed", lambda: False)
    video = tmp_path / "phone.mp4"
    video.write_bytes(b"\0")
    dialog = _dialog(qtbot, video)
    assert not dialog.start.isEnabled()
    assert "pip install" in dialog.status.text()


def test_the_file_menu_opens_the_clips_and_the_analysis_for_the_drill_under_way(
    hinge: HingeWindow,
) -> None:
    hinge.show_drill(DRILL.id)
    analyse = hinge.window.findChild(QAction, "analyseClipAction")
    assert analyse.isEnabled()
    analyse.trigger()
    dialog = hinge.window.findChild(AnalyseDialog, "analyseDialog")
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.drill.currentData() == DRILL.id
    dialog.close()
    hinge.window.findChild(QAction, "clipsAction").trigger()
    from hinge_desktop.ui.camera.clips_dialog import ClipsDialog  # once Qt Multimedia is quiet

    clips = hinge.window.findChild(ClipsDialog, "clipsDialog")
    assert clips is not None
    assert clips.isVisible()
    assert clips.empty.isVisibleTo(clips)
    assert str(hinge.paths.clips) in clips.usage.text()
    clips.close()


def test_the_file_chooser_opens_where_the_filmed_clips_are(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    clips = tmp_path / "clips"
    clips.mkdir()
    dialog = AnalyseDialog(FOLLOWED, DRILL, None, look_in=clips)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_file()
    chooser = dialog.findChild(QFileDialog, "analyseFileDialog")
    assert chooser is not None
    assert Path(chooser.directory().absolutePath()) == clips
    chooser.reject()


def test_a_clip_hinge_filmed_chooses_its_own_drill(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    assert dialog.drill.currentData() == DRILL.id
    dialog.file.setText(str(tmp_path / "20261207-101500--wall-hinge-check.mp4"))
    assert dialog.drill.currentData() == "wall-hinge-check"
    dialog.file.setText(str(tmp_path / "from-my-phone.mp4"))
    assert dialog.drill.currentData() == "wall-hinge-check"  # left as it was
