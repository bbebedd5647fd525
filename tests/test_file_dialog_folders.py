"""Every file dialog opens in the person's Documents folder (home where there is none), then in
the folder they last chose for that kind of file; never in the folder Hinge was started from."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hinge_window import HingeWindow
from open_dialogs import open_dialog
from PySide6.QtWidgets import QFileDialog

from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.library.drill_detail import DrillDetail
from hinge_desktop.ui.library.drills_view import DrillsView
from hinge_desktop.ui.transfer.import_dialog import ImportDialog

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a Documents folder in it; Hinge is started from somewhere else."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    started_from = tmp_path / "started-here"
    started_from.mkdir()
    monkeypatch.chdir(started_from)
    return folder


def opened_in(name: str) -> Path:
    return Path(open_dialog(QFileDialog, name).directory().absolutePath())


def choose(name: str, file: Path) -> None:
    dialog = open_dialog(QFileDialog, name)
    dialog.fileSelected.emit(str(file))
    dialog.close()


@pytest.mark.parametrize(
    ("action", "dialog"),
    [("export_action", "exportDialog"), ("export_json_action", "exportJsonDialog")],
)
def test_exports_open_in_documents_then_where_the_last_export_went(
    hinge: HingeWindow, home: Path, tmp_path: Path, action: str, dialog: str
) -> None:
    getattr(hinge.window, action).trigger()
    assert opened_in(dialog) == home / "Documents"
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    choose(dialog, elsewhere / "log.out")
    hinge.qtbot.waitUntil(lambda: (elsewhere / "log.out").exists())
    hinge.window.export_action.trigger()
    assert opened_in("exportDialog") == elsewhere
    open_dialog(QFileDialog, "exportDialog").close()


def test_the_import_opens_in_documents_then_where_the_last_file_was(
    hinge: HingeWindow, home: Path, tmp_path: Path
) -> None:
    hinge.window.import_action.trigger()
    assert opened_in("importFileDialog") == home / "Documents"
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    shutil.copy(FIXTURES / "hevy_kg.csv", elsewhere / "hevy.csv")
    choose("importFileDialog", elsewhere / "hevy.csv")
    preview = hinge.window.findChild(ImportDialog, "importDialog")
    assert preview is not None
    hinge.qtbot.waitUntil(lambda: preview.import_button.isEnabled())
    preview.reject()
    hinge.window.import_action.trigger()
    assert opened_in("importFileDialog") == elsewhere
    open_dialog(QFileDialog, "importFileDialog").close()


def test_the_import_s_file_dialog_is_not_deleted_as_the_preview_opens_but_at_the_next_import(
    hinge: HingeWindow, home: Path, tmp_path: Path
) -> None:
    hinge.window.import_action.trigger()
    first = open_dialog(QFileDialog, "importFileDialog")
    deleted: list[bool] = []
    first.destroyed.connect(lambda: deleted.append(True))
    shutil.copy(FIXTURES / "hevy_kg.csv", tmp_path / "hevy.csv")
    first.selectFile(str(tmp_path / "hevy.csv"))
    first.accept()  # as the Open button does
    preview = hinge.window.findChild(ImportDialog, "importDialog")
    assert preview is not None
    hinge.qtbot.waitUntil(lambda: preview.import_button.isEnabled())
    preview.reject()
    hinge.qtbot.wait(20)
    # Deleting it waits for its folder-reading thread: not while the preview opens.
    assert deleted == []
    assert not first.isVisible()
    hinge.window.import_action.trigger()
    again = open_dialog(QFileDialog, "importFileDialog")
    hinge.qtbot.waitUntil(lambda: deleted == [True])
    assert opened_in("importFileDialog") == tmp_path
    assert not any(Path(file).is_file() for file in again.selectedFiles())  # none chosen yet
    again.close()


def test_the_chart_saves_in_documents_or_home_where_there_is_none(
    hinge: HingeWindow, store: Store, home: Path
) -> None:
    shutil.rmtree(home / "Documents")
    store.sets.add(LoggedSet("glute-bridge", datetime.now(UTC), 1, reps=12))
    hinge.show("history")
    assert hinge.views.progress.wait_until_loaded()
    hinge.views.progress.ask_and_export()
    assert opened_in("saveChartDialog") == home
    open_dialog(QFileDialog, "saveChartDialog").close()


def test_the_figure_export_opens_in_documents_then_where_the_last_figure_went(
    hinge: HingeWindow, home: Path, tmp_path: Path
) -> None:
    hinge.show("drills")
    drills = hinge.widget(DrillsView, "drillBrowser")
    drills.select_drill("glute-bridge")
    detail = hinge.widget(DrillDetail, "drillDetail")
    detail.export_figure()
    assert opened_in("exportFigureDialog") == home / "Documents"
    elsewhere = tmp_path / "pictures"
    elsewhere.mkdir()
    choose("exportFigureDialog", elsewhere / "bridge.svg")
    hinge.qtbot.waitUntil(lambda: (elsewhere / "bridge.svg").exists())
    detail.export_figure()
    assert opened_in("exportFigureDialog") == elsewhere
    open_dialog(QFileDialog, "exportFigureDialog").close()
