"""The calendar's squares: one per day, a column per week, the month and weekday labels, and a
dot on the days with an activation snack. Drawn once into a picture and copied to the screen
until the days, the size or the looks change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hinge_desktop.domain.statistics import calendar_levels, week_start
from hinge_desktop.ui.plurals import plural
from hinge_desktop.ui.widgets.colours import mix

WEEKS = 53
DAYS_PER_WEEK = 7
LEVELS = 4
PITCH = 14
"""Square plus gap, in logical pixels, at the calendar's preferred size (12 px squares)."""
MIN_PITCH = 10
"""The smallest the squares shrink to (8 px) when the room is short."""
LABEL_GAP = 4
LEVEL_STRENGTHS = (0.35, 0.6, 0.82, 1.0)
"""How far each level goes from the empty square's colour to the accent."""


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@dataclass(frozen=True)
class Geometry:
    """Where the squares are, for a given size and font: shared by painting and hit-testing."""

    left: int
    top: int
    pitch: int

    @property
    def cell(self) -> int:
        return self.pitch - self.gap

    @property
    def gap(self) -> int:
        return 3 if self.pitch >= 15 else 2

    def square(self, column: int, row: int) -> QRect:
        return QRect(
            self.left + column * self.pitch, self.top + row * self.pitch, self.cell, self.cell
        )

    def width(self) -> int:
        return self.left + WEEKS * self.pitch - self.gap

    def height(self) -> int:
        return self.top + DAYS_PER_WEEK * self.pitch - self.gap


_PICTURE_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
"""The calendar's pictures are images, not pixmaps: an image may outlive the application
(a widget freed late, as Python exits) where a pixmap must not."""

_REDRAWN_ON = frozenset(
    {
        QEvent.Type.PaletteChange,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LocaleChange,
        QEvent.Type.LanguageChange,
    }
)
"""What changes the calendar's looks (colours, labels) without changing its days or size."""


class DayGrid(QWidget):
    """The squares, month and weekday labels; tooltips name the day and its sets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistencyGrid")
        self.setAccessibleName(self.tr("Days trained, one square per day"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.day_counts: dict[date, int] = {}
        self.levels: dict[date, int] = {}
        self.snacks: dict[date, int] = {}
        self.today = datetime.now().astimezone().date()
        self._generation = 0
        self._picture = QImage()
        self._picture_key: object = None

    @property
    def first_day(self) -> date:
        """The Monday of the leftmost column: 52 weeks before this week's."""
        return week_start(self.today) - timedelta(weeks=WEEKS - 1)

    def show_days(
        self, day_counts: Mapping[date, int], today: date, snacks: Mapping[date, int]
    ) -> None:
        self.today = today
        self.snacks = {
            day: count for day, count in snacks.items() if self.first_day <= day <= today and count
        }
        shown = {
            day: count
            for day, count in day_counts.items()
            if self.first_day <= day <= today and count > 0
        }
        self.day_counts = shown
        self.levels = calendar_levels(shown, LEVELS)
        self._generation += 1
        self.update()

    # Geometry ---------------------------------------------------------------------------------

    def _label_room(self) -> tuple[int, int]:
        metrics = self.fontMetrics()
        weekday_width = max(
            metrics.horizontalAdvance(self.locale().dayName(day, QLocale.FormatType.ShortFormat))
            for day in (1, 3, 5)
        )
        return weekday_width + LABEL_GAP * 2, metrics.height() + LABEL_GAP

    def geometry_for(self, size: QSize) -> Geometry:
        left, top = self._label_room()
        by_width = (size.width() - left + 3) // WEEKS
        by_height = (size.height() - top + 3) // DAYS_PER_WEEK
        return Geometry(left, top, max(MIN_PITCH, min(PITCH, by_width, by_height)))

    def _hint_for(self, pitch: int) -> QSize:
        left, top = self._label_room()
        grid = Geometry(left, top, pitch)
        return QSize(grid.width(), grid.height())

    def sizeHint(self) -> QSize:
        return self._hint_for(PITCH)

    def minimumSizeHint(self) -> QSize:
        return self._hint_for(MIN_PITCH)

    def place(self, day: date) -> tuple[int, int]:
        offset = (day - self.first_day).days
        return offset // DAYS_PER_WEEK, offset % DAYS_PER_WEEK

    def day_at(self, pos: QPoint) -> date | None:
        """The day whose square, with the gap after it, is under ``pos``; None between days."""
        grid = self.geometry_for(self.size())
        x, y = pos.x() - grid.left, pos.y() - grid.top
        if x < 0 or y < 0:
            return None
        column, row = x // grid.pitch, y // grid.pitch
        if column >= WEEKS or row >= DAYS_PER_WEEK:
            return None
        day = self.first_day + timedelta(days=column * DAYS_PER_WEEK + row)
        return day if day <= self.today else None

    def square_of(self, day: date) -> QRect:
        column, row = self.place(day)
        return self.geometry_for(self.size()).square(column, row)

    # Text -------------------------------------------------------------------------------------

    def tooltip_for(self, day: date) -> str:
        shown = self.locale().toString(qdate(day), "ddd d MMM yyyy")
        count = self.day_counts.get(day, 0)
        if count <= 0:
            return self.tr("{date}: no training").format(date=shown)
        text = plural(self.tr("{date}: %n set(s)", None, count), count)
        text = text.replace("%n", self.locale().toString(count)).format(date=shown)
        snacks = self.snacks.get(day, 0)
        if snacks:
            eaten = plural(self.tr("%n activation snack(s)", None, snacks), snacks)
            text += " · " + eaten.replace("%n", self.locale().toString(snacks))
        return text

    def event(self, event: QEvent) -> bool:
        if event.type() in _REDRAWN_ON:
            self._picture_key = None  # colours, font or words changed: drawn again
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(day), self)
            return True
        return super().event(event)

    # Painting ---------------------------------------------------------------------------------

    def colours(self) -> tuple[QColor, list[QColor]]:
        """The empty square's colour and one per level, from the palette: light and dark work."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Window)
        foreground = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Accent)
        empty = mix(background, foreground, 0.09)
        if background.lightnessF() < 0.5:
            # On a dark background the busiest days should be the brightest.
            accent = mix(accent, QColor("#ffffff"), 0.15)
        return empty, [mix(empty, accent, strength) for strength in LEVEL_STRENGTHS]

    def _stamp(self, cell: int, radius: float, colour: QColor) -> QImage:
        """One rounded square of ``colour``, to copy onto every day of its level: copying a
        small picture 371 times is many times faster than filling as many rounded shapes."""
        ratio = self.devicePixelRatioF()
        stamp = QImage(round(cell * ratio), round(cell * ratio), _PICTURE_FORMAT)
        stamp.setDevicePixelRatio(ratio)
        stamp.fill(Qt.GlobalColor.transparent)
        painter = QPainter(stamp)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, cell, cell), radius, radius)
        painter.end()
        return stamp

    def paintEvent(self, event: QPaintEvent) -> None:
        """The calendar as last drawn, unless the days, the size or the looks changed since:
        a year of rounded squares takes milliseconds to fill, a picture of them none."""
        ratio = self.devicePixelRatioF()
        key = (self.size(), ratio, self.today, self._generation)
        if self._picture_key != key:
            picture = QImage(self.size() * ratio, _PICTURE_FORMAT)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            drawing = QPainter(picture)
            drawing.setFont(self.font())
            self._draw(drawing)
            self._picture, self._picture_key = picture, key
        painter = QPainter(self)
        painter.drawImage(0, 0, self._picture)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        grid = self.geometry_for(self.size())
        empty, level_colours = self.colours()
        radius = max(1.5, grid.cell / 5)
        stamps = [self._stamp(grid.cell, radius, colour) for colour in (empty, *level_colours)]
        first = self.first_day
        for offset in range((self.today - first).days + 1):
            level = self.levels.get(first + timedelta(days=offset), 0)
            square = grid.square(offset // DAYS_PER_WEEK, offset % DAYS_PER_WEEK)
            painter.drawImage(square.topLeft(), stamps[level])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_snacks(painter, grid)
        today_square = QRectF(grid.square(*self.place(self.today))).adjusted(0.5, 0.5, -0.5, -0.5)
        outline = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        outline.setAlphaF(0.55)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(today_square, radius, radius)
        self._paint_labels(painter, grid)
        painter.end()

    def _paint_snacks(self, painter: QPainter, grid: Geometry) -> None:
        """A dot in the middle of each day with an activation snack, in the page's colour, so
        it reads on every level's square."""
        if not self.snacks:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Window))
        radius = max(1.5, grid.cell / 6)
        for day in self.snacks:
            centre = QRectF(grid.square(*self.place(day))).center()
            painter.drawEllipse(centre, radius, radius)

    def _paint_labels(self, painter: QPainter, grid: Geometry) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        metrics = QFontMetrics(self.font())
        locale = self.locale()
        for row, weekday in ((0, 1), (2, 3), (4, 5)):
            square = grid.square(0, row)
            text_rect = QRect(0, square.top(), grid.left - LABEL_GAP * 2, square.height())
            painter.drawText(
                text_rect.adjusted(0, -4, 0, 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                locale.dayName(weekday, QLocale.FormatType.ShortFormat),
            )
        right_edge = grid.width()
        last_end = -1
        for column, month in self.month_starts():
            text = locale.monthName(month, QLocale.FormatType.ShortFormat)
            width = metrics.horizontalAdvance(text)
            x = min(grid.left + column * grid.pitch, right_edge - width)
            if x < last_end + LABEL_GAP * 2:
                continue
            painter.drawText(x, metrics.ascent(), text)
            last_end = x + width

    def month_starts(self) -> list[tuple[int, int]]:
        """(column, month) for each column whose Monday is the first Monday of a month.

        The leftmost column is labelled only when its month has at least three columns on show,
        so a sliver of a month does not crowd the next label.
        """
        starts: list[tuple[int, int]] = []
        for column in range(WEEKS):
            monday = self.first_day + timedelta(weeks=column)
            if monday.day <= DAYS_PER_WEEK:
                starts.append((column, monday.month))
        first_month = self.first_day.month
        if not starts or starts[0][0] >= 3:
            starts.insert(0, (0, first_month))
        return starts
