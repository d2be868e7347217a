"""Copy, cut and paste of subtrees: pasted nodes get new ids, land where the hierarchy allows,
plain text becomes one item per line, control characters are stripped with a note."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from editor.ui.tree import clipboard
from schema.tree import walk
from tests.editor.ui_support import discard_on_close, make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, window, k, modifier=CTRL):
    if QApplication.focusWidget() is not window.tree:
        window.activateWindow()
        window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    qtbot.keyClick(window.tree, k, modifier)


def ids(window):
    return [n.id for n, _p in walk(window.session.document.content)]


def test_copy_and_paste_a_subtree_with_new_ids(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    doc = window.session.document
    window.tree.select_node("s1")
    key(qtbot, window, Qt.Key.Key_C)
    assert QApplication.clipboard().text() == "推動橋頭科學園區"
    window.tree.select_node("s3")  # a strategy: the copy goes right after it
    before = set(ids(window))
    key(qtbot, window, Qt.Key.Key_V)
    pasted = doc.node("fa2").strategies[1]
    assert pasted.title == "推動橋頭科學園區" and [a.text for a in pasted.actions] == ["成立專案推動小組。", "籌設聯外道路。"]
    assert pasted.actions[0].actions[0].text == "細項。"
    new = set(ids(window)) - before
    assert len(new) == 4 and not new & before
    assert window.tree.index_for_id(pasted.id).data() == "（二）推動橋頭科學園區"
    assert window.session.undo_stack.undoText() == "貼上 1 個項目"
    window.tree.select_node("fa1")  # a focus area: the copy goes in, as its last strategy
    key(qtbot, window, Qt.Key.Key_V)
    assert [s.title for s in doc.node("fa1").strategies] == ["推動橋頭科學園區", "亞洲新灣區再啟航", "推動橋頭科學園區"]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert set(ids(window)) == before
    discard_on_close(window)


def test_cut_and_paste_moves_and_undoes(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    doc = window.session.document
    window.tree.select_node("a2")
    key(qtbot, window, Qt.Key.Key_X)
    assert [a.id for a in doc.node("s1").actions] == ["a1"]
    assert window.session.undo_stack.undoText() == "剪下 1 個項目"
    window.tree.select_node("s3")
    key(qtbot, window, Qt.Key.Key_V)
    assert [a.text for a in doc.node("s3").actions] == ["籌設聯外道路。"]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert [a.id for a in doc.node("s1").actions] == ["a1", "a2"] and doc.node("s3").actions == []
    discard_on_close(window)


def test_paste_where_the_hierarchy_does_not_allow_it_is_refused(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("a1")
    key(qtbot, window, Qt.Key.Key_C)
    window.tree.select_node("g1")
    key(qtbot, window, Qt.Key.Key_V)
    assert window.statusBar().currentMessage() == "不能把具體作法貼在施政目標「產業轉型優先」的位置"
    window.tree.select_node("a2")  # an action with a sub-action cannot become a sub-action … but after a2 it fits
    key(qtbot, window, Qt.Key.Key_V)
    assert [a.text for a in window.session.document.node("s1").actions] == ["成立專案推動小組。", "籌設聯外道路。", "成立專案推動小組。"]
    window.tree.select_node("a1x")  # inside a1: goes after a1, its action ancestor
    key(qtbot, window, Qt.Key.Key_V)
    assert len(window.session.document.node("s1").actions) == 4
    assert window.session.document.node("s1").actions[1].text == "成立專案推動小組。"
    discard_on_close(window)


def test_plain_text_pastes_one_item_per_line_without_control_characters(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    mime = QMimeData()
    mime.setText("推動智慧\x07港灣\n\n發展\x0c觀光\n")
    QApplication.clipboard().setMimeData(mime)
    window.tree.select_node("s2")
    key(qtbot, window, Qt.Key.Key_V)
    assert [s.title for s in window.session.document.node("fa1").strategies] == [
        "推動橋頭科學園區", "亞洲新灣區再啟航", "推動智慧港灣", "發展觀光"]
    assert window.statusBar().currentMessage() == "已移除 2 個無法寫入 Word 文件的控制字元"
    assert window.session.undo_stack.undoText() == "貼上 2 個項目"
    window.tree.select_node("fs")  # on a section: its children's kind
    QApplication.clipboard().setText("三、拚觀光")
    key(qtbot, window, Qt.Key.Key_V)
    assert window.session.document.node("fs").focus_areas[-1].title == "三、拚觀光"
    discard_on_close(window)


def test_a_clipboard_from_elsewhere_with_broken_json_falls_back_to_its_text(qtbot, tmp_path):
    mime = QMimeData()
    mime.setData(clipboard.MIME_NODES, b"{not json")
    mime.setText("甲")
    clip = clipboard.read_clip(mime)
    assert clip.nodes == [] and clip.lines == ["甲"]
    assert clipboard.read_clip(QMimeData()).lines == []
