"""The read-only viewer of a past revision."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from editor.ui.comparison.readonly_view import NODE_ID_ROLE, RevisionViewer
from schema.document import Document
from schema.fileio import load_plan
from schema.operations import Remove, SetField
from schema.revisions import RevisionError
from tests.paths import DEMO


@pytest.fixture
def plan():
    return load_plan(DEMO)


@pytest.fixture
def viewer(qtbot, plan):
    widget = RevisionViewer(plan, "109年修正版")
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def node_id(plan, title):
    for fa in plan.revisions[0].content.focus.focus_areas:
        for s in fa.strategies:
            if s.title == title:
                return s.id
    raise KeyError(title)


def test_it_is_clearly_marked_read_only(viewer):
    assert viewer.banner.text().startswith("唯讀　109年修正版：過去的修正版不能修改，修改請在工作草稿中進行。")
    assert viewer.windowTitle() == "109年修正版（唯讀）"


def test_the_outline_shows_the_revision_numbered(viewer):
    rows = viewer.outline()
    assert rows[rows.index("壹、施政重點與發展策略"):][:6] == [
        "壹、施政重點與發展策略", "一、拚經濟", "（一）推動橋頭科學園區",
        "1.成立「橋頭科學園區專案推動小組」，掌握各項工作期程及研商推動方案，同時促請行政院…",
        "2.為完善橋頭科學園區的交通運輸需求，將全力配合中央籌設園區聯外道路系統，採短、中長…",
        "（二）亞洲新灣區再啟航",
    ]
    first_area = rows[rows.index("一、拚經濟") + 1 : rows.index("二、衝就業")]
    assert [r for r in first_area if r.startswith("（")] == [
        "（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航", "（三）設置科技新創園區", "（四）轉型高階製造中心",
        "（五）建構農漁高雄隊", "（六）啟動商圈造街計畫",
    ]
    assert [r[:2] for r in first_area if not r.startswith("（")] == ["1.", "2.", "1.", "2.", "1.", "2.", "3.", "1.", "2."]
    assert [r for r in rows if r.startswith("（")].count("（一）加速興建捷運輕軌") == 1  # the 109 title, not the draft's
    assert "貳、未來施政藍圖與結語" in rows
    assert len(rows) == 79


def test_selecting_an_item_shows_its_texts(viewer, plan):
    assert viewer.select_node(node_id(plan, "轉型高階製造中心"))
    text = viewer.text.toPlainText()
    assert text.startswith("（四）轉型高階製造中心\n推動策略\n")
    assert "凝聚產業共識，形成數位轉型目標與需求" in text
    assert viewer.select_node(node_id(plan, "建構農漁高雄隊"))
    text = viewer.text.toPlainText()
    assert "架構圖標籤\n構建農漁高雄隊" in text  # the published chart label, its own field
    assert "具體作法\n1." in text


def test_it_offers_no_editing(qtbot, viewer, plan):
    index = viewer.tree.currentIndex()
    assert index.data() == "壹、施政重點與發展策略"
    assert viewer.tree.editTriggers() == viewer.tree.EditTrigger.NoEditTriggers
    assert not viewer.model.itemFromIndex(index).isEditable()
    viewer.tree.edit(index)
    assert viewer.tree.state() != viewer.tree.State.EditingState
    for editor in viewer.findChildren(QLineEdit) + viewer.findChildren(QPlainTextEdit):
        assert not editor.isVisible()
    text_editors = [w for w in viewer.findChildren(QTextEdit) if w.isVisible()]
    assert text_editors == [viewer.text] and viewer.text.isReadOnly()
    before = viewer.text.toPlainText()
    assert not viewer.text.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # no input method offers text
    event = QInputMethodEvent("", [])
    event.setCommitString("亂打")
    viewer.text.setFocus()
    QApplication.sendEvent(viewer.text, event)  # even when one is forced on it
    qtbot.keyClicks(viewer.text, "abc")
    assert viewer.text.toPlainText() == before
    assert all(not (viewer.model.itemFromIndex(viewer.model.index(r, 0)).flags() & Qt.ItemFlag.ItemIsEditable)
               for r in range(viewer.model.rowCount()))


def test_it_shows_the_snapshot_not_the_draft_being_edited(qtbot, plan):
    strategy = node_id(plan, "轉型高階製造中心")
    Document(plan.draft.content).apply_all([SetField(strategy, "title", "改了標題"), Remove(plan.draft.content.focus.id, 0)])
    widget = RevisionViewer(plan, "109年修正版")
    qtbot.addWidget(widget)
    assert "（四）轉型高階製造中心" in widget.outline() and "一、拚經濟" in widget.outline()
    draft = RevisionViewer(plan, "draft")
    qtbot.addWidget(draft)
    assert "一、衝就業" in draft.outline()


def test_an_unknown_label_is_one_sentence(qtbot, plan):
    with pytest.raises(RevisionError, match="there is no revision labelled '108年原版'"):
        RevisionViewer(plan, "108年原版")
    assert viewer_ids_are_unique(plan)


def viewer_ids_are_unique(plan) -> bool:
    widget = RevisionViewer(plan, "109年修正版")
    ids = []

    def visit(parent):
        for r in range(widget.model.rowCount(parent)):
            index = widget.model.index(r, 0, parent)
            ids.append(index.data(NODE_ID_ROLE))
            visit(index)

    from PySide6.QtCore import QModelIndex
    visit(QModelIndex())
    widget.deleteLater()
    return len(ids) == len(set(ids)) == 79
