"""Settings shows the log as it is now: the counts and the backups after an import in the same
session, and a daily backup that failed, named with its folder and why, until a backup is made."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hinge_window import HingeWindow, StartHinge
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget
from read_only import read_only

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.store import Store

IMPORTS = Path(__file__).parent / "fixtures" / "imports"


def backup_kinds(hinge: HingeWindow) -> list[str]:
    listed = hinge.widget(QTreeWidget, "backupList")
    return [listed.topLevelItem(i).text(1) for i in range(listed.topLevelItemCount())]  # type: ignore[union-attr]


def test_settings_show_the_counts_and_the_backup_of_an_import_made_in_the_same_window(
    store: Store, start_hinge: StartHinge
) -> None:
    store.sets.add(LoggedSet("glute-bridge", datetime.now(UTC), reps=12))
    hinge = start_hinge(view="settings")
    assert hinge.widget(QLabel, "setCountLabel").text() == "1"
    assert backup_kinds(hinge) == []

    dialog = hinge.views.importing.preview(IMPORTS / "hinge_export.csv")
    hinge.qtbot.waitUntil(lambda: dialog.pages.currentIndex() != 0)
    with hinge.qtbot.waitSignal(dialog.imported):
        hinge.qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    hinge.show("settings")

    assert hinge.widget(QLabel, "setCountLabel").text() == "13"
    assert hinge.widget(QLabel, "workoutCountLabel").text() == "3"
    assert backup_kinds(hinge) == ["Before an import"]


def test_settings_opened_after_an_import_show_the_new_counts_and_its_backup(
    store: Store, start_hinge: StartHinge
) -> None:
    store.sets.add(LoggedSet("glute-bridge", datetime.now(UTC), reps=12))
    hinge = start_hinge(view="settings")
    hinge.show("drills")

    dialog = hinge.views.importing.preview(IMPORTS / "hinge_export.csv")
    hinge.qtbot.waitUntil(lambda: dialog.pages.currentIndex() != 0)
    with hinge.qtbot.waitSignal(dialog.imported):
        hinge.qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    hinge.show("settings")

    assert hinge.widget(QLabel, "setCountLabel").text() == "13"
    assert backup_kinds(hinge) == ["Before an import"]


def test_a_daily_backup_that_failed_is_shown_in_settings_until_a_backup_is_made(
    store: Store, start_hinge: StartHinge
) -> None:
    store.sets.add(LoggedSet("glute-bridge", datetime.now(UTC), reps=12))
    hinge = start_hinge(view="drills")
    folder = hinge.paths.backups
    folder.mkdir()
    notice = hinge.widget(QLabel, "backupFailedNotice")
    with read_only(folder):
        # As at a start: today's backup, on the backups' own thread.
        hinge.views.backups.make_daily_backup()
        hinge.qtbot.waitUntil(lambda: "Today's backup" in hinge.window.statusBar().currentMessage())
        assert list(folder.iterdir()) == []

    hinge.show("settings")
    assert notice.isVisible()
    assert str(folder) in notice.text()
    assert "read-only" in notice.text()

    hinge.click("backUpNowButton")
    hinge.qtbot.waitUntil(lambda: backup_kinds(hinge) == ["Made by you"])
    assert not notice.isVisible()


def test_a_daily_backup_that_succeeds_leaves_no_notice(
    store: Store, start_hinge: StartHinge
) -> None:
    store.sets.add(LoggedSet("glute-bridge", datetime.now(UTC), reps=12))
    hinge = start_hinge(view="settings")
    hinge.views.backups.make_daily_backup(wait=True)
    assert backup_kinds(hinge) == ["Daily"]
    assert not hinge.widget(QLabel, "backupFailedNotice").isVisible()
