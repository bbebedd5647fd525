"""File → Import's preview is right by default: the unit of weights a file does not give is the
one the numbers tell, chosen beforehand with the reason beside it; when they do not tell, no
unit is chosen and Import waits, saying why, until the person picks one. A file Excel saved on
Windows reads with its accents and says how it was read, and a full disk is one plain line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot
from test_import_dialog import Hinge, label
from test_import_units import LB_DAY, UNCLEAR_DAY, strong_rows

from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.importing import prepare


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def hinge(qtbot: QtBot, data_dir: Path) -> Iterator[Hinge]:
    app = Hinge(qtbot, data_dir)
    yield app
    app.close()


def strong_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "strong.csv"
    path.write_bytes(text.encode(encoding))
    return path


def stored(hinge: Hinge, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in hinge.store.db.execute(sql).fetchall()]


def test_the_guess_is_chosen_and_says_why(hinge: Hinge, tmp_path: Path) -> None:
    dialog = hinge.preview(strong_file(tmp_path, strong_rows(LB_DAY)))

    assert dialog.unit_box.isVisibleTo(dialog)
    assert dialog.unit_box.currentData() == "lb"
    assert label(dialog, "importUnitReason") == (
        "Guessed from the numbers: barbell loads are a 45 lb bar and pairs of plates: "
        "135, 185, 225…"
    )
    assert dialog.import_button.isEnabled()

    hinge.qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    hinge.qtbot.waitUntil(lambda: hinge.sets() == 15)
    assert stored(hinge, "SELECT DISTINCT unit FROM sets") == [("lb",)]


def test_numbers_that_do_not_tell_leave_the_unit_to_the_person(
    hinge: Hinge, tmp_path: Path
) -> None:
    dialog = hinge.preview(strong_file(tmp_path, strong_rows(UNCLEAR_DAY)))

    assert dialog.unit_box.currentIndex() == -1, "nothing chosen for the person"
    assert dialog.chosen_unit() is None
    assert dialog.unit_box.placeholderText() == "Choose kg or lb"
    assert label(dialog, "importUnitReason").startswith(
        "The file does not say, and the numbers do not tell: the weights (50, 65, 80…)"
    )
    assert not dialog.import_button.isEnabled()
    assert label(dialog, "importVerdict") == (
        "Import waits until you choose kg or lb for the weights."
    )
    dialog.start_import()
    assert not dialog.is_storing()

    with hinge.qtbot.waitSignal(dialog.prepared_shown):
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("lb"))

    assert dialog.import_button.isEnabled()
    assert label(dialog, "importUnitReason").startswith("Your choice: the numbers do not tell")
    assert not dialog.findChild(type(dialog.verdict), "importVerdict").isVisibleTo(dialog)
    with hinge.qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert stored(hinge, "SELECT unit, count(*) FROM sets GROUP BY unit") == [("lb", 12)]


def test_choosing_against_the_guess_says_what_the_numbers_said(
    hinge: Hinge, tmp_path: Path
) -> None:
    dialog = hinge.preview(strong_file(tmp_path, strong_rows(LB_DAY)))

    with hinge.qtbot.waitSignal(dialog.prepared_shown):
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("kg"))

    assert dialog.chosen_unit() is Unit.KG
    assert label(dialog, "importUnitReason").startswith(
        "Your choice; the numbers suggested lb: barbell loads are a 45 lb bar"
    )
    dialog.reject()


def test_a_windows_1252_file_reads_with_its_accents_and_says_so(
    hinge: Hinge, tmp_path: Path
) -> None:
    text = strong_rows([("Soulevé de terre", 62.5), ("Soulevé de terre", 67.5)], days=1)
    text = text.replace(",,,\n", ',"C\u2019était dur, genou à plat",,\n', 1)
    path = strong_file(tmp_path, text, "cp1252")

    dialog = hinge.preview(path)

    assert label(dialog, "importEncoding") == "Windows-1252: the file is not UTF-8"
    with hinge.qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert stored(hinge, "SELECT name FROM custom_drills") == [("Soulevé de terre",)]
    assert stored(hinge, "SELECT note FROM sets ORDER BY id") == [
        ("C\u2019était dur, genou à plat",),
        ("",),
    ]


def test_a_utf8_file_does_not_speak_of_its_encoding(hinge: Hinge, tmp_path: Path) -> None:
    dialog = hinge.preview(strong_file(tmp_path, strong_rows(LB_DAY)))

    assert not dialog.encoding_label.isVisibleTo(dialog)
    dialog.reject()


def test_a_full_disk_is_one_plain_line_and_nothing_is_imported(
    hinge: Hinge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(prepare, "write_import", full)
    dialog = hinge.preview(strong_file(tmp_path, strong_rows(LB_DAY)))

    dialog.import_button.click()
    hinge.qtbot.waitUntil(lambda: not dialog.is_storing())

    assert label(dialog, "importStoring") == "Nothing was imported: the disk is full."
    assert dialog.import_button.isEnabled(), "the person may try again"
    assert hinge.sets() == 0
    dialog.reject()
