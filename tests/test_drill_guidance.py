"""The drill pane beyond the steps: where to feel the drill, what to do if it hurts with the
drill to try instead as a link, the shared notes where they apply, and what Hinge adds to the
articles; all of it wrapping in the pane at every laptop size, light or dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hinge_window import HingeWindow
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.ui.library.drill_detail import DrillDetail
from hinge_desktop.ui.library.library_view import LibraryView
from hinge_desktop.ui.shell import theme


def plain(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return " ".join(document.toPlainText().replace("\u00a0", " ").split())


@pytest.fixture
def detail(qtbot: QtBot, catalogue: Catalogue) -> DrillDetail:
    widget = DrillDetail(catalogue)
    qtbot.addWidget(widget)
    widget.resize(640, 700)
    widget.show()
    return widget


def care(detail: DrillDetail) -> QLabel:
    return detail.findChild(QLabel, "drillCare")


def notes(detail: DrillDetail) -> QLabel:
    return detail.findChild(QLabel, "drillNotes")


def test_the_pane_says_where_to_feel_it_and_what_to_do_if_it_hurts(
    qtbot: QtBot, detail: DrillDetail, catalogue: Catalogue
) -> None:
    drill = catalogue.get("hip-thrust")
    detail.show_drill(drill)
    shown = plain(care(detail))
    assert shown.startswith("Feel it here")
    assert drill.feel in shown
    assert f"If it hurts {drill.if_it_hurts}" in shown
    # The drill to try instead is a link, as the neighbours are, and opens that drill.
    assert "Try instead: Glute bridge (glute activation)" in shown
    assert "href='drill:glute-bridge'" in care(detail).text()
    with qtbot.waitSignal(detail.neighbour_requested) as opened:
        care(detail).linkActivated.emit("drill:glute-bridge")
    assert opened.args == ["glute-bridge"]


def test_a_first_drill_offers_nothing_instead_and_says_to_get_it_checked(
    detail: DrillDetail, catalogue: Catalogue
) -> None:
    detail.show_drill(catalogue.get("glute-bridge"))
    shown = plain(care(detail))
    assert "get it checked" in shown
    assert "Try instead" not in shown
    assert "drill:" not in care(detail).text()


def test_what_hinge_adds_closes_the_page(detail: DrillDetail, catalogue: Catalogue) -> None:
    drill = catalogue.get("band-good-morning")
    detail.show_drill(drill)
    shown = plain(notes(detail))
    assert shown.startswith("Added by Hinge")
    for item in drill.added:
        assert item in shown
    # The notes are not shown where they do not apply.
    assert "Breathe out, then brace" not in shown
    assert "After a pregnancy" not in shown
    assert "Your first load" not in shown


def test_a_loaded_drill_shows_how_to_choose_its_first_load(
    detail: DrillDetail, catalogue: Catalogue
) -> None:
    detail.show_drill(catalogue.get("romanian-deadlift"))
    shown = plain(notes(detail))
    first_load = catalogue.notes["first-load"]
    assert shown.startswith(first_load.title)
    for step in first_load.steps:
        assert step in shown
    assert first_load.added[0] in shown


def test_the_breathing_sequence_and_its_sources_are_shown_where_it_applies(
    detail: DrillDetail, catalogue: Catalogue
) -> None:
    drill = catalogue.get("kettlebell-deadlift-block")
    detail.show_drill(drill)
    shown = plain(notes(detail))
    breathing = catalogue.notes["breathing"]
    at = shown.index(breathing.title)
    for step in breathing.steps:
        assert step in shown
    assert "From: Hip hinge: lift with your legs, not with your back" in shown
    assert breathing.added[0] in shown
    # Then the notes after a pregnancy, then what the page adds.
    page_adds = shown.index("Added by Hinge The articles this page comes from")
    assert at < shown.index("After a pregnancy") < page_adds


def test_nothing_is_left_from_the_drill_before(detail: DrillDetail, catalogue: Catalogue) -> None:
    detail.show_drill(catalogue.get("kettlebell-deadlift"))
    detail.show_drill(None)
    assert not detail.findChild(QFrame, "drillCareBox").isVisibleTo(detail)
    assert not notes(detail).isVisibleTo(detail)
    assert care(detail).text() == notes(detail).text() == ""


@pytest.fixture
def palette_back() -> Iterator[None]:
    yield
    theme.apply(QApplication.instance(), theme.LIGHT)  # type: ignore[arg-type]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def right_edge(widget: QWidget, within: QWidget) -> int:
    return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size()).right()


@pytest.mark.usefixtures("palette_back")
@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
@pytest.mark.parametrize(
    "size",
    [QSize(1280, 800), QSize(1280, 720), QSize(1024, 600)],
    ids=lambda s: f"{s.width()}x{s.height()}",
)
def test_the_new_parts_wrap_inside_the_pane(
    qtbot: QtBot, hinge: HingeWindow, catalogue: Catalogue, scheme: str, size: QSize
) -> None:
    theme.apply(QApplication.instance(), scheme)  # type: ignore[arg-type]
    hinge.show("drills")
    hinge.window.resize(size)
    settle()
    library = hinge.window.view("drills")
    assert isinstance(library, LibraryView)
    pane = hinge.widget(QWidget, "drillDetail")
    area = pane.findChild(QScrollArea)
    page = area.widget()
    for drill_id in ("kettlebell-deadlift-block", "hinge-first-squat", "aslr-distraction-test"):
        library.drills.select_drill(drill_id)
        settle()
        assert area.horizontalScrollBar().maximum() == 0, drill_id
        box = hinge.widget(QFrame, "drillCareBox")
        parts = [box, hinge.widget(QLabel, "drillBody"), hinge.widget(QLabel, "drillNotes")]
        for part in parts:
            assert part.isVisibleTo(pane), (drill_id, part.objectName())
            assert right_edge(part, page) <= area.viewport().width(), drill_id
        # One below the other, in that order: the care box, the steps, the notes.
        tops = [part.mapTo(page, QPoint(0, 0)).y() for part in parts]
        assert tops == sorted(tops)
        assert tops[1] >= tops[0] + box.height()
        # The link to the drill to try instead is there in either colour scheme.
        if catalogue.get(drill_id).regression is not None:
            assert "Try instead" in plain(hinge.widget(QLabel, "drillCare")), drill_id
