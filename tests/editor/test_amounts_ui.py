"""Finding 5 of issue 11: budget amounts typed in the detail pane with real keys; a refused amount is said
(status bar and next to the cell); the 修正對照表 and the official document print the same amount."""
from __future__ import annotations

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip

from editor.export.amendments import write_amendment_table
from schema.compare import compare
from schema.model import Revision
from tests.editor.ui_support import discard_on_close, make_window


def type_in_cell(qtbot, table, column: int, text: str) -> None:
    table.setFocus()
    table.setCurrentCell(0, column)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)


def test_budget_cells_take_amounts_and_say_why_they_refuse_one(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.session.plan.revisions = [Revision(label="108年原版", content=window.session.plan.draft.content.model_copy(deep=True))]
    window.tree.select_node("s1")
    budget = window.detail.budget_table
    type_in_cell(qtbot, budget, 0, "1234.5")
    assert window.session.document.node("s1").budget == {108: 1234.5}
    assert budget.item(0, 0).text() == "1,234.5"
    type_in_cell(qtbot, budget, 1, "12500")
    assert budget.item(0, 1).text() == "12,500"  # written back as every amount is written
    type_in_cell(qtbot, budget, 2, "abc")
    message = "預算必須是數字（千元），「abc」不是數字"
    assert window.statusBar().currentMessage() == message
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)  # shown once the cell's editor has closed (the next turn of the event loop)
    assert QToolTip.text() == message
    assert budget.item(0, 2).text() == "" and window.session.document.node("s1").budget == {108: 1234.5, 109: 12500.0}
    type_in_cell(qtbot, budget, 2, "-3")
    assert window.statusBar().currentMessage() == "預算不能是負數：「-3」"
    type_in_cell(qtbot, budget, 0, "1.23456")
    assert window.statusBar().currentMessage() == "預算最多到小數點後 3 位（千元的 0.001 是 1 元）：「1.23456」"
    assert budget.item(0, 0).text() == "1,234.5"

    plan = window.session.plan
    old, new = plan.revisions[0], plan.draft
    path = write_amendment_table(compare(old.content, new.content), plan, old, plan, new, tmp_path / "table.docx")
    text = "\n".join(cell.text for row in docx.Document(str(path)).tables[0].rows for cell in row.cells)
    assert "預算（千元）：108年 1,234.5；109年 12,500" in text
    assert "1,234 " not in text and "1,235" not in text
    discard_on_close(window)
