"""The framework chart (架構圖) preview: the working draft's chart, painted live in a dock.

It paints the very layout the exports write (``editor.export.chart_layout.layout_chart`` and
``chart_paint.paint_chart``), scaled to fit the dock, so what the user sees is what the Word
document and the SVG/PNG/PDF files will show. Laying out a chart takes time on a big plan, so
the preview lays it out again only while it is visible and :data:`DELAY_MS` after the last
edit; a hidden preview just remembers that it is out of date and catches up when shown.

A click on a focus area or strategy box emits :attr:`ChartPreview.node_selected` (the window
selects that node in the tree); the current node's box is outlined.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from editor.export.chart_layout import ChartLayout, layout_chart
from editor.export.chart_paint import paint_chart
from editor.export.fonts import NoChineseFontError
from editor.ui.i18n import translate
from editor.ui.lazy_refresh import LazyRefresh
from schema.document import Document
from schema.document_listeners import OnChange
from schema.model import PlanDocument

DELAY_MS = 300  # after the last edit: a typing burst is laid out once
MARGIN_PX = 8
HIGHLIGHT = "#d83b01"


class ChartPreview(QWidget):
    node_selected = Signal(str)  # a focus area or strategy box was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartPreview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#e8e8e8"))  # the white chart stands out as a page
        self.setPalette(palette)
        self.plan: PlanDocument | None = None
        self.layout_: ChartLayout | None = None
        self.problem = ""  # one sentence when the chart cannot be drawn (no Chinese font)
        self.current_id: str | None = None
        self.layouts_made = 0  # how many times the chart was laid out (the tests check the laziness)
        self._document: Document | None = None
        self._watcher = OnChange(self.refresh)
        self._refresh = LazyRefresh(self, self.update_now, DELAY_MS)

    # --- what the window calls ----------------------------------------------------------------
    def set_plan(self, plan: PlanDocument, document: Document | None = None) -> None:
        """Show the chart of ``plan``'s working draft; with ``document``, every edit of it refreshes the chart."""
        self._watcher.watch(document)
        self._document = document
        self.plan = plan
        self.layout_ = None
        self.current_id = None
        self.refresh()
        self.update()

    def refresh(self) -> None:
        """The plan changed: lay the chart out again soon, if the preview is visible."""
        self._refresh.request()

    def update_now(self) -> None:
        self._refresh.done()
        if self.plan is None:
            return
        self._refresh.stale = False
        try:
            self.layout_ = layout_chart(self.plan, None)
            self.problem = ""
        except NoChineseFontError:  # the font, in the interface's language (the exception's sentence is the CLI's)
            self.layout_ = None
            self.problem = translate("chart", "沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、"
                                              "AR PL UKai TW（Debian：fonts-arphic-ukai）或 Noto CJK TC（fonts-noto-cjk）。")
        self.layouts_made += 1
        self.update()

    def chart_layout(self) -> ChartLayout | None:
        """The layout painted now (None before the first layout or when it cannot be drawn)."""
        return self.layout_

    def is_stale(self) -> bool:
        """True while an edit has not been laid out yet (the preview is hidden or waiting for the pause)."""
        return self._refresh.stale

    def set_current(self, node_id: str | None) -> None:
        """Outline the box of this node (the tree's current node), if the chart has one."""
        if node_id != self.current_id:
            self.current_id = node_id
            self.update()

    # --- geometry -------------------------------------------------------------------------------
    def chart_rect(self) -> QRectF:
        """Where the chart is painted, in widget coordinates (scaled to fit, centred)."""
        layout = self.layout_
        area = QRectF(self.rect()).adjusted(MARGIN_PX, MARGIN_PX, -MARGIN_PX, -MARGIN_PX)
        if layout is None or area.width() <= 0 or area.height() <= 0:
            return QRectF()
        scale = self.scale()
        w, h = layout.width * scale, layout.height * scale
        return QRectF(area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h)

    def scale(self) -> float:
        layout = self.layout_
        area = QRectF(self.rect()).adjusted(MARGIN_PX, MARGIN_PX, -MARGIN_PX, -MARGIN_PX)
        if layout is None or area.width() <= 0 or area.height() <= 0:
            return 0.0
        return min(area.width() / layout.width, area.height() / layout.height)

    def box_at(self, pos: QPointF):
        """The chart box under a widget position, or None."""
        rect, scale = self.chart_rect(), self.scale()
        if self.layout_ is None or scale <= 0 or not rect.contains(pos):
            return None
        return self.layout_.box_at(QPointF((pos.x() - rect.left()) / scale, (pos.y() - rect.top()) / scale))

    # --- Qt events ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(520, 380)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(160, 120)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        try:
            if self.layout_ is None:
                painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
                text = self.problem or translate("chart", "正在繪製架構圖…")
                painter.drawText(QRectF(self.rect()).adjusted(12, 12, -12, -12),
                                 int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
                return
            target = self.chart_rect()
            paint_chart(painter, self.layout_, target)
            box = next((b for b in self.layout_.boxes if self.current_id and b.node_id == self.current_id), None)
            if box is not None:
                scale = self.scale()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setPen(QPen(QColor(HIGHLIGHT), 2.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                r = box.rect
                painter.drawRoundedRect(QRectF(target.left() + r.left() * scale, target.top() + r.top() * scale,
                                               r.width() * scale, r.height() * scale).adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4)
        finally:
            painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt name
        box = self.box_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and box is not None and box.node_id:
            self.node_selected.emit(box.node_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt name
        # The chart is often drawn small in a dock: the box under the pointer says its text in full.
        box = self.box_at(event.position())
        if box is not None and box.text:
            QToolTip.showText(event.globalPosition().toPoint(), box.text, self)
        else:
            QToolTip.hideText()
        self.setCursor(Qt.CursorShape.PointingHandCursor if box is not None and box.node_id else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)
