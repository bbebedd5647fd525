"""Settings → Backups as a person uses it: the list, "Back up now", "Show folder" and a restore
that the whole window then shows."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from child_processes import run_hinge
from hinge_window import HingeWindow, StartHinge
from log_files import sets_in
from open_dialogs import open_dialog, open_dialogs
from PySide6.QtCore import QDateTime, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
)

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.backups import Backup, back_up, list_backups
from hinge_desktop.storage.store import open_store
from hinge_desktop.ui.shell.main_window import MainWindow

ZONE = timezone(timedelta(hours=1))
TUESDAY = datetime(2026, 11, 17, 7, 5, tzinfo=ZONE)


class App(HingeWindow):
    """The whole window, with what these tests do on Settings → Backups."""

    def log(self, count: int, drill: str = "glute-bridge") -> None:
        self.store.sets.add_many([LoggedSet(drill, datetime.now(UTC), reps=10)] * count)

    def back_up(self, reason: str = "daily", when: datetime = TUESDAY) -> Backup:
        made = back_up(self.store.db.conn, self.paths.backups, reason, now=when)  # type: ignore[arg-type]
        self.views.backups.refresh()
        return made

    def backup_list(self) -> QTreeWidget:
        return self.widget(QTreeWidget, "backupList")

    def rows(self) -> list[list[str]]:
        tree = self.backup_list()
        return [
            [tree.topLevelItem(row).text(column) for column in range(3)]
            for row in range(tree.topLevelItemCount())
        ]

    def choose(self, row: int) -> None:
        tree = self.backup_list()
        rect = tree.visualItemRect(tree.topLevelItem(row))
        self.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def shown_window(self) -> MainWindow:
        """The main window on screen (after a restore, the one built anew)."""
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        return window


@pytest.fixture
def hinge(start_hinge: StartHinge) -> App:
    """Hinge open on Settings. A restore replaces its window: the page object closes the one
    built anew too."""
    return start_hinge(App, view="settings")


def local_text(moment: datetime) -> str:
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    locale = QLocale()
    return (
        f"{locale.toString(shown.date(), QLocale.FormatType.LongFormat)}, "
        f"{locale.toString(shown.time(), QLocale.FormatType.ShortFormat)}"
    )


def test_backups_are_listed_newest_first_with_date_kind_and_size(hinge: App) -> None:
    hinge.log(300)
    daily = hinge.back_up("daily", TUESDAY)
    hinge.back_up("before-migration", TUESDAY - timedelta(days=3))
    hinge.back_up("manual", TUESDAY + timedelta(hours=2))

    rows = hinge.rows()
    assert [row[1] for row in rows] == ["Made by you", "Daily", "Before a Hinge update"]
    assert rows[1][0] == local_text(TUESDAY)
    assert "2026" in rows[1][0]
    kilobytes = daily.size / 1024
    assert rows[1][2] in (f"{kilobytes:.1f} KB", f"{kilobytes:.1f} kB")
    panel = hinge.window.findChild(QLabel, "noBackupsLabel")
    assert panel is not None
    assert not panel.isVisible()


def test_with_no_backups_the_panel_says_so_and_nothing_can_be_restored(hinge: App) -> None:
    label = hinge.window.findChild(QLabel, "noBackupsLabel")
    assert label is not None
    assert label.isVisible()
    assert not hinge.backup_list().isVisible()
    restore = hinge.window.findChild(QPushButton, "restoreBackupButton")
    assert restore is not None
    assert not restore.isEnabled()


def test_back_up_now_makes_a_backup_on_its_own_thread_and_lists_it(hinge: App) -> None:
    hinge.log(5)
    button = hinge.window.findChild(QPushButton, "backUpNowButton")
    assert button is not None
    with hinge.qtbot.waitSignal(hinge.views.backups.backed_up, timeout=20_000) as made:
        hinge.click("backUpNowButton")
        # The copy runs away from the window: until it reports back, the button waits.
        assert not button.isEnabled()
    backup: Backup = made.args[0]
    assert backup.reason == "manual"
    assert list_backups(hinge.paths.backups) == [backup]
    assert hinge.rows()[0][1] == "Made by you"
    assert hinge.views.backups.selected() == backup
    assert button.isEnabled()
    status = hinge.window.findChild(QLabel, "backupStatusLabel")
    assert status is not None
    assert backup.path.name in status.text()


def test_show_folder_opens_the_backups_folder(hinge: App, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    hinge.click("showBackupsFolderButton")
    assert opened == [QUrl.fromLocalFile(str(hinge.paths.backups))]
    assert hinge.paths.backups.is_dir()


def test_restore_asks_first_naming_the_backup_and_cancel_changes_nothing(hinge: App) -> None:
    hinge.log(2)
    hinge.back_up("daily", TUESDAY)
    hinge.log(3)
    hinge.choose(0)
    hinge.click("restoreBackupButton")

    box = open_dialog(QMessageBox, "restoreConfirmBox")
    assert local_text(TUESDAY) in box.text()
    assert "backed up first" in box.informativeText()
    hinge.qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert hinge.store.sets.count() == 5
    assert hinge.shown_window() is hinge.window
    assert len(list_backups(hinge.paths.backups)) == 1


def confirm_restore(hinge: App) -> None:
    box = open_dialog(QMessageBox, "restoreConfirmBox")
    confirm = box.findChild(QPushButton, "confirmRestoreButton")
    assert confirm is not None
    hinge.qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)


def test_a_restored_backup_is_what_the_whole_window_then_shows(hinge: App) -> None:
    hinge.log(2)
    hinge.store.favourites.set("dead-bug", True)
    hinge.back_up("daily", TUESDAY)
    hinge.log(4, drill="hip-thrust")
    hinge.store.favourites.set("hip-thrust", True)
    hinge.views.undo_stack.push(QUndoCommand("Log set"))  # a change one could undo
    hinge.views.backups.refresh()
    hinge.choose(0)
    hinge.click("restoreBackupButton")

    confirm_restore(hinge)
    hinge.qtbot.waitUntil(lambda: hinge.shown_window() is not hinge.window, timeout=20_000)

    window = hinge.shown_window()
    assert window.current_view() == "settings"
    assert window.isEnabled()
    count = window.findChild(QLabel, "setCountLabel")
    assert count is not None
    assert count.text() == "2"
    assert hinge.store.sets.count() == 2
    assert hinge.store.favourites.all() == {"dead-bug"}
    # What could be undone belonged to the log as it was.
    assert not window.undo_action.isEnabled()
    # The log as it was is a backup too, listed in the new window, and can be restored back.
    kinds = [
        window.findChild(QTreeWidget, "backupList").topLevelItem(row).text(1)  # type: ignore[union-attr]
        for row in range(2)
    ]
    assert kinds == ["Before a restore", "Daily"]
    (before,) = [b for b in list_backups(hinge.paths.backups) if b.reason == "before-restore"]
    assert sets_in(before.path) == 6
    assert "restored" in window.statusBar().currentMessage()


def test_a_damaged_backup_is_not_restored_and_the_window_says_why(hinge: App) -> None:
    hinge.log(50)
    chosen = hinge.back_up("daily", TUESDAY)
    chosen.path.write_bytes(chosen.path.read_bytes()[:3000])
    hinge.log(1)
    hinge.views.backups.refresh()
    hinge.choose(0)
    hinge.click("restoreBackupButton")

    confirm_restore(hinge)
    hinge.qtbot.waitUntil(
        lambda: bool(open_dialogs(QMessageBox, "restoreFailedBox")), timeout=20_000
    )

    box = open_dialog(QMessageBox, "restoreFailedBox")
    assert f"The backup {chosen.path} cannot be restored: it is damaged" in box.text()
    box.close()
    window = hinge.shown_window()
    assert window.isEnabled()
    assert hinge.store.sets.count() == 51
    assert [b.reason for b in list_backups(hinge.paths.backups)] == ["daily"]


def test_todays_backup_is_made_in_the_background_and_listed(hinge: App) -> None:
    hinge.log(3)
    hinge.views.backups.make_daily_backup()
    hinge.qtbot.waitUntil(lambda: len(hinge.rows()) == 1, timeout=20_000)
    assert hinge.rows()[0][1] == "Daily"


@pytest.mark.slow
def test_starting_hinge_backs_up_the_log_once_a_day(data_dir: Path, tmp_path: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    store.close()

    def start() -> None:
        result = run_hinge(
            "--data-dir", str(data_dir), "--screenshot", "settings", str(tmp_path / "settings.png")
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""

    start()
    (daily,) = list_backups(data_dir / "backups")
    assert daily.reason == "daily"
    start()
    assert list_backups(data_dir / "backups") == [daily]


STARTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from hinge_desktop.app import run
    from hinge_desktop.cli.options import parse_args
    from hinge_desktop.storage.backups import list_backups

    folder = Path(sys.argv[1])
    polls = 0

    def poll() -> None:
        global polls
        polls += 1
        made = list_backups(folder / "backups")
        if made or polls > 1200:  # a minute of 50 ms turns
            print("backed up" if made else "no backup", flush=True)
            QApplication.quit()
        else:
            QTimer.singleShot(50, poll)

    def ready() -> None:
        print("ready", flush=True)
        poll()

    sys.exit(run(parse_args(["--data-dir", str(folder)]), on_settled=ready))
    """
)


@pytest.mark.slow
def test_hinge_starts_to_ready_and_backs_up_the_log_behind_the_window(data_dir: Path) -> None:
    store = open_store(data_dir / "hinge.sqlite3")
    store.sets.add(LoggedSet("dead-bug", datetime.now(UTC), reps=10))
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", STARTER, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ready", "backed", "up"]
    assert "Traceback" not in result.stderr
    (daily,) = list_backups(data_dir / "backups")
    assert daily.reason == "daily"
