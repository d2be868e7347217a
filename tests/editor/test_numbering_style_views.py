"""Every view follows the plan's numbering style (編號格式), as the exports do: the tree, the detail
pane's heading and the checks; changing the style (計畫屬性) renumbers the open tree in place."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui.session.undo_commands import execute
from schema.operations import SetField, SetPlanProperties
from tests.editor.ui_support import discard_on_close, make_window

CITY_LADDER = {"section": "{壹}、", "focus_area": "{一}、", "strategy": "({一})", "action": "{1}、", "sub_action": "({1})"}


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    yield w
    discard_on_close(w)


def shown(window, node_id: str) -> str:
    return window.tree.index_for_id(node_id).data(Qt.ItemDataRole.DisplayRole)


def test_a_new_numbering_style_renumbers_the_tree_the_heading_and_the_checks(qtbot, window):
    window.tree.select_node("a1")
    window.tree.expand_node("a1")
    assert [shown(window, i) for i in ("fa1", "s2", "a1", "a1x")] == ["一、拚經濟", "（二）亞洲新灣區再啟航", "1. 成立專案推動小組。", "（1）細項。"]
    assert window.detail.heading.text() == "具體作法　1.成立專案推動小組。"

    assert execute(window.session, [SetPlanProperties({"numbering_style": CITY_LADDER})], "編號格式") is None
    assert [shown(window, i) for i in ("fa1", "s2", "a1", "a1x")] == ["一、拚經濟", "(二)亞洲新灣區再啟航", "1、成立專案推動小組。", "(1)細項。"]
    assert window.tree.isExpanded(window.tree.index_for_id("a1"))  # renumbered in place, nothing closed
    assert window.detail.heading.text() == "具體作法　1、成立專案推動小組。"
    window.tree.select_node("s2")
    assert window.detail.heading.text() == "推動策略　(二)亞洲新灣區再啟航"

    assert execute(window.session, [SetField("s2", "chart_label", "亞洲新灣區")], "標籤") is None  # a finding on (二)
    window.run_checks()
    assert [(f.number, f.title) for f in window._findings if f.node_id == "s2"] == [("一、(二)", "亞洲新灣區再啟航")]

    window.session.undo_stack.undo()
    window.session.undo_stack.undo()  # the default ladder again
    assert [shown(window, i) for i in ("s2", "a1")] == ["（二）亞洲新灣區再啟航", "1. 成立專案推動小組。"]
