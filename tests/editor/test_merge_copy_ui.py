"""File ▸ 合併同仁版本… from the keyboard: a bureau's part or a colleague's whole copy merged into the open plan
as one undo step, journalled with the colleague's authors; conflicts pending in Review mode; a summary of
each side's changes; a bad file is one sentence and changes nothing."""
from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.ui.session import journal_format, journal_replay
from editor.ui.session.undo_commands import execute
from schema.fileio import save_plan
from schema.model import Action
from schema.operations import SetField
from schema.part import hand_out
from tests.editor.colleagues_support import KeyAnswerer, agency_plan, choose_files, file_command, focus_tree, key
from tests.editor.ui_support import discard_on_close, make_window, small_plan, write_plan

ME = "研考會王小明"


def open_window(qtbot, tmp_path):
    path = tmp_path / "plan.plan.json"
    save_plan(agency_plan(), path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("edit/author", ME)
    settings.sync()
    window = make_window(qtbot, tmp_path, path=path)
    assert window.session.author == ME
    return window, path


def summary_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "mergeSummary")))
    box = next(b for b in window.findChildren(QMessageBox, "mergeSummary") if b.isVisible())
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget() or box))
    return box


def close_summary(qtbot, box) -> None:
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_a_bureaus_part_comes_back_into_the_open_plan_as_one_undoable_journalled_step(qtbot, tmp_path, monkeypatch):
    window, _path = open_window(qtbot, tmp_path)
    session = window.session
    areas = session.plan.draft.content.focus.focus_areas
    qiaotou, startup, other = areas[0].strategies[0], areas[0].strategies[2], areas[2].strategies[0]
    part = hand_out(session.plan, agency="經濟發展局")
    # The office goes on meanwhile: one strategy of the part, one outside it.
    assert execute(session, [SetField(startup.id, "body", "研考會補充的內文。"), SetField(other.id, "title", "研考會改的策略")], "edit") is None
    before = session.plan.draft.content.model_copy(deep=True)
    # The bureau renames a strategy, adds an action, and edits a goal, which was handed out only for context.
    bureau = part.draft.content
    bureau.focus.focus_areas[0].strategies[0].title = "推動橋頭科學園區開發"
    bureau.focus.focus_areas[0].strategies[0].actions.append(Action(id="newaction01", text="成立招商專案小組"))
    bureau.goals.goals[0].title = "局處改的目標"
    part.draft.author = "經發局陳專員"
    part_path = tmp_path / "經發局.plan.json"
    save_plan(part, part_path)

    choose_files(monkeypatch, part_path)
    file_command(qtbot, window, Qt.Key.Key_M)
    box = summary_box(qtbot, window)
    assert box.text() == "已合併「經發局.plan.json」：採用對方的修改 2 項，保留這份計畫的修改 1 項，衝突 0 項。"
    assert box.informativeText() == ("分送範圍之外的修改 1 項，沒有合併：\n"
                                     "- 施政目標：在交回的部分中被修改，但它不在分送範圍內")
    assert window.statusBar().currentMessage() == box.text()
    close_summary(qtbot, box)

    document = session.document
    assert document.node(qiaotou.id).title == "推動橋頭科學園區開發"
    assert [a.text for a in document.node(qiaotou.id).actions][-1] == "成立招商專案小組"
    assert document.node(startup.id).body == "研考會補充的內文。" and document.node(other.id).title == "研考會改的策略"
    assert session.plan.draft.content.goals == before.goals  # the goal edit was reported, not merged
    authors = session.plan.draft.authors
    assert (authors[qiaotou.id], authors["newaction01"], authors[startup.id], authors[other.id]) == ("經發局陳專員", "經發局陳專員", ME, ME)
    contents = journal_replay.read_journal(session.journal_path)
    assert "經發局陳專員" in contents.authors[-1] and isinstance(contents.ops[-1], journal_format.Group)

    assert window.window_actions.undo.text() == "復原 合併「經發局.plan.json」"
    focus_tree(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.plan.draft.content == before
    discard_on_close(window)


def test_a_whole_copy_needs_its_base_and_a_conflict_waits_in_review_mode(qtbot, tmp_path, monkeypatch):
    window, path = open_window(qtbot, tmp_path)
    session = window.session
    base_path = tmp_path / "sent.plan.json"
    shutil.copyfile(path, base_path)  # what was sent to the colleague
    areas = agency_plan().draft.content.focus.focus_areas
    bay, youth = areas[0].strategies[1], areas[1].strategies[0]
    theirs = agency_plan()
    theirs_areas = theirs.draft.content.focus.focus_areas
    theirs_areas[0].strategies[1].title = "亞洲新灣區再升級"
    theirs_areas[1].strategies[0].title = "同仁改的青年策略"
    theirs.draft.author = "李同仁"
    theirs_path = tmp_path / "李同仁.plan.json"
    save_plan(theirs, theirs_path)
    assert execute(session, [SetField(youth.id, "title", "研考會改的青年策略")], "edit") is None
    before = session.plan.model_copy(deep=True)

    calls = choose_files(monkeypatch, theirs_path, base_path)
    with KeyAnswerer(Qt.Key.Key_Return) as answerer:  # 選擇底本…
        file_command(qtbot, window, Qt.Key.Key_M)
        box = summary_box(qtbot, window)
    assert answerer.texts == ["「李同仁.plan.json」不是從這份計畫分送出去的部分。合併兩份完整的計畫需要共同的底本："
                              "對方開始修改之前的那一份計畫檔。"] and not answerer.unexpected
    assert [title for title, _folder in calls] == ["合併同仁版本", "選擇共同的底本"]
    assert box.text() == "已合併「李同仁.plan.json」：採用對方的修改 1 項，保留這份計畫的修改 1 項，衝突 1 項。"
    assert box.informativeText() == ("衝突之處保留這份計畫的版本，對方的版本列為待審的修正建議，請在審閱模式中決定：\n"
                                     "1. 二、衝就業 （一）研考會改的青年策略：雙方都修改了標題")
    close_summary(qtbot, box)

    document = session.document
    assert document.node(bay.id).title == "亞洲新灣區再升級" and document.node(youth.id).title == "研考會改的青年策略"
    [pending] = [p for p in session.plan.proposals if p.status == "pending"]
    assert (pending.source, pending.node_id, pending.author, pending.new) == ("merge", youth.id, "李同仁", "同仁改的青年策略")
    assert window.review.dock.isVisible()
    assert window.review.view.current_item().proposal.id == pending.id  # the first conflict is the current change
    assert window.tree.current_node_id() == youth.id
    assert session.plan.draft.authors[bay.id] == "李同仁" and session.plan.draft.authors[youth.id] == ME

    focus_tree(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the whole merge, proposal included, in one step
    assert session.plan.draft.content == before.draft.content and session.plan.proposals == before.proposals
    discard_on_close(window)


def test_a_file_that_is_no_plan_is_one_sentence_and_the_plan_is_not_touched(qtbot, tmp_path, monkeypatch):
    window, _path = open_window(qtbot, tmp_path)
    bad = tmp_path / "壞掉的.plan.json"
    bad.write_text("這不是計畫檔", "utf-8")
    choose_files(monkeypatch, bad)
    with KeyAnswerer(Qt.Key.Key_Return) as answerer:
        file_command(qtbot, window, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: len(answerer.texts) == 1)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert answerer.texts == ["「壞掉的.plan.json」的格式有誤：第 1 行第 1 字。"] and not answerer.unexpected
    assert window.statusBar().currentMessage() == answerer.texts[0]
    assert window.session.undo_stack.count() == 0 and not window.session.is_dirty()
    assert window.session.journal_path is None  # not even a journal line
    discard_on_close(window)


def test_a_part_of_another_plan_is_refused_and_a_cancelled_base_changes_nothing(qtbot, tmp_path, monkeypatch):
    window, _path = open_window(qtbot, tmp_path)
    other = write_plan(tmp_path / "other.plan.json", hand_out(small_plan(), focus=[1]))
    choose_files(monkeypatch, other)
    with KeyAnswerer(Qt.Key.Key_Return) as answerer:
        file_command(qtbot, window, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: len(answerer.texts) == 1)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert answerer.texts == ["「other.plan.json」是從別的計畫分送出去的部分，不能合併到這份計畫。"]

    copy = write_plan(tmp_path / "copy.plan.json", agency_plan())
    choose_files(monkeypatch, copy)
    with KeyAnswerer(Qt.Key.Key_Escape) as answerer:  # no base: 取消
        file_command(qtbot, window, Qt.Key.Key_M)
        qtbot.waitUntil(lambda: len(answerer.texts) == 1)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert answerer.texts[0].startswith("「copy.plan.json」不是從這份計畫分送出去的部分。")
    assert window.session.undo_stack.count() == 0 and window.session.plan == agency_plan()
    discard_on_close(window)


def test_a_copy_without_changes_merges_nothing(qtbot, tmp_path, monkeypatch):
    window, path = open_window(qtbot, tmp_path)
    session = window.session
    same = write_plan(tmp_path / "same.plan.json", agency_plan())
    choose_files(monkeypatch, same, path)
    with KeyAnswerer(Qt.Key.Key_Return):
        file_command(qtbot, window, Qt.Key.Key_M)
        box = summary_box(qtbot, window)
    assert box.text() == "已合併「same.plan.json」：採用對方的修改 0 項，保留這份計畫的修改 0 項，衝突 0 項。"
    close_summary(qtbot, box)
    assert session.undo_stack.count() == 0 and not session.is_dirty()
    discard_on_close(window)



def test_each_kind_of_edit_outside_the_part_is_said_in_chinese():
    from editor.ui.files.merge_copy import outside_text
    from schema.part import OutsideEdit

    assert [outside_text(e) for e in (
        OutsideEdit("section", "結語"), OutsideEdit("focus_section", "施政重點與發展策略", "note"),
        OutsideEdit("area_removed", "拚經濟"), OutsideEdit("area_field", "拚經濟", "body"), OutsideEdit("new_area", ""),
    )] == [
        "結語：在交回的部分中被修改，但它不在分送範圍內",
        "施政重點與發展策略的修正說明被修改，但它不在分送範圍內",
        "拚經濟：施政重點被刪除，但分送的只是其中的推動策略",
        "拚經濟：施政重點的內容被修改，但分送的只是其中的推動策略",
        "（未命名）：新增的施政重點，不在分送範圍內",
    ]
