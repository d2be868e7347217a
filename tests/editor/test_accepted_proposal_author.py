"""An accepted proposal keeps its author (修改者): Review mode's Ctrl+Enter records the proposer, not the
local user, against the node, and the tracked-changes document's w:author names the reviewer."""
from __future__ import annotations

import zipfile

from lxml import etree
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.export.amendments import write_tracked_document
from schema.compare import compare
from schema.fileio import load_plan, save_plan
from schema.proposals import Proposal
from tests.editor.ui_support import discard_on_close, ime_commit, make_window
from tests.paths import SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BAY = "c456565aff2f"  # （二）亞洲新灣區再啟航


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    qtbot.wait(20)


def test_accepting_a_reviewers_proposal_names_the_reviewer_in_the_tracked_document(qtbot, tmp_path):
    plan = load_plan(SAMPLE)
    plan.proposals.append(Proposal(source="review", kind="replace", node_id=BAY, field="title", author="審查委員甲",
                                   date="2026-12-01T09:00:00Z", old="亞洲新灣區再啟航", new="亞洲新灣區再升級"))
    path = tmp_path / "reviewed.plan.json"
    save_plan(plan, path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("edit/author", "研考會王小明")  # the local user, as Preferences ▸ 修改者名稱 sets it
    settings.sync()
    window = make_window(qtbot, tmp_path, path=path)
    qtbot.waitUntil(lambda: window.review.dock.isVisible())
    window.review.view.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.view.text)

    key(qtbot, Qt.Key.Key_F8)
    assert window.review.view.position.text() == "第 1／1 項：取代 亞洲新灣區再啟航（審查委員甲）"
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    session = window.session
    bay = session.document.node(BAY)
    assert bay.title == "亞洲新灣區再升級"
    assert session.plan.draft.authors == {BAY: "審查委員甲"}

    # The local user's own edit beside it is the local user's.
    first = session.plan.draft.content.focus.focus_areas[0].strategies[0]
    window.tree.select_node(first.id)
    title = window.detail.fields["title"]
    title.setFocus()
    title.end(False)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    ime_commit(QApplication.focusWidget(), "及人才培育")
    assert session.plan.draft.authors == {BAY: "審查委員甲", first.id: "研考會王小明"}

    old, new = session.plan.revisions[-1], session.plan.draft
    out = tmp_path / "tracked.docx"
    write_tracked_document(compare(old.content, new.content, new.authors), session.plan, old, session.plan, new, out)
    with zipfile.ZipFile(out) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    marks = [(m.get(f"{W}author"), "".join(m.itertext())) for m in body.iter(f"{W}ins", f"{W}del")]
    assert ("審查委員甲", "升級") in marks and ("審查委員甲", "啟航") in marks
    assert {who for who, text in marks if "人才培育" in text} == {"研考會王小明"}
    assert "研考會王小明" not in {who for who, text in marks if "升級" in text or "啟航" in text}
    discard_on_close(window)
