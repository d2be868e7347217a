"""The framework chart (架構圖) as geometry: computed once, painted anywhere (see chart_paint).

Rows, as in the published chart, each with its header at the left:

    施政目標 (goals)        one box listing the goals
    施政重點 (focus areas)  one column per focus area
    推動策略 (strategies)   under each focus area, a box per strategy (its chart label, else its title)

Units are typographic points (1/72 in); fonts are sized in the same units (pixel size), so the
layout measured here paints identically on an SVG generator, a PDF writer or an image once the
painter is scaled. Nothing depends on a widget: the editor's preview paints the same object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from editor.export.chart_data import ChartColumn as ChartColumn
from editor.export.chart_data import ChartData as ChartData
from editor.export.chart_data import chart_data as chart_data
from editor.export.chart_data import chart_title as chart_title
from editor.export.fonts import choose_chart_family, ensure_gui_application
from editor.export.line_breaking import break_lines

if TYPE_CHECKING:  # the models (pydantic) are not imported by the child process that paints the chart (chart_picture)
    from schema.model import PlanDocument, Revision

A4_LANDSCAPE_WIDTH = 842.0  # points; the chart is laid out to fill this width when it can

MARGIN = 24.0
HEADER_WIDTH = 52.0  # the row headers (施政/目標), two characters wide
HEADER_GAP = 14.0
COLUMN_GAP = 12.0
MIN_COLUMN_WIDTH = 118.0
ROW_GAP = 30.0  # vertical room for connectors between rows
TITLE_GAP = 14.0
STRATEGY_GAP = 7.0
SPINE_INSET = 9.0  # the vertical connector of a column, from the column's left edge
STRATEGY_INSET = 16.0  # strategy boxes start right of the spine
PADDING = {"title": 0.0, "header": 8.0, "goals": 10.0, "focus": 8.0, "strategy": 4.0}
FONT_SIZES = {"title": 20, "header": 16, "goals": 15, "focus": 16, "strategy": 12}
BOLD = {"title": True, "header": True, "goals": False, "focus": True, "strategy": False}
ROW_TITLES = ("施政目標", "施政重點", "推動策略")



@dataclass
class TextLine:
    text: str
    origin: QPointF  # the baseline's left end
    width: float


@dataclass
class ChartBox:
    role: str  # title | header | goals | focus | strategy
    rect: QRectF
    text: str
    lines: list[TextLine] = field(default_factory=list)
    node_id: str | None = None


@dataclass
class ChartLayout:
    width: float
    height: float
    family: str
    fonts: dict[str, QFont]
    boxes: list[ChartBox]
    connectors: list[list[QPointF]]  # polylines
    data: ChartData

    def size(self):
        from PySide6.QtCore import QSizeF

        return QSizeF(self.width, self.height)

    def box_at(self, point: QPointF) -> ChartBox | None:
        """The box under a point in layout units (for the editor's preview: click to select)."""
        for box in self.boxes:
            if box.rect.contains(point):
                return box
        return None


def make_fonts(family: str) -> dict[str, QFont]:
    fonts = {}
    for role, size in FONT_SIZES.items():
        font = QFont(family)
        font.setPixelSize(size)
        font.setBold(BOLD[role])
        # Unhinted metrics scale linearly, so text measured here fits at any zoom or resolution.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        fonts[role] = font
    return fonts


def cached_advance(metrics: QFontMetricsF, cache: dict[str, float] | None = None):
    """``metrics.horizontalAdvance`` remembered per piece of text (in ``cache`` when given): labels
    share words and characters."""
    cache = {} if cache is None else cache
    measure = metrics.horizontalAdvance

    def advance(text: str) -> float:
        value = cache.get(text)
        if value is None:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            value = cache[text] = measure(text)
        return value

    return advance


# Widths and broken lines, remembered for the process per font family and role: the tracked
# document lays out two charts that share most labels, and the editor's preview lays the chart out
# again after each edit. Bounded: a cache past _CACHE_LIMIT entries starts again.
_CACHE_LIMIT = 50_000
_WIDTHS: dict[tuple[str, str], dict[str, float]] = {}
_LINES: dict[tuple, list[str]] = {}


def clear_layout_caches() -> None:
    """Forget every remembered width and line break (benchmarks time a first layout with it)."""
    _WIDTHS.clear()
    _LINES.clear()


def wrap(text: str, metrics: QFontMetricsF, width: float, *, units: list[str] | None = None) -> list[str]:
    """Break ``text`` into the fewest lines no wider than ``width``, at punctuation or between words
    (``editor.export.line_breaking``); ``units`` (e.g. the goals, each with its 、) stay whole when they fit."""
    return break_lines(text, cached_advance(metrics), width, units=units, balance=False)


class _Builder:
    def __init__(self, data: ChartData, family: str, min_width: float):
        self.data = data
        self.family = family
        self.fonts = make_fonts(family)
        self.metrics = {role: QFontMetricsF(font) for role, font in self.fonts.items()}
        self.advance = {role: cached_advance(m, _WIDTHS.setdefault((family, role), {})) for role, m in self.metrics.items()}
        self.min_width = min_width
        self.boxes: list[ChartBox] = []
        self.connectors: list[list[QPointF]] = []

    def lines(self, role: str, text: str, width: float, units: list[str] | None = None) -> list[str]:
        """``break_lines`` of ``text`` in ``role``'s font, remembered (see _LINES)."""
        key = (self.family, role, width, text, tuple(units) if units is not None else None)
        lines = _LINES.get(key)
        if lines is None:
            if len(_LINES) >= _CACHE_LIMIT:
                _LINES.clear()
            lines = _LINES[key] = break_lines(text, self.advance[role], width, units=units)
        return list(lines)

    def line_height(self, role: str) -> float:
        return self.metrics[role].height() * (1.15 if role in ("strategy", "goals") else 1.05)

    def text_height(self, role: str, count: int) -> float:
        return count * self.line_height(role) + 2 * PADDING[role]

    def place_text(self, box: ChartBox, lines: list[str], align: str = "center") -> None:
        metrics = self.metrics[box.role]
        pad = PADDING[box.role]
        lh = self.line_height(box.role)
        block = len(lines) * lh
        top = box.rect.top() + (box.rect.height() - block) / 2
        for i, text in enumerate(lines):
            width = self.advance[box.role](text)
            if align == "left":
                x = box.rect.left() + pad
            else:
                x = box.rect.left() + (box.rect.width() - width) / 2
            baseline = top + i * lh + (lh - metrics.height()) / 2 + metrics.ascent()
            box.lines.append(TextLine(text, QPointF(x, baseline), width))

    def add_box(self, role, rect, text, lines, node_id=None, align="center") -> ChartBox:
        box = ChartBox(role, rect, text, node_id=node_id)
        self.place_text(box, lines, align)
        self.boxes.append(box)
        return box

    def header(self, title: str, top: float, height: float) -> None:
        m = self.metrics["header"]
        two_chars = m.horizontalAdvance(title[:2]) + 0.5
        lines = wrap(title, m, max(two_chars, HEADER_WIDTH - 2 * PADDING["header"]))
        self.add_box("header", QRectF(MARGIN, top, HEADER_WIDTH, height), title, lines)

    def header_height(self, title: str) -> float:
        m = self.metrics["header"]
        lines = wrap(title, m, max(m.horizontalAdvance(title[:2]) + 0.5, HEADER_WIDTH - 2 * PADDING["header"]))
        return self.text_height("header", len(lines))

    def build(self) -> ChartLayout:
        data = self.data
        n = max(len(data.columns), 1)
        x0 = MARGIN + HEADER_WIDTH + HEADER_GAP
        content_w = max(self.min_width - x0 - MARGIN, n * MIN_COLUMN_WIDTH + (n - 1) * COLUMN_GAP)
        col_w = (content_w - (n - 1) * COLUMN_GAP) / n
        total_w = x0 + content_w + MARGIN
        col_x = [x0 + i * (col_w + COLUMN_GAP) for i in range(len(data.columns))]

        # Title, centred over the whole chart.
        y = MARGIN
        title_lines = self.lines("title", data.title, total_w - 2 * MARGIN)
        title_h = self.text_height("title", len(title_lines))
        self.add_box("title", QRectF(MARGIN, y, total_w - 2 * MARGIN, title_h), data.title, title_lines)
        y += title_h + TITLE_GAP

        # Row 1: the goals, one box, each goal kept whole on a line when it fits.
        goals = [g for _i, g in data.goals]
        goals_text = "、".join(goals)
        pad = PADDING["goals"]
        budget = max(content_w * 0.55, min(content_w, 260.0)) - 2 * pad
        units = [g + ("、" if i < len(goals) - 1 else "") for i, g in enumerate(goals)]
        goal_lines = self.lines("goals", goals_text, budget, units) if goals else [""]
        goals_w = max(self.advance["goals"](t) for t in goal_lines) + 2 * pad + 1.0
        goals_w = min(max(goals_w, min(content_w, 200.0)), content_w)
        row_h = max(self.text_height("goals", len(goal_lines)), self.header_height(ROW_TITLES[0]))
        goals_rect = QRectF(x0 + (content_w - goals_w) / 2, y, goals_w, row_h)
        self.header(ROW_TITLES[0], y, row_h)
        self.add_box("goals", goals_rect, goals_text, goal_lines)
        y += row_h + ROW_GAP

        # Row 2: one box per focus area, all of one height.
        focus_lines = [self.lines("focus", c.title, col_w - 2 * PADDING["focus"]) for c in data.columns]
        most = max((len(lines) for lines in focus_lines), default=1)
        row_h = max(self.text_height("focus", most), self.header_height(ROW_TITLES[1]))
        self.header(ROW_TITLES[1], y, row_h)
        focus_rects = []
        for col, x, lines in zip(data.columns, col_x, focus_lines):
            rect = QRectF(x, y, col_w, row_h)
            focus_rects.append(rect)
            self.add_box("focus", rect, col.title, lines, col.node_id)
        if focus_rects:  # goals → a bus → every focus area
            bus_y = goals_rect.bottom() + ROW_GAP / 2
            cx = goals_rect.center().x()
            self.connectors.append([QPointF(cx, goals_rect.bottom()), QPointF(cx, bus_y)])
            centres = [r.center().x() for r in focus_rects]
            self.connectors.append([QPointF(min(centres + [cx]), bus_y), QPointF(max(centres + [cx]), bus_y)])
            for c in centres:
                self.connectors.append([QPointF(c, bus_y), QPointF(c, y)])
        y += row_h + ROW_GAP

        # Row 3: under each focus area, a stack of strategy boxes hanging from a spine.
        top = y
        bottom = y + self.header_height(ROW_TITLES[2])
        inner = col_w - STRATEGY_INSET - 2 * PADDING["strategy"]
        for col, x, frect in zip(data.columns, col_x, focus_rects):
            sy = top
            mids = []
            for node_id, label in col.strategies:
                lines = self.lines("strategy", label, inner)
                h = self.text_height("strategy", len(lines))
                rect = QRectF(x + STRATEGY_INSET, sy, col_w - STRATEGY_INSET, h)
                self.add_box("strategy", rect, label, lines, node_id, align="left")
                mids.append(rect.center().y())
                sy += h + STRATEGY_GAP
            bottom = max(bottom, sy - STRATEGY_GAP)
            spine = x + SPINE_INSET
            if mids:
                self.connectors.append([QPointF(spine, frect.bottom()), QPointF(spine, mids[-1])])
                for mid in mids:
                    self.connectors.append([QPointF(spine, mid), QPointF(x + STRATEGY_INSET, mid)])
        self.header(ROW_TITLES[2], top, bottom - top)
        total_h = bottom + MARGIN
        return ChartLayout(total_w, total_h, self.family, self.fonts, self.boxes, self.connectors, data)


def layout_chart(
    plan: PlanDocument | ChartData,
    revision: Revision | None = None,
    *,
    family: str | None = None,
    min_width: float = A4_LANDSCAPE_WIDTH,
) -> ChartLayout:
    """Lay out the chart of a revision (default: the working draft), or of ready ChartData.

    ``min_width`` is the width to fill (A4 landscape by default); the chart grows wider when the
    columns need it. Raises fonts.NoChineseFontError when no font can draw Chinese.
    """
    ensure_gui_application()
    data = plan if isinstance(plan, ChartData) else chart_data(plan, revision)
    return _Builder(data, family or choose_chart_family(), min_width).build()
