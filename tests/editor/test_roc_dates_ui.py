"""Dates in the window read in 民國 years, as the plan counts them, through one function
(editor.ui.i18n.roc_date_text on schema.roc_dates): the revisions dialog, the version names of the
comparison and the Revisions menu, the read-only viewer's banner and the recovery question."""
from __future__ import annotations

import datetime

from editor.ui import i18n
from editor.ui.comparison.readonly_view import RevisionViewer
from editor.ui.files import dialogs
from editor.ui.i18n import dated, roc_date_text, version_name
from editor.ui.revisions.dialog import RevisionsDialog
from editor.ui.session.journal_scan import Recoverable
from editor.ui.session.session import EditSession
from schema.model import Revision
from tests.editor.ui_support import DialogAnswerer, small_plan


def plan_with_a_dated_revision():
    plan = small_plan()
    plan.revisions = [Revision(label="109年修正版", date="2020-03-01", author="研考會",
                               content=plan.draft.content.model_copy(deep=True))]
    return plan


def test_the_one_function_reads_iso_dates_in_roc_years_and_english_keeps_iso(monkeypatch):
    assert roc_date_text("2020-03-01") == "民國109年3月1日"
    assert roc_date_text(datetime.datetime(2026, 12, 7, 1, 50)) == "民國115年12月7日 01:50"
    assert roc_date_text("不是日期") == "不是日期"
    assert dated("109年修正版", "2020-03-01") == "109年修正版（民國109年3月1日）"
    monkeypatch.setitem(i18n._active, "language", "en")
    assert roc_date_text("2020-03-01") == "2020-03-01"
    assert roc_date_text(datetime.datetime(2026, 12, 7, 1, 50)) == "2026-12-07 01:50"


def test_the_revisions_dialog_and_the_version_names_show_roc_dates(qtbot, tmp_path):
    session = EditSession(plan_with_a_dated_revision(), journal_dir=tmp_path / "recovery")
    dialog = RevisionsDialog(session)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["109年修正版", "民國109年3月1日", "研考會"]
    assert version_name(session.plan, session.plan.revisions[0]) == "109年修正版（民國109年3月1日）"
    viewer = RevisionViewer(session.plan, "109年修正版")
    qtbot.addWidget(viewer)
    assert viewer.banner_text("109年修正版").startswith("唯讀　109年修正版（民國109年3月1日，研考會）：")
    session.close()


def test_the_recovery_question_says_when_in_roc_years(qtbot, tmp_path):
    item = Recoverable(journal_path=tmp_path / "x.journal", plan_path=tmp_path / "計畫.plan.json", title="計畫",
                       last_edit=datetime.datetime(2026, 12, 7, 9, 5, 42), edit_count=3)
    with DialogAnswerer("稍後再說") as answers:
        assert dialogs.offer_recovery(None, item) == "later"
    assert answers.texts == ["上次編輯「計畫.plan.json」時程式沒有正常結束，有 3 項編輯尚未儲存（最後一次在 民國115年12月7日 09:05）。要還原嗎？"]
