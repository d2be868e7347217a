"""Whole paragraphs a reviewer dragged elsewhere with tracking on (Word's moveFrom/moveTo): one move each.

The documents are the LibreOffice-exported sample with the move written into its XML as Word
writes it (tests/review/word_edits.py): LibreOffice over UNO cannot be asked to record a move.
"""
import pytest

from editor.review import read_review
from schema.document import Document
from schema.fileio import load_plan
from schema.operations import from_json
from schema.review import decide_all
from schema.tree import children
from tests.paths import SAMPLE
from tests.review.word_edits import EditedDocx, w

QIAOTOU = "d343ee237953"  # 推動橋頭科學園區: actions 5f6871144ccc, 25a3afb991ce
STARTUP = "abd5d0ff4702"  # 設置科技新創園區: its third action is b495579400f5
CULTURE_ACTION = "b495579400f5"
TRAINING = "be71ce7a10c4"  # 設立「技職人才及技術培育基地」, with two actions
CREATIVE = "2d577434dc22"  # 營造優良文創環境, the strategy just before it


@pytest.fixture()
def plan():
    return load_plan(SAMPLE)


def text_of(plan, node_id):
    node = Document(plan.draft.content).node(node_id)
    return node.text if node.kind == "action" else node.title


@pytest.mark.parametrize("bookmarks_move", [False, True])
def test_an_action_dragged_to_another_strategy_is_one_move_that_keeps_its_id(plan, reviewed, tmp_path, bookmarks_move):
    edited = EditedDocx(reviewed["exported"])
    moved_text = text_of(plan, CULTURE_ACTION)
    edited.move_paragraphs([moved_text], text_of(plan, "5f6871144ccc"), "甲", bookmarks_move=bookmarks_move)
    result = read_review(plan, edited.save(tmp_path / "moved.docx"))
    assert [(p.kind, p.node_id, p.author, p.old) for p in result.proposals] == [("move_node", CULTURE_ACTION, "甲", moved_text)]
    assert from_json(result.proposals[0].operation).__dict__ == {"node_id": CULTURE_ACTION, "parent_id": QIAOTOU, "index": 1}
    assert result.unplaced == []
    before = Document(plan.draft.content).node(CULTURE_ACTION).model_dump()
    plan.proposals += result.proposals
    assert decide_all(plan, "accepted") == (1, [])
    document = Document(plan.draft.content)
    assert [n.id for n in children(document.node(QIAOTOU))] == ["5f6871144ccc", CULTURE_ACTION, "25a3afb991ce"]
    assert [n.id for n in children(document.node(STARTUP))] == ["f1c292afeea6", "8e3139949d5c"]
    assert document.node(CULTURE_ACTION).model_dump() == before  # the same item, not a copy


def test_a_strategy_dragged_with_its_actions_moves_as_one_item(plan, reviewed, tmp_path):
    edited = EditedDocx(reviewed["exported"])
    document = Document(plan.draft.content)
    training = document.node(TRAINING)
    texts = [training.title, *[a.text for a in training.actions]]
    assert not training.body
    edited.move_paragraphs(texts, document.node(QIAOTOU).actions[-1].text, "乙")
    result = read_review(plan, edited.save(tmp_path / "moved.docx"))
    assert [(p.kind, p.node_id, p.author) for p in result.proposals] == [("move_node", TRAINING, "乙")]
    move = from_json(result.proposals[0].operation)
    assert (move.node_id, move.parent_id, move.index) == (TRAINING, document.parent(document.node(QIAOTOU)).id, 1)
    plan.proposals += result.proposals
    assert decide_all(plan, "accepted") == (1, [])
    after = Document(plan.draft.content)
    area = after.parent(after.node(QIAOTOU))
    assert [n.id for n in children(area)][:2] == [QIAOTOU, TRAINING]
    assert [a.id for a in after.node(TRAINING).actions] == [a.id for a in training.actions]


def test_a_paragraph_moved_and_edited_stays_a_removal_and_an_addition(plan, reviewed, tmp_path):
    edited = EditedDocx(reviewed["exported"])
    moved_text = text_of(plan, CULTURE_ACTION)
    edited.move_paragraphs([moved_text], text_of(plan, "5f6871144ccc"), "甲")
    copy = list(edited.root.iter(w("moveTo")))
    last_text = list(copy[-1].iter(w("t")))[-1]
    last_text.text += "（並加強推廣）"
    result = read_review(plan, edited.save(tmp_path / "moved.docx"))
    assert sorted(p.kind for p in result.proposals) == ["insert_node", "remove_node"]


def test_text_moved_inside_one_field_stays_a_text_edit(plan, reviewed, tmp_path):
    edited = EditedDocx(reviewed["exported"])
    edited.move("攜手合作青創事業孵化與育成，", "以落實青年人才發展政策", "甲")
    result = read_review(plan, edited.save(tmp_path / "moved.docx"))
    assert [(p.kind, p.field) for p in result.proposals] == [("replace", "body")]


def test_review_mode_accepts_a_move_with_ctrl_enter_and_ctrl_z_moves_it_back(qtbot, tmp_path, reviewed):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from schema.fileio import save_plan
    from tests.editor.ui_support import make_window

    plan = load_plan(SAMPLE)
    edited = EditedDocx(reviewed["exported"])
    edited.move_paragraphs([text_of(plan, CULTURE_ACTION)], text_of(plan, "5f6871144ccc"), "甲")
    plan.proposals += read_review(plan, edited.save(tmp_path / "moved.docx")).proposals
    save_plan(plan, tmp_path / "moved.plan.json")
    window = make_window(qtbot, tmp_path, path=tmp_path / "moved.plan.json")
    qtbot.waitUntil(lambda: window.review.dock.isVisible())
    view = window.review.view
    view.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.text)

    def key(k, modifier=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(QApplication.focusWidget(), k, modifier)
        qtbot.wait(20)

    key(Qt.Key.Key_F8)
    assert view.position.text() == f"第 1／1 項：移動項目 {text_of(plan, CULTURE_ACTION)}（甲）"
    assert "⇄" in view.text.toPlainText()
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    document = window.session.document
    assert document.parent(document.node(CULTURE_ACTION)).id == QIAOTOU and document.index_of(document.node(CULTURE_ACTION)) == 1
    assert view.position.text() == "沒有待決定的修正"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.parent(document.node(CULTURE_ACTION)).id == STARTUP and document.index_of(document.node(CULTURE_ACTION)) == 2
    assert view.position.text() == "共 1 項修正" or view.position.text().startswith("第 1／1 項")
