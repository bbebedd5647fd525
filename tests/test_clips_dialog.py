"""File → Filmed clips…: the filmed sets listed newest first by drill and time, the chosen one
replayed, kept safe from the cap or deleted after asking, and the room for clips chosen."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from drill_catalogue import CATALOGUE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from test_clip_recording import DRILL, record_script

from hinge_desktop.domain.pose.rep_script import Fault
from hinge_desktop.speech.choose import quiet_multimedia_logs
from hinge_desktop.storage.clip_store import ClipStore
from hinge_desktop.ui.preferences import CLIP_CAP_MB, Preferences


@pytest.fixture(autouse=True)
def _multimedia() -> None:
    quiet_multimedia_logs()


@pytest.fixture
def store(qtbot: QtBot, tmp_path: Path) -> ClipStore:
    """Three clips: the figure's rep filmed on 7 December, and copies on the 6th and 5th."""
    store = ClipStore(tmp_path / "clips", 10**9)
    filmed = record_script(qtbot, store, [Fault.NONE], fps=15)
    for day, drill in ((6, "wall-hinge-check"), (5, "no-longer-a-drill")):
        partial, final = store.recording_paths(drill, datetime(2026, 12, day, 8, 30))
        shutil.copy(filmed.path, partial)
        store.finish(partial, final)
    return store


def _dialog(qtbot: QtBot, store: ClipStore, tmp_path: Path):  # type: ignore[no-untyped-def]
    from hinge_desktop.ui.camera.clips_dialog import ClipsDialog

    def drill_of(drill_id: str):  # type: ignore[no-untyped-def]
        return CATALOGUE.get(drill_id) if drill_id in CATALOGUE else None

    dialog = ClipsDialog(store, drill_of, Preferences(tmp_path / "settings.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _titles(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.clip_list.item(row).text() for row in range(dialog.clip_list.count())]


def test_clips_are_listed_newest_first_by_drill_and_the_newest_replayed(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tmp_path)
    titles = _titles(dialog)
    assert [t.split("\n")[0] for t in titles] == [
        DRILL.name,
        CATALOGUE.get("wall-hinge-check").name,
        "no-longer-a-drill",
    ]
    assert dialog.current_clip() == store.clips()[0]
    qtbot.waitUntil(lambda: not dialog.replay.view.picture_rect().isEmpty(), timeout=5000)
    assert dialog.replay.figure.drill() is DRILL
    dialog.clip_list.setCurrentRow(2)
    assert not dialog.replay.figure.isVisibleTo(dialog)  # no drill to show beside it
    assert "Clips stay on this computer" in dialog.usage.text()
    assert str(store.folder) in dialog.usage.text()


def test_a_kept_clip_is_starred_and_moved_out_of_the_caps_reach(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tmp_path)
    dialog.clip_list.setCurrentRow(1)
    dialog.keep.click()
    assert dialog.keep.isChecked()
    chosen = dialog.current_clip()
    assert chosen.kept
    assert chosen.path.parent == store.kept_folder
    assert dialog.clip_list.currentItem().text().startswith("★ ")
    dialog.keep.click()
    assert not dialog.current_clip().kept
    assert dialog.current_clip().path.parent == store.folder


def test_delete_asks_first_and_cancel_keeps_the_clip(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tmp_path)
    first = dialog.current_clip()
    dialog.delete.click()
    box = dialog.findChild(QMessageBox, "confirmDeleteClip")
    assert box is not None
    assert DRILL.name in box.text()
    box.findChild(QPushButton, "cancelDeleteButton").click()
    assert first.path.exists()
    dialog.clip_list.setFocus()
    qtbot.keyClick(dialog.clip_list, Qt.Key.Key_Delete)
    box = dialog.findChild(QMessageBox, "confirmDeleteClip")
    box.findChild(QPushButton, "confirmDeleteButton").click()
    qtbot.waitUntil(lambda: not first.path.exists(), timeout=3000)
    assert len(_titles(dialog)) == 2
    assert dialog.current_clip() == store.clips()[0]


def test_the_room_for_clips_is_the_persons_choice_and_remembered(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tmp_path)
    assert dialog.cap.currentData() == 1000
    dialog.cap.setCurrentIndex(dialog.cap.findData(250))
    assert store.cap_bytes == 250_000_000
    assert Preferences(tmp_path / "settings.ini").get(CLIP_CAP_MB) == 250
    assert "250" in dialog.usage.text()
    assert len(store.clips()) == 3  # nothing removed until a new clip is saved


def test_with_no_clips_it_says_how_to_film_one(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ClipStore(tmp_path / "clips", 10**9), tmp_path)
    assert dialog.empty.isVisibleTo(dialog)
    assert "press Record" in dialog.empty.text()
    assert not dialog.delete.isEnabled()
    assert not dialog.keep.isEnabled()


def test_the_replay_keys_work_wherever_the_focus_is_in_the_window(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store, tmp_path)
    replay = dialog.replay
    qtbot.waitUntil(lambda: not replay.view.picture_rect().isEmpty(), timeout=5000)
    dialog.activateWindow()
    dialog.clip_list.setFocus()
    qtbot.keyClick(dialog.clip_list, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: replay.shown_seconds() > 0, timeout=3000)
    assert dialog.current_clip() == store.clips()[0]  # the list kept its row
    qtbot.keyClick(dialog.clip_list, Qt.Key.Key_2)
    assert replay.speed() == 0.5
    qtbot.keyClick(dialog.clip_list, Qt.Key.Key_Space)
    assert replay.is_playing()
    replay.play_button.setFocus()
    qtbot.keyClick(replay.play_button, Qt.Key.Key_Space)
    assert not replay.is_playing()
    replay.setFocus()  # a click on the picture
    qtbot.keyClick(replay, Qt.Key.Key_3)
    assert replay.speed() == 0.25
    shown = replay.shown_seconds()
    qtbot.keyClick(replay, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: replay.shown_seconds() > shown, timeout=3000)
    dialog.keep.setFocus()
    qtbot.keyClick(dialog.keep, Qt.Key.Key_Space)  # a focused button takes its own Space
    assert dialog.keep.isChecked()
    assert not replay.is_playing()


def test_f1_lists_the_keys_the_clips_window_answers_to(
    qtbot: QtBot, store: ClipStore, tmp_path: Path
) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    from hinge_desktop.ui.camera.clip_keys import clip_window_keys

    dialog = _dialog(qtbot, store, tmp_path)
    native = QKeySequence.SequenceFormat.NativeText
    # The replay's keys work in the replay and in the list: each is bound twice.
    bound = {k.toString(native) for s in dialog.findChildren(QShortcut) for k in s.keys()}  # noqa: SIM118 (a QShortcut)
    listed = [key.toString(native) for _where, _what, key in clip_window_keys()]
    assert bound == set(listed)
    assert len(listed) == len(set(listed))
    assert {where for where, _what, _keys in clip_window_keys()} == {"Filmed clips"}
