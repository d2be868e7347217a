"""The framework chart (架構圖): layout geometry for any counts, painting, SVG/PNG/PDF files."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from editor import cli
from editor.export import chart_layout
from editor.export.chart_layout import PADDING, ChartColumn, ChartData, chart_data, chart_title, layout_chart
from editor.export.chart_paint import UnsupportedChartFormatError, paint_chart, render_image, write_chart
from editor.export.fonts import PREFERRED_CHART_FAMILIES, NoChineseFontError, choose_chart_family, ensure_gui_application
from schema.fileio import load_plan
from schema.model import FocusArea, Goal, Period, PlanDocument, Strategy
from tests.paths import SAMPLE

LABEL_30 = "推動智慧城市與5G AIoT創新應用，建構永續發展環境並提升市民生活品質"[:30]
GOALS = ("產業轉型優先", "增加就業優先", "交通建設優先", "改善空污優先")


@pytest.fixture(scope="module", autouse=True)
def app():
    return ensure_gui_application()


def make_data(columns: int, per_column: int, label: str, goals=GOALS) -> ChartData:
    cols = tuple(
        ChartColumn(f"f{c}", f"施政重點{c + 1}", tuple((f"s{c}-{i}", f"{label}{i}") for i in range(per_column)))
        for c in range(columns)
    )
    return ChartData("高雄市政府108至111年度中程施政計畫理念架構圖（109年修正版）", tuple((f"g{i}", g) for i, g in enumerate(goals)), cols)


def segment_crosses(a, b, rect: QRectF) -> bool:
    """Does the axis-parallel segment a–b pass through the inside of rect (its edges excluded)?"""
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    if abs(a.x() - b.x()) < 1e-9:
        y1, y2 = sorted((a.y(), b.y()))
        return inner.left() < a.x() < inner.right() and min(y2, inner.bottom()) > max(y1, inner.top())
    x1, x2 = sorted((a.x(), b.x()))
    return inner.top() < a.y() < inner.bottom() and min(x2, inner.right()) > max(x1, inner.left())


def assert_sound(layout) -> None:
    """No box overlaps another, every line fits its box, nothing leaves the chart, no text is lost."""
    chart = QRectF(0, 0, layout.width, layout.height)
    boxes = layout.boxes
    for i, box in enumerate(boxes):
        assert chart.contains(box.rect), f"{box.role} {box.text!r} is cut off"
        for other in boxes[i + 1:]:
            assert not box.rect.intersects(other.rect), f"{box.text!r} overlaps {other.text!r}"
        metrics = QFontMetricsF(layout.fonts[box.role])
        pad = PADDING[box.role]
        for line in box.lines:
            width = metrics.horizontalAdvance(line.text)
            assert width <= box.rect.width() - 2 * pad + 1e-6, f"{line.text!r} is wider than its box"
            assert line.origin.x() >= box.rect.left() + pad - 1e-6
            assert line.origin.x() + width <= box.rect.right() - pad + 1e-6
            assert line.origin.y() - metrics.ascent() >= box.rect.top() - 1e-6
            assert line.origin.y() + metrics.descent() <= box.rect.bottom() + 1e-6
        assert re.sub(r"\s", "", "".join(line.text for line in box.lines)) == re.sub(r"\s", "", box.text)
    for polyline in layout.connectors:
        for a, b in zip(polyline, polyline[1:]):
            assert chart.contains(a) and chart.contains(b)
            for box in boxes:
                assert not segment_crosses(a, b, box.rect), f"a connector runs through {box.text!r}"


@pytest.mark.parametrize(
    "columns, per_column, label",
    [
        (1, 1, "推動橋頭科學園區"),
        (1, 40, LABEL_30),
        (12, 1, LABEL_30),
        (12, 40, LABEL_30),
        (5, 7, "科技辦案執法，警民合作打擊犯罪"),
    ],
)
def test_layout_has_no_overlap_and_every_line_fits(columns, per_column, label):
    data = make_data(columns, per_column, label)
    layout = layout_chart(data)
    assert_sound(layout)
    strategy_boxes = [b for b in layout.boxes if b.role == "strategy"]
    assert [b.text for b in strategy_boxes] == [s for col in data.columns for _i, s in col.strategies]
    assert [b.text for b in layout.boxes if b.role == "focus"] == [c.title for c in data.columns]
    assert [b.text for b in layout.boxes if b.role == "header"] == ["施政目標", "施政重點", "推動策略"]
    # Strategies hang under their own focus area, in order, top to bottom.
    focus = [b for b in layout.boxes if b.role == "focus"]
    for c in range(len(data.columns)):
        mine = [b for b in strategy_boxes if b.node_id.startswith(f"s{c}-")]
        assert all(focus[c].rect.left() <= b.rect.left() and b.rect.right() <= focus[c].rect.right() for b in mine)
        assert all(a.rect.bottom() < b.rect.top() for a, b in zip(mine, mine[1:]))
        assert mine[0].rect.top() > focus[c].rect.bottom()


def test_long_labels_wrap_and_the_chart_fills_an_a4_landscape_width():
    layout = layout_chart(make_data(5, 3, LABEL_30))
    assert layout.width == pytest.approx(842.0)
    strategy = next(b for b in layout.boxes if b.role == "strategy")
    assert len(strategy.lines) >= 3
    wide = layout_chart(make_data(12, 1, "短"))
    assert wide.width > 842.0  # twelve columns need more room than a page: the chart grows
    assert_sound(wide)


def test_many_goals_wrap_whole_in_the_goals_box():
    goals = tuple(f"第{i}項施政目標優先" for i in range(12))
    layout = layout_chart(make_data(3, 2, "策略", goals=goals))
    assert_sound(layout)
    box = next(b for b in layout.boxes if b.role == "goals")
    assert len(box.lines) > 1
    for line in box.lines:  # each goal stays on one line when it fits
        assert all(g in line.text for g in re.findall(r"第\d+項施政目標優先", line.text))
    assert "".join(line.text for line in box.lines) == "、".join(goals)


def test_balanced_wrapping_leaves_no_orphan_character():
    layout = layout_chart(make_data(5, 1, "建置青年創業資源網"))  # 9 characters, a little too wide
    box = next(b for b in layout.boxes if b.role == "strategy")
    widths = [len(line.text) for line in box.lines]
    assert len(widths) == 2 and min(widths) >= 4


def test_closing_punctuation_never_starts_a_line():
    label = "一二三四五六七八，九十一二三四五六七八。九十一二三四五六七八、"
    layout = layout_chart(make_data(5, 1, label))
    box = next(b for b in layout.boxes if b.role == "strategy")
    assert len(box.lines) > 1
    assert all(line.text[0] not in "，。、" for line in box.lines)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    columns=st.lists(
        st.lists(st.text(st.sampled_from("高雄市政府推動科技AIoT 5G、，「」（）ab12"), min_size=0, max_size=32), max_size=8),
        max_size=8,
    ),
    goals=st.lists(st.text(st.sampled_from("產業轉型優先增加就業"), min_size=1, max_size=14), max_size=6),
    title=st.text(st.sampled_from("拚經濟衝就業顧教育好生活真安心"), max_size=24),
)
def test_any_plan_lays_out_soundly(columns, goals, title):
    data = ChartData(
        "架構圖",
        tuple((f"g{i}", g) for i, g in enumerate(goals)),
        tuple(ChartColumn(f"f{c}", title, tuple((f"s{c}-{i}", s) for i, s in enumerate(col))) for c, col in enumerate(columns)),
    )
    assert_sound(layout_chart(data))


def test_labels_come_from_chart_label_else_title():
    plan = load_plan(SAMPLE)
    data = chart_data(plan)
    labels = [label for col in data.columns for _i, label in col.strategies]
    assert len(labels) == 28
    assert "構建農漁高雄隊" in labels and "建構農漁高雄隊" not in labels
    assert "一學區一日照中心" in labels and "推行共融公園及親水公園" in labels
    assert labels[0] == "推動橋頭科學園區" and labels[-1] == "提升警消裝備妥善率"
    assert [g for _i, g in data.goals] == list(GOALS)
    assert [c.title for c in data.columns] == ["拚經濟", "衝就業", "顧教育", "好生活", "真安心"]
    assert data.title == "高雄市政府108至111年度中程施政計畫理念架構圖（109年修正版）"
    assert chart_title(plan, plan.revision("109年修正版")) == data.title


def test_font_preference_and_a_clear_error_without_chinese_fonts():
    assert choose_chart_family(["Arial", "Noto Sans CJK TC", "AR PL UKai TW"]) == "AR PL UKai TW"
    assert choose_chart_family(["DFKai-SB", "AR PL UKai TW"]) == "DFKai-SB"
    assert choose_chart_family(["標楷體", "DFKai-SB"]) == "標楷體"
    assert choose_chart_family(["Noto Serif CJK TC", "Noto Sans CJK TC"]) == "Noto Serif CJK TC"
    with pytest.raises(NoChineseFontError, match=r"^No Traditional Chinese font is installed, so the framework chart cannot be drawn"):
        choose_chart_family(["Arial", "DejaVu Sans"])
    assert choose_chart_family() in PREFERRED_CHART_FAMILIES  # this machine has AR PL UKai TW at least


def test_export_without_chinese_font_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    def no_fonts():
        return choose_chart_family(["DejaVu Sans"])

    monkeypatch.setattr(chart_layout, "choose_chart_family", no_fonts)
    out = tmp_path / "chart.svg"
    status = cli.main(["export", str(SAMPLE), "--chart", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "No Traditional Chinese font is installed" in err
    assert not out.exists()


def _svg_texts(path: Path) -> str:
    root = ET.parse(path).getroot()
    return "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))


def test_sample_chart_as_svg_png_and_pdf(tmp_path):
    plan = load_plan(SAMPLE)
    data = chart_data(plan)
    svg, png, pdf = (write_chart(plan, None, tmp_path / f"chart.{s}") for s in ("svg", "png", "pdf"))

    text = re.sub(r"\s", "", _svg_texts(svg))
    for label in data.labels():
        assert label in text, label

    image = QImage(str(png))
    assert image.width() >= 3000
    assert image.height() > 1500
    small = image.scaled(300, 200)
    dark = sum(1 for x in range(300) for y in range(200) if QColor(small.pixel(x, y)).lightness() < 128)
    colours = {small.pixel(x, y) for x in range(0, 300, 3) for y in range(0, 200, 3)}
    assert dark > 300 and len(colours) > 20  # text, boxes and fills: not a blank page

    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+842 x 595 pts \(A4\)", info)  # A4 landscape
        pdf_text = re.sub(r"\s", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
        for label in data.labels():
            assert label in pdf_text, label


def test_unsupported_suffix_is_refused_before_anything_is_written(tmp_path):
    plan = load_plan(SAMPLE)
    with pytest.raises(UnsupportedChartFormatError, match=r"chart\.gif: the chart can be written as \.svg, \.png or \.pdf, not \.gif\."):
        write_chart(plan, None, tmp_path / "chart.gif")
    assert list(tmp_path.iterdir()) == []


def test_paint_chart_scales_into_any_target_rectangle():
    layout = layout_chart(make_data(2, 2, "策略"))
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    paint_chart(painter, layout, QRectF(0, 100, 400, 200))
    painter.end()
    grey = QColor("#808080").rgb()
    assert image.pixel(200, 50) == grey and image.pixel(200, 350) == grey  # outside the target: untouched
    assert image.pixel(5, 200) != grey  # inside it: the chart (its white background)


def test_big_chart_image_is_limited_in_memory():
    layout = layout_chart(make_data(20, 50, "策略標籤"))
    image = render_image(layout)
    assert image.width() * image.height() <= 40_000_000
    assert image.width() > 3000


# Qt writes SVG text in visual order, so a right-to-left run (Arabic, Hebrew, bidi controls) comes
# out reversed and cannot be found as typed; the plans are Chinese and Latin, so the property
# keeps to left-to-right text (right-to-left text still has to give an SVG that parses: below).
_RTL = {"R", "AL", "AN", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI"}
_LTR_TEXT = st.characters(codec="utf-8").filter(lambda c: unicodedata.bidirectional(c) not in _RTL)


@settings(max_examples=25, deadline=None)
@given(label=st.text(_LTR_TEXT, max_size=40), goal=st.text(_LTR_TEXT, max_size=20))
def test_any_text_yields_an_svg_that_parses_and_keeps_the_label(label, goal):
    from editor.export.chart_paint import svg_bytes
    from editor.export.textclean import clean_text

    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111))
    plan.draft.content.goals.goals = [Goal(title=goal)]
    plan.draft.content.focus.focus_areas = [FocusArea(title="拚經濟", strategies=[Strategy(title="標題", chart_label=label)])]
    root = ET.fromstring(svg_bytes(layout_chart(plan)))
    text = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    expected = clean_text(label.strip() or "標題")
    assert re.sub(r"\s", "", expected) in re.sub(r"\s", "", text)


def test_right_to_left_text_gives_an_svg_that_parses():
    from editor.export.chart_paint import svg_bytes

    plan = PlanDocument(title="測試計畫", period=Period(start=108, end=111))
    plan.draft.content.focus.focus_areas = [FocusArea(title="拚經濟", strategies=[Strategy(title="標題", chart_label="0\u08a0 שלום")])]
    root = ET.fromstring(svg_bytes(layout_chart(plan)))
    text = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert [c for c in "0\u08a0שלום" if c not in text] == []  # every character drawn, in whatever order Qt writes
