"""The checks pane: findings grouped by severity with counts, activation by click and Enter."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui.checks.pane import ChecksPane
from schema.checks import Finding, run_checks
from schema.fileio import load_plan
from tests.paths import SAMPLE

E1 = Finding("empty-title", "error", "s1", "（一）", "", "推動策略的標題是空白的。")
E2 = Finding("invalid-character", "error", "s2", "（二）", "設置校園雙機", "內容含有無法寫入 Word 文件的字元：U+0007。")
W1 = Finding("chart-label-mismatch", "warning", "s3", "（五）", "建構農漁高雄隊", "架構圖標籤「構建農漁高雄隊」與標題「建構農漁高雄隊」不一致。")
I1 = Finding("chart-label-long", "info", "s4", "（二）", "扶植在地藝術，成立文化藝術聚落", "架構圖標籤「扶植在地藝術，成立文化藝術聚落」有 15 字，超過 14 字，架構圖須將它換行。")


@pytest.fixture
def pane(qtbot):
    widget = ChecksPane()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def groups(pane: ChecksPane) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the pane shows: each group's row and, under it, each finding's two columns."""
    model = pane.model
    result = []
    for i in range(model.rowCount()):
        group = model.index(i, 0)
        rows = [(model.index(j, 0, group).data(), model.index(j, 1, group).data()) for j in range(model.rowCount(group))]
        result.append((group.data(), rows))
    return result


def row(pane: ChecksPane, group: int, child: int | None = None):
    index = pane.model.index(group, 0)
    return index if child is None else pane.model.index(child, 0, index)


def click(qtbot, pane: ChecksPane, index) -> None:
    pane.view.scrollTo(index)
    rect = pane.view.visualRect(index)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_model_passes_the_model_tester(qtmodeltester):
    pane = ChecksPane()
    pane.set_findings([E1, W1, I1, E2])
    qtmodeltester.check(pane.model, force_py=True)


def test_the_model_answers_both_parents(pane):
    """parent(index) is a finding's group row; parent() is the model's owner, as QObject.parent() is (it
    answered an invalid index before the override took both forms)."""
    pane.set_findings([E1, W1, E2])
    errors = row(pane, 0)
    assert pane.model.parent(row(pane, 0, 1)) == errors and errors.data() == "錯誤（2）"
    assert not pane.model.parent(errors).isValid()
    assert pane.model.parent() is pane


def test_empty_state_says_no_problems(pane):
    assert pane.empty_label.text() == "沒有發現問題"
    assert pane.empty_label.isVisible() and not pane.view.isVisible()
    pane.set_findings([W1])
    assert pane.view.isVisible() and not pane.empty_label.isVisible()
    pane.set_findings([])
    assert pane.empty_label.isVisible() and pane.model.rowCount() == 0


def test_findings_are_grouped_by_severity_with_counts(pane):
    pane.set_findings([W1, E1, I1, E2])
    assert groups(pane) == [
        ("錯誤（2）", [("（一）", "推動策略的標題是空白的。"), ("（二） 設置校園雙機", "內容含有無法寫入 Word 文件的字元：U+0007。")]),
        ("警告（1）", [("（五） 建構農漁高雄隊", W1.message)]),
        ("提示（1）", [("（二） 扶植在地藝術，成立文化藝術聚落", I1.message)]),
    ]
    assert pane.counts() == {"error": 2, "warning": 1, "info": 1}
    assert [pane.model.headerData(i, Qt.Orientation.Horizontal) for i in (0, 1)] == ["項目", "說明"]


def test_empty_groups_are_left_out_and_an_untitled_paragraph_is_named(pane):
    pane.set_findings([Finding("empty-text", "error", "p1", "", "", "段落沒有文字。")])
    assert groups(pane) == [("錯誤（1）", [("（無標題）", "段落沒有文字。")])]


def test_clicking_a_finding_emits_its_node_id_and_a_group_emits_nothing(qtbot, pane):
    pane.set_findings([E1, W1, I1])
    with qtbot.waitSignal(pane.node_activated, timeout=1000) as blocker:
        click(qtbot, pane, row(pane, 1, 0))
    assert blocker.args == ["s3"]
    with qtbot.assertNotEmitted(pane.node_activated):
        click(qtbot, pane, row(pane, 2))


def test_enter_on_a_finding_emits_its_node_id(qtbot, pane):
    pane.set_findings([E1, E2])
    pane.view.setFocus()
    pane.view.setCurrentIndex(row(pane, 0, 1))
    emitted = []
    pane.node_activated.connect(emitted.append)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.keyClick(pane.view, Qt.Key.Key_Up)
    qtbot.keyClick(pane.view, Qt.Key.Key_Enter)
    qtbot.keyClick(pane.view, Qt.Key.Key_Up)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)  # on the group row: nothing
    assert emitted == ["s2", "s1"]


def test_live_updates_keep_collapsed_groups_and_the_current_finding(pane):
    pane.set_findings([E1, W1, I1])
    pane.view.collapse(row(pane, 2))  # the user folds the info group
    pane.view.setCurrentIndex(row(pane, 1, 0))
    pane.set_findings([E2, W1, I1])  # the plan changed: E1 fixed, E2 appeared
    assert [pane.view.isExpanded(row(pane, i)) for i in range(3)] == [True, True, False]
    assert pane.view.currentIndex().data(Qt.ItemDataRole.UserRole) == "s3"
    assert pane.findings() == [E2, W1, I1]
    pane.set_findings([W1, I1])
    assert [pane.view.isExpanded(row(pane, i)) for i in range(2)] == [True, False]


def test_english_labels(qtbot):
    pane = ChecksPane(lang="en")
    qtbot.addWidget(pane)
    assert pane.empty_label.text() == "No problems found"
    pane.set_findings([E1, E2, I1])
    assert [g for g, _rows in groups(pane)] == ["Errors (2)", "Info (1)"]
    pane.set_language("zh")
    assert [g for g, _rows in groups(pane)] == ["錯誤（2）", "提示（1）"]


def test_the_kaohsiung_sample_in_the_pane(qtbot, pane):
    plan = load_plan(SAMPLE)
    findings = run_checks(plan.draft.content, plan.period)
    pane.set_findings(findings)
    assert [g for g, _rows in groups(pane)] == ["警告（3）", "提示（2）"]
    assert [row for row, _message in groups(pane)[0][1]] == ["一、（五） 建構農漁高雄隊", "四、（四） 推行共融化公園及親水公園",
                                                             "四、（五） 一學區日照中心"]
    with qtbot.waitSignal(pane.node_activated, timeout=1000) as blocker:
        click(qtbot, pane, row(pane, 0, 2))
    assert blocker.args == [findings[3].node_id]
