"""File ▸ 分送局處… from the keyboard: a lead agency's part or ticked focus areas written as `plan-editor part`
writes them; a choice or a file that cannot be written is one sentence in the dialog, and nothing is written."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.cli import main
from editor.ui.files.hand_out_dialog import HandOutDialog
from schema.fileio import load_plan, save_plan
from tests.editor.colleagues_support import ALT, agency_plan, file_command, key
from tests.editor.ui_support import discard_on_close, make_window


def open_dialog(qtbot, window) -> HandOutDialog:
    file_command(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HandOutDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget() or dialog))
    return dialog


def comparable(plan) -> dict:
    data = plan.model_dump(mode="json")
    data["draft"].pop("id")
    data["handed_out"].pop("date")
    return data


def test_a_lead_agencys_part_is_written_as_the_command_line_writes_it(qtbot, tmp_path):
    path = tmp_path / "plan" / "高雄.plan.json"
    path.parent.mkdir()
    save_plan(agency_plan(), path)
    window = make_window(qtbot, tmp_path, path=path)
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "分送局處"
    assert dialog.by_agency.isChecked() and QApplication.focusWidget() is dialog.agency
    assert [dialog.agency.itemText(i) for i in range(dialog.agency.count())] == ["經濟發展局（3 項推動策略）", "青年局（1 項推動策略）"]
    assert dialog.path.text() == str(path.parent / "高雄-經濟發展局.plan.json")
    key(qtbot, Qt.Key.Key_Down)  # 青年局
    assert dialog.path.text() == str(path.parent / "高雄-青年局.plan.json")
    key(qtbot, Qt.Key.Key_Up)  # back to 經濟發展局
    key(qtbot, Qt.Key.Key_Return)  # 分送
    qtbot.waitUntil(lambda: not dialog.isVisible())
    written = path.parent / "高雄-經濟發展局.plan.json"
    assert window.statusBar().currentMessage() == "已把經濟發展局的推動策略分送到「高雄-經濟發展局.plan.json」"
    assert main(["part", str(path), "--agency", "經濟發展局", "-o", str(tmp_path / "cli.plan.json")]) == 0
    assert comparable(load_plan(written)) == comparable(load_plan(tmp_path / "cli.plan.json"))
    assert not window.session.is_dirty()  # handing out changes nothing in the plan
    discard_on_close(window)


def test_ticked_focus_areas_are_handed_out_and_the_path_can_be_typed(qtbot, tmp_path):
    path = tmp_path / "plan.plan.json"
    save_plan(agency_plan(), path)
    window = make_window(qtbot, tmp_path, path=path)
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_F, ALT)  # 依施政重點 (a button's access key clicks it after a short animation)
    qtbot.waitUntil(dialog.by_focus.isChecked)
    assert not dialog.agency.isEnabled()
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.focus_list
    assert [dialog.focus_list.item(i).text() for i in range(5)] == ["一、拚經濟", "二、衝就業", "三、顧教育", "四、好生活", "五、真安心"]
    key(qtbot, Qt.Key.Key_Space)  # tick 一、
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)  # tick 三、
    assert dialog.choice() == ([1, 3], None)
    assert dialog.path.text() == str(tmp_path / "plan-施政重點1,3.plan.json")
    key(qtbot, Qt.Key.Key_S, ALT)  # 存到
    assert QApplication.focusWidget() is dialog.path
    dialog.path.selectAll()
    QApplication.focusWidget().setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), str(tmp_path / "for-bureau"))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    part = load_plan(tmp_path / "for-bureau.plan.json")  # the suffix is added
    assert [a.title for a in part.draft.content.focus.focus_areas] == ["拚經濟", "顧教育"]
    assert part.handed_out.agency == "" and len(part.handed_out.roots) == 2
    assert window.statusBar().currentMessage() == "已把 2 項施政重點分送到「for-bureau.plan.json」"
    discard_on_close(window)


def test_what_cannot_be_handed_out_is_one_sentence_in_the_dialog_and_nothing_is_written(qtbot, tmp_path):
    path = tmp_path / "plan.plan.json"
    save_plan(agency_plan(), path)
    window = make_window(qtbot, tmp_path, path=path)
    before = sorted(p.name for p in tmp_path.iterdir())
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(dialog.by_focus.isChecked)
    key(qtbot, Qt.Key.Key_Return)  # nothing ticked
    assert dialog.isVisible() and dialog.error.text() == "請至少勾選一項施政重點。"

    key(qtbot, Qt.Key.Key_A, ALT)  # back to 依主辦機關
    qtbot.waitUntil(dialog.by_agency.isChecked)
    key(qtbot, Qt.Key.Key_S, ALT)
    dialog.path.selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), str(tmp_path / "no-such-folder" / "part.plan.json"))
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "「part.plan.json」沒有儲存：要存放它的資料夾不存在。"

    dialog.path.selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), str(path))
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "「plan.plan.json」是目前開啟的計畫檔，分送的部分不能存在它上面。"
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert load_plan(path) == agency_plan()
    discard_on_close(window)


def test_a_plan_without_lead_agencies_offers_its_focus_areas(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)  # the small plan: no strategy names a lead agency
    dialog = open_dialog(qtbot, window)
    assert not dialog.by_agency.isEnabled() and dialog.by_focus.isChecked()
    assert QApplication.focusWidget() is dialog.focus_list
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    discard_on_close(window)
