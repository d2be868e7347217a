"""Finding 7 of issue 11: in the Chinese interface every message a user sees is Chinese — the file errors
(whose English sentences stay the command line's), refused moves, drops and amounts. The file's own name
is the only Latin text allowed in them."""
from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.files.file_errors import file_error_text, place_text
from schema.fileio import PlanFileError, load_plan
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window, small_plan, write_plan

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def assert_chinese(text: str, *allowed: str) -> None:
    for name in (*allowed, "UTF-8"):  # the name of the encoding, as Chinese texts write it too
        text = text.replace(name, "")
    assert text and not LATIN_WORD.search(text), text


def bad_files(tmp_path):
    """(file, the Chinese sentence the window shows for it)."""
    plan = json.loads(small_plan().model_dump_json())
    no_period = {k: v for k, v in plan.items() if k != "period"}
    bad_title = json.loads(json.dumps(plan))
    bad_title["draft"]["content"]["focus"]["focus_areas"][1]["strategies"][0]["title"] = 5
    files = {
        "不是文字.plan.json": (b'{"format_version": 2, "title": "\xff\xfe"}', "「不是文字.plan.json」不是 UTF-8 文字檔（第 33 個位元組無法解讀），所以不是計畫檔。"),
        "缺期程.plan.json": (json.dumps(no_period).encode(), "「缺期程.plan.json」不是有效的計畫檔：缺少期程。"),
        "標題錯.plan.json": (json.dumps(bad_title).encode(), "「標題錯.plan.json」不是有效的計畫檔：工作草稿的第 2 項施政重點的第 1 項推動策略的標題應為文字。"),
        "空的.plan.json": (b"  \n", "「空的.plan.json」是空的，不是計畫檔。"),
        "截斷.plan.json": (json.dumps(plan).encode()[:200], "「截斷.plan.json」的內容不完整（檔案被截斷）。"),
        "格式錯.plan.json": (b'{"format_version": 2,,}', "「格式錯.plan.json」的格式有誤：第 1 行第 22 字。"),
        "新版.plan.json": (json.dumps({**plan, "format_version": 9}).encode(), "「新版.plan.json」由較新版的編輯器儲存（格式 9；這個版本只能讀到格式 2）：請更新編輯器。"),
    }
    for name, (data, _text) in files.items():
        (tmp_path / name).write_bytes(data)
    return [(tmp_path / name, text) for name, (_data, text) in files.items()] + [
        (tmp_path / "不存在.plan.json", "「不存在.plan.json」不存在。"),
        (tmp_path, f"「{tmp_path.name}」是資料夾，不是計畫檔。"),
    ]


def test_opening_bad_files_says_why_in_chinese_and_the_cli_keeps_english(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path / "window")
    cases = bad_files(tmp_path)
    with DialogAnswerer(*["確定"] * len(cases)) as answers:
        for path, _text in cases:
            assert window.open_file(str(path)) is False
    assert answers.details == [text for _path, text in cases]
    assert set(answers.texts) == {"無法開啟計畫檔"} and set(answers.titles) == {"無法開啟檔案"}
    for (path, _text), detail in zip(cases, answers.details):
        assert_chinese(detail, path.name)
    with pytest.raises(PlanFileError) as caught:
        load_plan(cases[0][0])
    assert str(caught.value) == f"{cases[0][0]} is not UTF-8 text (bad byte at offset 32), so it is not a plan file."
    assert window.session.plan.title == "測試計畫"  # the plan that was open stays open
    discard_on_close(window)


def test_a_save_that_fails_says_why_in_chinese(qtbot, tmp_path):
    target = write_plan(tmp_path / "計畫.plan.json")
    window = make_window(qtbot, tmp_path / "window", path=target)
    (tmp_path / "計畫.plan.json").unlink()
    (tmp_path / "計畫.plan.json").mkdir()  # the file is now a folder: it cannot be written
    window.session.plan.title = "改過"
    with DialogAnswerer("仍要覆蓋", "確定") as answers:
        window.tree.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert answers.texts[-1] == "無法儲存計畫檔"
    assert answers.details[-1] == "「計畫.plan.json」沒有儲存：這個名稱是資料夾。"  # errno EISDIR, said, not the system's English
    discard_on_close(window)


def test_refused_moves_drops_and_amounts_speak_chinese(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    said = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    for node_id, key, modifier in [
        ("s2", Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),  # a strategy cannot go under a strategy
        ("a1", Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),  # an action cannot go under a focus area
        ("s1", Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier),  # already the first
        ("fs", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),  # a section
    ]:
        window.tree.select_node(node_id)
        window.activateWindow()
        window.tree.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    model = window.model
    drag = model.mimeData([model.index_for_id("s1")])
    goal = model.index_for_id("g1")
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, -1, 0, goal) is False  # what the view does on a drop
    assert said == ["無法降階：推動策略之下不能放推動策略", "無法升階：施政重點之下不能放具體作法",
                    "「推動橋頭科學園區」已經是第一個", "固定的章節不能刪除", "施政目標之下不能放推動策略"]
    for text in said:
        assert_chinese(text)
    assert window.session.undo_stack.count() == 0
    discard_on_close(window)


def test_every_place_in_a_plan_file_has_a_chinese_name():
    assert place_text(["period"]) == "期程"
    assert place_text(["revisions", 0, "label"]) == "修正版的第 1 項的版本名稱"
    assert place_text(["draft", "content", "focus", "focus_areas", 0, "strategies", 2, "kpis", 1, "targets"]) == \
        "工作草稿的第 1 項施政重點的第 3 項推動策略的關鍵績效指標的第 2 項的目標值"


def test_an_error_without_a_code_is_said_without_its_english_reason():
    assert file_error_text(PlanFileError("x.plan.json: something odd happened.")) == "檔案無法讀取或寫入。"
