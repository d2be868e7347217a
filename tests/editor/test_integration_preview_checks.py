"""The framework-chart preview dock and the checks in the real main window: the preview paints the same
layout as the exports and follows edits (only while visible); the checks pane and the tree's marks
follow an edit that fixes a chart label."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from editor.export.chart_layout import chart_data
from editor.ui import chart_preview
from schema.checks import run_checks
from tests.editor.ui_support import discard_on_close, make_window, mark_painted, tooltip_shown
from tests.paths import ROOT

KAOHSIUNG = ROOT / "samples" / "kaohsiung-108-111.plan.json"
MISLABELLED = "822431d190e8"  # （五）建構農漁高雄隊, charted as 構建農漁高雄隊


@pytest.fixture
def window(qtbot, tmp_path):
    win = make_window(qtbot, tmp_path)
    yield win
    discard_on_close(win)


@pytest.fixture
def kaohsiung_window(qtbot, tmp_path):
    path = tmp_path / "plans" / KAOHSIUNG.name
    path.parent.mkdir()
    shutil.copy(KAOHSIUNG, path)
    win = make_window(qtbot, tmp_path, path=path)
    yield win
    discard_on_close(win)


def labels(preview) -> list[str]:
    return preview.chart_layout().data.labels()


def test_the_preview_is_a_view_menu_dock_that_draws_the_draft_chart(qtbot, window):
    view_menu = [a.text() for a in window.menu("view").actions()]
    assert "架構圖預覽" in view_menu and "修正對照" in view_menu and "檢核結果" in view_menu
    assert window.chart_dock.isHidden()
    preview = window.chart_preview
    assert preview.chart_layout() is None and preview.layouts_made == 0  # hidden: nothing laid out at start
    window.chart_dock.show()
    qtbot.waitUntil(lambda: preview.chart_layout() is not None)
    assert labels(preview) == chart_data(window.session.plan).labels()
    assert "推動橋頭科學園區" in labels(preview)
    # Painted scaled to fit: the whole chart inside the widget, touching two opposite margins.
    rect = preview.chart_rect()
    inside = preview.rect().adjusted(7, 7, -7, -7)
    assert inside.contains(rect.toRect())
    assert abs(rect.width() - (preview.width() - 16)) < 1 or abs(rect.height() - (preview.height() - 16)) < 1
    image = preview.grab().toImage()
    centre = rect.center().toPoint()
    assert QColor(image.pixel(centre)).lightness() > 200  # the page is white there …
    assert QColor(image.pixel(QPoint(2, 2))) == QColor("#e8e8e8")  # … and the dock around it grey


def test_the_preview_follows_a_rename_after_a_pause_and_only_while_visible(qtbot, window):
    preview = window.chart_preview
    window.chart_dock.show()
    qtbot.waitUntil(lambda: preview.chart_layout() is not None and not preview.is_stale())
    made = preview.layouts_made
    window.model.setData(window.model.index_for_id("s1"), "推動半導體材料園區")
    assert preview.is_stale() and "推動半導體材料園區" not in labels(preview)  # not on every keystroke …
    qtbot.waitUntil(lambda: "推動半導體材料園區" in labels(preview), timeout=2000)  # … but after the pause
    assert preview.layouts_made == made + 1
    assert "推動橋頭科學園區" not in labels(preview)

    window.chart_dock.hide()
    window.model.setData(window.model.index_for_id("s2"), "亞洲新灣區三期")
    qtbot.wait(chart_preview.DELAY_MS + 200)
    assert preview.is_stale() and preview.layouts_made == made + 1  # hidden: no work
    window.chart_dock.show()
    qtbot.waitUntil(lambda: "亞洲新灣區三期" in labels(preview))
    assert preview.layouts_made == made + 2

    window.window_actions.undo.trigger()
    qtbot.waitUntil(lambda: "亞洲新灣區再啟航" in labels(preview))


def test_a_click_on_a_strategy_box_selects_it_in_the_tree_and_the_current_node_is_outlined(qtbot, window):
    preview = window.chart_preview
    window.chart_dock.show()
    qtbot.waitUntil(lambda: preview.chart_layout() is not None)
    box = next(b for b in preview.chart_layout().boxes if b.node_id == "s3")
    rect, scale = preview.chart_rect(), preview.scale()
    point = QPointF(rect.left() + box.rect.center().x() * scale, rect.top() + box.rect.center().y() * scale)
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.tree.current_node_id() == "s3"
    assert preview.current_id == "s3"
    window.tree.select_node("fa1")
    assert preview.current_id == "fa1"


def test_fixing_a_chart_label_clears_its_finding_and_its_mark_in_the_tree(qtbot, kaohsiung_window):
    window = kaohsiung_window
    qtbot.waitUntil(lambda: len(window.checks.findings()) == 5)
    mismatches = [f for f in window.checks.findings() if f.code == "chart-label-mismatch"]
    assert [f.node_id for f in mismatches] == [MISLABELLED, "9d474b89a285", "34fb14ea53fd"]
    assert window.check_marks.mark_of(MISLABELLED) == "warning"
    assert window.check_marks.mark_of("26c1e764726a") == "info"  # a long label
    assert window.check_marks.messages[MISLABELLED] == ["架構圖標籤「構建農漁高雄隊」與標題「建構農漁高雄隊」不一致。"]
    assert window.checks.counts() == {"error": 0, "warning": 3, "info": 2}

    window.tree.select_node(MISLABELLED)
    window.detail.fields["chart_label"].setText("建構農漁高雄隊")  # typed in the detail pane
    qtbot.waitUntil(lambda: window.checks.counts()["warning"] == 2)
    assert window.check_marks.mark_of(MISLABELLED) is None
    assert MISLABELLED not in window.check_marks.messages
    assert [f.node_id for f in window.checks.findings() if f.code == "chart-label-mismatch"] == ["9d474b89a285", "34fb14ea53fd"]

    # How the tree draws the rows: the warning icon at the right end of a marked row (the pixels of the
    # viewport, as painted), none on the fixed one; the marked row's tooltip lists its finding.
    marked = window.tree.index_for_id("9d474b89a285")
    assert marked.data() == "（四）推行共融化公園及親水公園"
    assert mark_painted(window.tree, "9d474b89a285") and not mark_painted(window.tree, MISLABELLED)
    assert tooltip_shown(window.tree, "9d474b89a285") == (
        "（四）推行共融化公園及親水公園\n• 架構圖標籤「推行共融公園及親水公園」與標題「推行共融化公園及親水公園」不一致。")
    assert tooltip_shown(window.tree, MISLABELLED) == "推動策略：建構農漁高雄隊"

    window.window_actions.undo.trigger()  # the wrong label is back, and so is its warning
    qtbot.waitUntil(lambda: window.check_marks.mark_of(MISLABELLED) == "warning")
    assert window.checks.counts()["warning"] == 3
    assert len(run_checks(window.session.document.content, window.session.plan.period)) == 5
