"""The revisions dialog and its commands (document operations, one undo step each), on the Kaohsiung samples."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.ui.revisions import commands
from editor.ui.revisions import dialog as revisions_dialog
from editor.ui.revisions.commands import date_problem, label_problem
from editor.ui.revisions.dialog import RevisionForm, RevisionsDialog
from editor.ui.session import undo_commands
from editor.ui.session.session import EditSession
from schema.document_listeners import OnRevisionsChange
from schema.fileio import load_plan
from schema.revisions import RevisionError, rename_operations
from schema.tree import walk

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "kaohsiung-108-111.plan.json"
DEMO = SAMPLES / "kaohsiung-108-111-demo.plan.json"
IMPORT_NOTE = "由公告版文字匯入（kaohsiung-108-111-rev109.txt）"


def type_text(widget, text: str) -> None:
    """Commit text as an input method does (qtbot.keyClicks cannot type Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Setup:
    def __init__(self, qtbot, path: Path, journal_dir: Path):
        self.session = EditSession(load_plan(path), journal_dir=journal_dir)
        self.plan = self.session.plan
        self.document = self.session.document
        self.stack = self.session.undo_stack
        self.changed = 0  # how often the document said that the revisions changed
        self.listener = OnRevisionsChange(self._changed)
        self.listener.watch(self.document)
        self.dialog = RevisionsDialog(self.session)
        qtbot.addWidget(self.dialog)

    def _changed(self) -> None:
        self.changed += 1

    def row(self, r: int) -> list[str]:
        table = self.dialog.table
        return [table.item(r, c).text() for c in range(table.columnCount())]


@pytest.fixture
def setup(qtbot, tmp_path):
    made = Setup(qtbot, SAMPLE, tmp_path / "recovery")
    yield made
    made.session.close()


def answer_form(monkeypatch, fill):
    """Make the next RevisionForm run ``fill(form)`` instead of waiting for a person, then press OK if it is enabled."""
    seen = []

    def exec_(form):
        seen.append(form)
        fill(form)
        if form.ok_button().isEnabled():
            form.accept()
        else:
            form.reject()
        return form.result()

    monkeypatch.setattr(RevisionForm, "exec", exec_)
    return seen


def answer_question(monkeypatch, answer):
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append((title, text, default))
        return answer

    monkeypatch.setattr(revisions_dialog.QMessageBox, "question", staticmethod(question))
    return asked


def test_the_list_shows_label_date_author_note_and_item_count(setup):
    assert [h for h in (setup.dialog.table.horizontalHeaderItem(c).text() for c in range(5))] == ["版本", "日期", "作者", "說明", "項目數"]
    assert setup.row(0) == ["109年修正版", "", "", IMPORT_NOTE, "75"]
    assert setup.row(1) == ["工作草稿", "", "", "", "75"]
    assert setup.dialog.selected_label() == "109年修正版"
    assert setup.dialog.delete_button.isEnabled() and setup.dialog.view_button.isEnabled()
    setup.dialog.table.selectRow(1)  # the draft: renamed only
    assert setup.dialog.selected_label() is None
    assert not setup.dialog.delete_button.isEnabled() and not setup.dialog.view_button.isEnabled()
    assert setup.dialog.rename_button.isEnabled()


def test_a_new_revision_from_the_draft_then_undo(setup, monkeypatch):
    def fill(form):
        assert form.date_edit.text() == datetime.date.today().isoformat()
        form.label_edit.clear()
        type_text(form.label_edit, "110年修正版")
        form.date_edit.setText("2021-06-30")
        type_text(form.author_edit, "研考會")
        type_text(form.note_edit, "配合預算調整")

    answer_form(monkeypatch, fill)
    assert setup.dialog.new_revision()
    assert setup.dialog.labels() == ["109年修正版", "110年修正版", "工作草稿"]
    assert setup.row(1) == ["110年修正版", "民國110年6月30日", "研考會", "配合預算調整", "75"]
    assert setup.dialog.selected_label() == "110年修正版"
    assert setup.changed == 1
    new = setup.plan.revisions[1]
    assert new.content == setup.plan.draft.content and new.content is not setup.plan.draft.content
    assert {n.id for n, _ in walk(new.content)} == {n.id for n, _ in walk(setup.plan.draft.content)}  # ids persist
    assert setup.stack.undoText() == "建立修正版「110年修正版」"
    setup.stack.undo()
    assert setup.dialog.labels() == ["109年修正版", "工作草稿"]
    assert [r.label for r in setup.plan.revisions] == ["109年修正版"]
    setup.stack.redo()
    assert setup.dialog.labels() == ["109年修正版", "110年修正版", "工作草稿"]


def test_a_new_revision_keeps_the_draft_notes_and_clears_them_in_the_draft(qtbot, monkeypatch, tmp_path):
    demo = Setup(qtbot, DEMO, tmp_path / "recovery")
    noted = {n.id: n.note for n, _ in walk(demo.plan.draft.content) if n.note}
    assert len(noted) == 9
    assert demo.dialog.labels() == ["109年修正版", "工作草稿：110年修正草案（示範）"]
    answer_form(monkeypatch, lambda form: None)  # the form proposes the draft's own label
    assert demo.dialog.new_revision()
    assert demo.dialog.labels() == ["109年修正版", "110年修正草案（示範）", "工作草稿"]
    snapshot = demo.plan.revisions[-1]
    assert {n.id: n.note for n, _ in walk(snapshot.content) if n.note} == noted
    assert [n.note for n, _ in walk(demo.plan.draft.content) if n.note] == []
    demo.stack.undo()
    assert {n.id: n.note for n, _ in walk(demo.plan.draft.content) if n.note} == noted
    assert demo.plan.draft.label == "110年修正草案（示範）"


def test_the_form_explains_an_empty_or_taken_label_and_a_bad_date(qtbot, setup):
    form = RevisionForm(setup.plan)
    qtbot.addWidget(form)
    assert form.problem.text() == "請輸入版本名稱，例如「109年修正版」。"
    assert not form.ok_button().isEnabled()
    type_text(form.label_edit, "109年修正版")
    assert form.problem.text() == "已有名為「109年修正版」的版本，請換一個名稱。"
    assert not form.ok_button().isEnabled()
    form.label_edit.clear()
    type_text(form.label_edit, "工作草稿")
    assert form.problem.text() == "「工作草稿」是工作草稿的名稱，不能作為修正版的名稱。"
    form.label_edit.clear()
    type_text(form.label_edit, "110年修正版")
    assert form.problem.text() == "" and form.ok_button().isEnabled()
    form.date_edit.setText("2021/6/30")
    assert form.problem.text() == "日期「2021/6/30」請寫成 YYYY-MM-DD，例如 2020-06-30。"
    assert not form.ok_button().isEnabled()


def test_a_refused_form_changes_nothing(setup, monkeypatch):
    answer_form(monkeypatch, lambda form: (form.label_edit.clear(), type_text(form.label_edit, "109年修正版")))
    assert not setup.dialog.new_revision()
    assert setup.dialog.labels() == ["109年修正版", "工作草稿"] and setup.stack.count() == 0


def test_rename_then_undo(setup, monkeypatch):
    forms = answer_form(monkeypatch, lambda form: (form.label_edit.clear(), type_text(form.label_edit, "109年修正版（公告）")))
    assert setup.dialog.rename_selected()
    assert forms[0].windowTitle() == "重新命名修正版"
    assert setup.dialog.labels() == ["109年修正版（公告）", "工作草稿"]
    assert setup.stack.undoText() == "將「109年修正版」改名為「109年修正版（公告）」"
    setup.stack.undo()
    assert setup.dialog.labels() == ["109年修正版", "工作草稿"]
    assert setup.plan.revisions[0].label == "109年修正版"


def test_renaming_the_draft_and_undo_gives_it_back_no_label(setup, monkeypatch):
    setup.dialog.table.selectRow(1)
    answer_form(monkeypatch, lambda form: type_text(form.label_edit, "110年修正草案"))
    assert setup.dialog.rename_selected()
    assert setup.dialog.labels() == ["109年修正版", "工作草稿：110年修正草案"]
    setup.stack.undo()
    assert setup.plan.draft.label == ""
    assert setup.dialog.labels() == ["109年修正版", "工作草稿"]


def test_delete_asks_naming_the_revision_and_undo_restores_it_in_place(setup, monkeypatch):
    stack = setup.stack
    commands.create_revision(setup.session, "110年修正版")
    setup.dialog.select_label("109年修正版")
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.No)
    assert not setup.dialog.delete_selected()
    assert asked == [("刪除修正版", "要刪除修正版「109年修正版」嗎？它的全文將從計畫檔中移除（可用「復原」取回）。", QMessageBox.StandardButton.No)]
    assert setup.dialog.labels() == ["109年修正版", "110年修正版", "工作草稿"]
    answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    assert setup.dialog.delete_selected()
    assert setup.dialog.labels() == ["110年修正版", "工作草稿"]
    stack.undo()
    assert setup.dialog.labels() == ["109年修正版", "110年修正版", "工作草稿"]
    assert setup.plan.revisions[0].note == IMPORT_NOTE


def test_view_asks_for_the_selected_revision(qtbot, setup):
    with qtbot.waitSignal(setup.dialog.view_requested) as blocker:
        setup.dialog.view_button.click()
    assert blocker.args == ["109年修正版"]


def test_commands_refuse_what_the_schema_refuses(setup):
    plan, session = setup.plan, setup.session
    with pytest.raises(RevisionError, match=r"^a revision labelled '109年修正版' already exists; choose another label$"):
        commands.create_revision(session, "109年修正版")
    with pytest.raises(RevisionError, match="^a revision needs a label, such as 109年修正版$"):
        commands.rename_revision(session, "109年修正版", "  ")
    with pytest.raises(RevisionError, match="^the working draft cannot be deleted, only revisions can$"):
        commands.delete_revision(session, "draft")
    assert [r.label for r in plan.revisions] == ["109年修正版"]
    assert session.undo_stack.count() == 0 and session.journal_path is None and setup.changed == 0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=12))
def test_the_form_rules_agree_with_the_schema(label):
    plan = load_plan(SAMPLE)
    problem = label_problem(plan, label, keeping="109年修正版")
    try:
        rename_operations(plan, "109年修正版", label)
        refused = False
    except RevisionError:
        refused = True
    # the form refuses exactly what the schema refuses (a rename to its own label is allowed by both)
    assert (problem is not None) == refused
    assert date_problem("") is None
    assert date_problem("2020-02-30") == "日期「2020-02-30」請寫成 YYYY-MM-DD，例如 2020-06-30。"


def test_revision_commands_are_undone_and_redone_like_a_strategy_rename(setup):
    """One edit path: a strategy renamed in the tree and a revision made, renamed and deleted are each one
    undo command of the same class, applying document operations through the session (so journalled)."""
    session, stack = setup.session, setup.session.undo_stack
    strategy = next(n for n, _ in walk(session.plan.draft.content) if n.kind == "strategy")
    states = [session.plan.model_dump(mode="json")]
    # as the tree's model renames an item (F2 or a double click, then Enter)
    assert undo_commands.execute_field(session, strategy.id, "title", "推動新興產業", undo_commands.rename_text("推動策略")) is None
    states.append(session.plan.model_dump(mode="json"))
    commands.create_revision(session, "110年修正版", date="2021-06-30")
    states.append(session.plan.model_dump(mode="json"))
    assert commands.rename_revision(session, "110年修正版", "110年第1次修正版")
    states.append(session.plan.model_dump(mode="json"))
    commands.delete_revision(session, "109年修正版")
    states.append(session.plan.model_dump(mode="json"))
    steps = [stack.command(i) for i in range(stack.count())]
    assert [step.text() for step in steps] == [
        "重新命名推動策略", "建立修正版「110年修正版」", "將「110年修正版」改名為「110年第1次修正版」", "刪除修正版「109年修正版」",
    ]
    assert all(isinstance(step, undo_commands.OperationsCommand) for step in steps)
    assert [type(step).__name__ for step in steps] == ["FieldCommand", "OperationsCommand", "OperationsCommand", "OperationsCommand"]
    assert [r.label for r in session.plan.revisions] == ["110年第1次修正版"]
    for expected in reversed(states[:-1]):
        stack.undo()
        assert session.plan.model_dump(mode="json") == expected
    for expected in states[1:]:
        stack.redo()
        assert session.plan.model_dump(mode="json") == expected
    assert setup.changed == 3 * 3  # each of the 3 revision operations told the listeners when done, undone and redone
    assert session.journal_path is not None  # every step (and its undo and redo) went through the journal


def test_the_form_refuses_the_draft_label_for_another_revision(qtbot, tmp_path):
    """Renaming a past revision to the label the draft carries is refused in the form, as the schema refuses it."""
    demo = Setup(qtbot, DEMO, tmp_path / "recovery")
    form = RevisionForm(demo.plan, rename="109年修正版")
    qtbot.addWidget(form)
    form.label_edit.setText("110年修正草案（示範）")
    assert form.problem.text() == "已有名為「110年修正草案（示範）」的版本，請換一個名稱。"
    assert not form.ok_button().isEnabled()
    with pytest.raises(RevisionError, match="already exists"):
        commands.rename_revision(demo.session, "109年修正版", "110年修正草案（示範）")
    demo.session.close()
