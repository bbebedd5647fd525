"""How History → Progress is laid out: the choosers above, the chart with its range buttons and
read-out in the middle beside the records and the ladder's timeline, the calendar below; and the
page shown while nothing is logged."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.training import Unit
from hinge_desktop.ui.history.range_buttons import RangeButtons
from hinge_desktop.ui.widgets.empty_state import EmptyState
from hinge_desktop.ui.widgets.up_and_down import up_and_down


def _t(text: str) -> str:
    return QCoreApplication.translate("ProgressView", text)


def metric_chooser() -> QComboBox:
    """What to chart (``historyMetric``), filled with the metrics of the drill shown."""
    box = QComboBox()
    box.setObjectName("historyMetric")
    box.setAccessibleName(_t("What to chart"))
    box.setMinimumContentsLength(16)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


def unit_chooser(unit: Unit) -> QComboBox:
    """The weight unit (``historyUnit``), on ``unit``."""
    box = QComboBox()
    box.setObjectName("historyUnit")
    box.setAccessibleName(_t("Weight unit"))
    box.addItem(_t("kg"), Unit.KG.value)
    box.addItem(_t("lb"), Unit.LB.value)
    box.setCurrentIndex(box.findData(unit.value))
    return box


def toolbar(
    drill_box: QComboBox, metric_box: QComboBox, unit_box: QComboBox, export_button: QPushButton
) -> QHBoxLayout:
    """The drill and what to chart on the left; the unit and the export on the right."""
    bar = QHBoxLayout()
    bar.setSpacing(8)
    for text, box in ((_t("&Drill"), drill_box), (_t("C&hart"), metric_box)):
        label = QLabel(text)
        label.setBuddy(box)
        bar.addWidget(label)
        bar.addWidget(box)
    bar.addStretch(1)
    unit_label = QLabel(_t("&Weights in"))
    unit_label.setBuddy(unit_box)
    bar.addWidget(unit_label)
    bar.addWidget(unit_box)
    bar.addWidget(export_button)
    return bar


SIDE_WIDTH = 270
"""The records and the ladder's timeline beside the chart."""


def range_bar(readout: QLabel, ranges: RangeButtons) -> QHBoxLayout:
    """The read-out on the left, the range buttons on the right, just above the chart.

    A long read-out is cut short rather than widening the page."""
    bar = QHBoxLayout()
    bar.setSpacing(4)
    readout.setMinimumWidth(60)
    readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    bar.addWidget(readout, 1)
    for button in ranges.buttons():
        bar.addWidget(button)
    return bar


def content_page(
    top: QHBoxLayout,
    above_chart: QHBoxLayout,
    chart: QWidget,
    side_panels: tuple[QWidget, ...],
    calendar: QWidget,
) -> QWidget:
    """The page of a log with sets in it: ``top`` bar, then the chart (``above_chart`` over
    it) beside the ``side_panels``, then the ``calendar``.

    The side panels scroll when the window is short, so the chart keeps its room and the page
    fits a small screen."""
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(12, 10, 12, 8)
    outer.setSpacing(8)
    outer.addLayout(top)
    middle = QHBoxLayout()
    middle.setSpacing(12)
    chart_column = QVBoxLayout()
    chart_column.setSpacing(2)
    chart_column.addLayout(above_chart)
    chart_column.addWidget(chart, 1)
    middle.addLayout(chart_column, 1)
    side = QVBoxLayout()
    side.setSpacing(10)
    for panel in side_panels:
        side.addWidget(panel)
    side.addStretch(1)
    side_widget = QWidget()
    side_widget.setLayout(side)
    side.setContentsMargins(0, 0, 0, 0)
    middle.addWidget(_scrolling(side_widget, SIDE_WIDTH))
    outer.addLayout(middle, 1)
    calendar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    outer.addWidget(calendar)
    return page


def _scrolling(content: QWidget, width: int) -> QScrollArea:
    """``content`` in a frameless column ``width`` wide that scrolls up and down when short."""
    area = up_and_down(content, "historySidePanels")
    area.setFixedWidth(width)
    area.setMinimumHeight(120)
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return area


def empty_page(choose_drill: SignalInstance) -> EmptyState:
    """What History → Progress says before anything is logged, with a way to start."""
    button = QPushButton(_t("Choose a drill"))
    button.setObjectName("historyStartButton")
    button.clicked.connect(choose_drill)
    page = EmptyState(
        "history",
        _t("Your progress will show here"),
        _t(
            "Log your first set and Hinge draws your reps, holds and loads per drill, "
            "your weekly totals, a calendar of the days you trained and your personal "
            "records. Pick a drill to begin; one click logs each set."
        ),
        action=button,
    )
    page.setObjectName("historyEmpty")
    return page
