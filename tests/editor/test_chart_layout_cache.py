"""The chart's remembered line breaks and widths (chart_layout._LINES, _WIDTHS) and the PNG writer
fed row by row: the same layout and the same pixels as without them, each label broken once for
the two charts of a tracked-changes document, and the caches bounded."""
from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from editor.export import chart_layout
from editor.export.chart_layout import clear_layout_caches, layout_chart
from editor.export.chart_paint import png_bytes
from schema.fileio import load_plan
from tests.paths import SAMPLE


def geometry(layout) -> list[tuple]:
    return [(b.role, b.rect.getRect(), b.text, [(line.text, line.origin.x(), line.origin.y(), line.width) for line in b.lines])
            for b in layout.boxes]


def counting_break_lines(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = chart_layout.break_lines

    def counting(text, *args, **kwargs):
        if text not in chart_layout.ROW_TITLES:  # the row headers (施政目標 …) are wrapped as before, uncached
            calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(chart_layout, "break_lines", counting)
    return calls


def test_a_second_layout_of_the_same_labels_breaks_no_line_again_and_is_the_same(qapp, monkeypatch):
    plan = load_plan(SAMPLE)
    clear_layout_caches()
    calls = counting_break_lines(monkeypatch)
    first = layout_chart(plan)
    texts = {(b.role, b.text) for b in first.boxes if b.role != "header"}
    assert len(calls) == len(texts) == 35  # the title, the goals, 8 focus areas, 25 distinct labels of 28 strategies
    amended = plan.model_copy(deep=True)  # as the two charts of a tracked document: one label changed
    amended.draft.content.focus.focus_areas[0].strategies[0].chart_label = "招商引資新標籤"
    layout_chart(amended)
    # only the changed label was broken again, and the title: an edited draft is titled （修正草案） (rules.draft_label)
    assert calls[35:] == ["高雄市政府108至111年度中程施政計畫理念架構圖（修正草案）", "招商引資新標籤"]
    again = layout_chart(plan)
    assert geometry(again) == geometry(first) and len(calls) == 37
    clear_layout_caches()
    assert geometry(layout_chart(plan)) == geometry(first)  # from nothing: the same layout
    assert len(calls) == 37 + 35


def test_the_caches_start_again_past_their_limit(qapp, monkeypatch):
    monkeypatch.setattr(chart_layout, "_CACHE_LIMIT", 5)
    clear_layout_caches()
    plan = load_plan(SAMPLE)
    layout = layout_chart(plan)
    assert len(chart_layout._LINES) <= 5
    assert all(len(widths) <= 5 for widths in chart_layout._WIDTHS.values())
    monkeypatch.undo()
    clear_layout_caches()
    assert geometry(layout_chart(plan)) == geometry(layout)


def test_png_bytes_hold_exactly_the_image_s_pixels_whatever_its_row_padding():
    for width in (1, 5, 7, 64):  # 3 × 5 = 15 bytes a row in a 16-byte stride, and so on
        image = QImage(width, 3, QImage.Format.Format_RGB32)
        for x in range(width):
            for y in range(3):
                image.setPixelColor(x, y, QColor((x * 37) % 256, (y * 91) % 256, (x * y * 13) % 256))
        decoded = QImage.fromData(png_bytes(image), "PNG").convertToFormat(QImage.Format.Format_RGB32)
        assert (decoded.width(), decoded.height()) == (width, 3)
        assert [decoded.pixel(x, y) for x in range(width) for y in range(3)] == [image.pixel(x, y) for x in range(width) for y in range(3)]
