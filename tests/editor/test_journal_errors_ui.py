"""Recovery journal errors are said in the interface's language: JournalError and RecoveryError carry a
code and its values (as PlanFileError does), the command line keeps the English sentence, and the window
phrases them (editor.ui.files.file_errors.journal_error_text)."""
from __future__ import annotations

import json

from editor.ui.files.file_errors import journal_error_text
from editor.ui.session.journal_format import JournalError
from editor.ui.session.recovery import RecoveryError, find_recoverable, recover
from editor.ui.session.session import EditSession
from schema.operations import SetField
from tests.editor.ui_support import DialogAnswerer, discard_on_close, ime_commit, make_window, write_plan


def test_a_journal_that_cannot_be_created_is_said_in_chinese_and_editing_goes_on(qtbot, tmp_path):
    (tmp_path / "recovery").write_text("a file where the recovery folder should be")
    window = make_window(qtbot, tmp_path)
    window.tree.select_node("s1")
    title = window.detail.fields["title"]
    title.setFocus()
    title.selectAll()
    with DialogAnswerer("確定") as answers:
        ime_commit(title, "照樣可以編輯")  # the first edit opens the journal, which cannot be made
        qtbot.waitUntil(lambda: bool(answers.texts))
    assert answers.titles == ["無法寫入還原紀錄"]
    assert answers.details == [f"無法在 {tmp_path / 'recovery'} 建立還原紀錄：已有同名的檔案。"]
    assert window.session.document.node("s1").title == "照樣可以編輯"
    # the command line's sentence stays English
    assert str(window.session.journal_error) == f"the recovery journal cannot be created in {tmp_path / 'recovery'}: File exists."
    discard_on_close(window)


def crashed_journal(tmp_path):
    plan_path = write_plan(tmp_path / "small.plan.json")
    crashed = EditSession.open(plan_path, journal_dir=tmp_path / "recovery")
    crashed.apply(SetField("s1", "title", "甲"))
    crashed.apply(SetField("s2", "title", "乙"))
    path = crashed._journal.path
    crashed._journal.close(delete=False)
    crashed._journal = None
    return path


def test_a_damaged_journal_is_offered_for_deletion_with_the_reason_in_chinese(qtbot, tmp_path):
    path = crashed_journal(tmp_path)
    lines = path.read_bytes().split(b"\n")
    lines[1] = b"{not json"  # a line in the middle damaged: the edits after it cannot be trusted
    path.write_bytes(b"\n".join(lines))
    window = make_window(qtbot, tmp_path / "w")
    window.journal_dir = tmp_path / "recovery"
    with DialogAnswerer("保留") as answers:
        assert window.offer_recovery() is False
    assert answers.texts == ["上次編輯「未命名」的紀錄無法還原。"]  # a damaged journal does not say whose it is
    assert answers.details == [f"還原紀錄 {path} 在第 2 行損壞，無法安全地重做其中的編輯。"]
    discard_on_close(window)


def test_recovering_a_journal_whose_base_is_gone_says_so_in_chinese(qtbot, tmp_path):
    path = crashed_journal(tmp_path)
    header = json.loads(path.read_bytes().split(b"\n")[0])
    (path.parent / header["base_file"]).unlink()  # the copy of the base is gone
    (tmp_path / "small.plan.json").write_text((tmp_path / "small.plan.json").read_text().replace("拚經濟", "拚觀光"))
    [item] = find_recoverable(tmp_path / "recovery")
    assert journal_error_text(item.error) == "「small.plan.json」已被修改，而編輯所根據的版本沒有留下副本，所以無法還原。"
    try:
        recover(item, journal_dir=tmp_path / "recovery")
    except RecoveryError as exc:
        error = exc
    assert error.code == "base_gone" and str(error).startswith(f"the version of {tmp_path / 'small.plan.json'} that the edits")
    assert journal_error_text(error) == "「small.plan.json」已被修改，而編輯所根據的版本沒有留下副本，所以無法還原。"


def test_every_code_has_a_chinese_phrase_and_an_unknown_one_a_plain_sentence():
    assert journal_error_text(JournalError("x", "cannot_write", path="/r/a.journal", errno=28)) == "還原紀錄 /r/a.journal 無法寫入：磁碟已滿。"
    assert journal_error_text(JournalError("x", "cannot_write", path="/r/a.journal", errno=5)) == "還原紀錄 /r/a.journal 無法寫入。"
    assert journal_error_text(RecoveryError("x", "in_use", path="/r/a.journal")) == "還原紀錄 /r/a.journal 正由另一個仍在執行的編輯器使用。"
    assert journal_error_text(JournalError("something new")) == "還原紀錄無法使用。"
