"""The main window as a person uses it: navigation, shortcuts, help, remembered state, theme."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hinge_window import StartHinge
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from hinge_desktop import __version__
from hinge_desktop.domain.training import LoggedSet
from hinge_desktop.paths import DataPaths
from hinge_desktop.storage.store import Store, open_store
from hinge_desktop.ui.preferences import COLOUR_SCHEME, LAST_VIEW, Preferences
from hinge_desktop.ui.shell import theme
from hinge_desktop.ui.shell.application import ColourSchemeFollower, create_application
from hinge_desktop.ui.shell.main_window import MainWindow, default_size
from hinge_desktop.ui.shell.navigation import VIEWS
from hinge_desktop.ui.shell.opening import open_and_install
from hinge_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    application = create_application()
    yield application
    theme.apply(application, theme.LIGHT)


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Exit codes the app asked for; a real exit would stop every later event loop."""
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    return codes


def make_window(qtbot: QtBot, paths: DataPaths) -> MainWindow:
    """The main window alone, without the views an opened log gives it."""
    window = MainWindow(Preferences(paths.settings))
    qtbot.addWidget(window)
    return window


def show(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_window_has_the_five_views_in_its_navigation(
    app: QApplication, start_hinge: StartHinge
) -> None:
    window = start_hinge(shown=False).window
    nav = window.findChild(QListWidget, "viewNav")
    assert window.objectName() == "MainWindow"
    assert [nav.item(row).text() for row in range(nav.count())] == [
        "Today",
        "Drills",
        "Workout",
        "History",
        "Settings",
    ]
    for name in VIEWS:
        assert window.view(name).objectName() == f"{name}View"
        assert window.view(name).accessibleName()


def test_clicking_the_navigation_switches_the_view(
    qtbot: QtBot, app: QApplication, start_hinge: StartHinge
) -> None:
    window = start_hinge(active=True).window
    nav = window.findChild(QListWidget, "viewNav")
    rect = nav.visualItemRect(nav.item(3))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_view() == "history"
    assert window.centralWidget().isAncestorOf(window.view("history"))
    assert window.view("history").isVisible()


@pytest.mark.parametrize(("key", "view"), list(zip("12345", VIEWS, strict=True)))
def test_ctrl_number_switches_the_view(
    qtbot: QtBot, app: QApplication, paths: DataPaths, key: str, view: str
) -> None:
    window = make_window(qtbot, paths)
    window.show_view("settings" if view != "settings" else "drills")
    show(qtbot, window)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == view


def test_size_place_and_view_are_remembered(
    qtbot: QtBot, app: QApplication, paths: DataPaths
) -> None:
    first = make_window(qtbot, paths)
    show(qtbot, first)
    first.resize(QSize(700, 500))
    first.move(QPoint(40, 30))
    first.show_view("history")
    first.close()

    second = make_window(qtbot, paths)
    assert second.size() == QSize(700, 500)
    # Within the frame: the offscreen platform reports a 2-pixel frame margin.
    assert (second.pos() - QPoint(40, 30)).manhattanLength() <= 4
    assert second.current_view() == "history"


def test_a_damaged_settings_file_falls_back_to_defaults(
    qtbot: QtBot, app: QApplication, paths: DataPaths
) -> None:
    paths.settings.write_text("[window]\nlast_view=calendar\ngeometry=garbage\n")
    window = make_window(qtbot, paths)
    assert window.current_view() == "today"
    assert window.size() == default_size(window.screen().availableGeometry().size())
    assert Preferences(paths.settings).get(LAST_VIEW) == "today"


def test_about_names_the_version(qtbot: QtBot, app: QApplication, paths: DataPaths) -> None:
    window = make_window(qtbot, paths)
    show(qtbot, window)
    window.findChild(type(window.menuBar().actions()[0]), "aboutAction").trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    qtbot.waitExposed(box)
    assert f"Hinge {__version__}" in box.text()
    box.close()


def test_f1_lists_every_shortcut_the_window_has(
    qtbot: QtBot, app: QApplication, paths: DataPaths
) -> None:
    window = make_window(qtbot, paths)
    show(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    shortcuts = dialog.shortcuts()
    assert shortcuts["Today"] == "Ctrl+1"
    assert shortcuts["Drills"] == "Ctrl+2"
    assert shortcuts["Settings"] == "Ctrl+5"
    assert shortcuts["Keyboard shortcuts"] == "F1"
    assert shortcuts["Quit"] == "Ctrl+Q"
    dialog.close()


def test_the_window_reports_its_first_paint_once(
    qtbot: QtBot, app: QApplication, paths: DataPaths
) -> None:
    window = make_window(qtbot, paths)
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    with qtbot.waitSignal(window.first_painted):
        window.show()
    window.repaint()
    window.update()
    qtbot.wait(20)
    assert painted == [True]


def test_choosing_dark_turns_the_whole_app_dark_and_is_remembered(
    app: QApplication, paths: DataPaths, start_hinge: StartHinge
) -> None:
    hinge = start_hinge(shown=False)
    window = hinge.window
    ColourSchemeFollower(app, hinge.preferences)
    hinge.show("settings")
    hinge.show_window(active=True)
    combo = window.findChild(QComboBox, "colourSchemeCombo")
    combo.setCurrentIndex(combo.findData("dark"))
    assert app.palette().window().color().lightness() < 80
    assert app.palette().windowText().color().lightness() > 180
    assert Preferences(paths.settings).get(COLOUR_SCHEME) == "dark"

    combo.setCurrentIndex(combo.findData("light"))
    assert app.palette().window().color().lightness() > 200


def test_settings_show_where_the_data_is_and_how_much_there_is(
    app: QApplication, paths: DataPaths, store: Store, start_hinge: StartHinge
) -> None:
    store.sets.add(LoggedSet(drill_id="glute-bridge", performed_at=datetime.now(UTC)))
    window = start_hinge(shown=False).window
    settings = window.view("settings")
    assert window.findChild(QLabel, "dataFolderLabel").text() == str(paths.root)
    assert window.findChild(QLabel, "setCountLabel").text() == "1"
    store.sets.add(LoggedSet(drill_id="glute-bridge", performed_at=datetime.now(UTC)))
    settings.refresh()
    assert window.findChild(QLabel, "setCountLabel").text() == "2"
    assert window.findChild(QLabel, "workoutCountLabel").text() == "0"


def fatal_message(qtbot: QtBot, paths: DataPaths, exits: list[int]) -> str:
    """Start a window on ``paths``: the start must fail with a message, then quit with status 2."""
    window = make_window(qtbot, paths)
    show(qtbot, window)
    assert open_and_install(window, window._preferences, paths) is None
    box = window.findChild(QMessageBox, "fatalErrorBox")
    assert box is not None
    text = box.text()
    box.close()
    assert exits == [2]
    return text


def test_a_database_from_a_newer_hinge_stops_the_app_with_a_message(
    qtbot: QtBot, app: QApplication, paths: DataPaths, exits: list[int]
) -> None:
    import sqlite3

    open_store(paths.database).close()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    message = fatal_message(qtbot, paths, exits)
    assert "data format 42" in message
    assert f"Hinge {__version__}" in message


def test_a_damaged_database_is_put_aside_and_the_app_starts_with_a_message(
    qtbot: QtBot, app: QApplication, paths: DataPaths, exits: list[int]
) -> None:
    store = open_store(paths.database)
    now = datetime.now(UTC)
    store.sets.add_many(
        [LoggedSet(drill_id="glute-bridge", performed_at=now, note="x" * 200)] * 400
    )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(paths.database.read_bytes())
    page = 4096
    data[page:] = b"\xff" * (len(data) - page)  # every page but the first, the schema
    paths.database.write_bytes(bytes(data))

    window = make_window(qtbot, paths)
    show(qtbot, window)
    loaded = open_and_install(window, window._preferences, paths)
    assert loaded is not None
    opened, speaker, views = loaded
    try:
        box = window.findChild(QMessageBox, "recoveryBox")
        assert box is not None
        assert "No good backup was found" in box.text()
        (aside,) = paths.root.glob("hinge.sqlite3.damaged-*")
        assert aside.read_bytes() == bytes(data)
        assert str(aside) in box.informativeText()
        box.close()
        assert opened.sets.count() == 0
        assert exits == []
    finally:
        views.shutdown()
        speaker.close()
        opened.close()


def test_the_placeholder_picture_follows_a_switch_to_dark(
    qtbot: QtBot, app: QApplication, start_hinge: StartHinge
) -> None:
    window = start_hinge(shown=False).window
    picture = window.view("history").progress.empty._picture

    def ink() -> int:
        image = picture.pixmap().toImage()
        opaque = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        ]
        return max(c.lightness() for c in opaque)

    theme.apply(app, theme.LIGHT)
    qtbot.waitUntil(lambda: ink() < 80)
    theme.apply(app, theme.DARK)
    qtbot.waitUntil(lambda: ink() > 180)


def test_a_broken_drill_catalogue_stops_the_app_naming_file_drill_and_field(
    qtbot: QtBot,
    app: QApplication,
    paths: DataPaths,
    exits: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hinge_desktop.domain import catalogue
    from hinge_desktop.ui.shell import wiring

    def broken() -> catalogue.Catalogue:
        raise catalogue.CatalogueError(
            "drills/dead-bug.toml", "dead-bug", "cues[0]", "'x' is empty"
        )

    # The assembler reads the catalogue that comes with Hinge when it builds the views.
    monkeypatch.setattr(wiring, "builtin_catalogue", broken)
    message = fatal_message(qtbot, paths, exits)
    assert "drill catalogue" in message
    assert "drills/dead-bug.toml: drill 'dead-bug': field 'cues[0]'" in message


def test_a_view_s_place_fills_nothing_the_window_has_filled(qapp: object) -> None:
    """The window paints its background once; a view's scroll area and what it holds do not
    paint it again (that would paint the whole view twice at each switch)."""
    from PySide6.QtWidgets import QLabel

    from hinge_desktop.ui.shell.view_place import ViewPlace

    view = QLabel("a view")
    place = ViewPlace(view)
    assert place.widget() is view
    assert not place.viewport().autoFillBackground()
    assert not view.autoFillBackground()
    place.deleteLater()


def test_a_staged_window_saves_nothing_until_its_folder_is_locked(
    qapp: object, tmp_path: Path
) -> None:
    """The outline Hinge paints first: closed before its chrome is built (or by a second Hinge
    that is refused the folder), it writes nothing to the folder's settings; once the folder is
    its own, it saves its place and view as any window does."""
    from hinge_desktop.ui.preferences import LAST_VIEW, WINDOW_GEOMETRY, Preferences
    from hinge_desktop.ui.shell.main_window import MainWindow

    preferences = Preferences(tmp_path / "settings.ini")
    preferences.set(LAST_VIEW, "history")
    early = MainWindow(preferences, staged=True)
    early.show()
    assert early.current_view() == "history"
    early.close()
    assert preferences.get(WINDOW_GEOMETRY) == WINDOW_GEOMETRY.default
    assert preferences.get(LAST_VIEW) == "history"

    window = MainWindow(preferences, staged=True)
    window.show()
    window.build_chrome()
    # Its chrome is laid out as it is built, so that its first paint is right.
    bar = window.statusBar()
    assert bar.isVisible()
    assert bar.width() == window.width()
    window.show_view("drills")
    window.allow_saving_state()
    window.close()
    assert preferences.get(LAST_VIEW) == "drills"
    assert preferences.get(WINDOW_GEOMETRY) != WINDOW_GEOMETRY.default
    for shown in (early, window):
        shown.deleteLater()
