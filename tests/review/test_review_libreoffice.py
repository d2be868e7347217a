"""plan-editor review on documents that LibreOffice edited as a reviewer (tracked, untracked, without bookmarks).

The reviewer (LibreOffice over UNO, author 審查委員甲) replaced a phrase in one strategy's body,
deleted a clause of another's, added a third action to a third and retitled a fourth; then a
second reviewer commented on a fifth strategy's title and a colleague replied (Word-style XML).
"""
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from editor.export.official_docx import write_official_docx
from editor.review import read_review
from schema.document import Document
from schema.fileio import load_plan
from schema.review import decide_all
from tests.paths import ROOT, SAMPLE
from tests.review.conftest import COMMENT, COMMENTER, REPLIER, REPLY
from tests.review.reviewed_docs import REVIEWER, paragraph_texts

CLI = str(ROOT / ".venv" / "bin" / "plan-editor")
YOUTH = "4133f35af774"  # 建置青年創業資源網: 多類型培訓課程 → 多元培訓課程
AIR = "12da99959932"  # 改善空氣品質: 另針對空污累犯業者採取累進處罰， deleted
QIAOTOU = "d343ee237953"  # 推動橋頭科學園區: a third action
BAY = "c456565aff2f"  # 亞洲新灣區再啟航 → 亞洲新灣區再升級
STARTUP = "abd5d0ff4702"  # 設置科技新創園區: the comment


def review_json(plan: Path, reviewed: Path) -> dict:
    done = subprocess.run([CLI, "review", str(plan), str(reviewed), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def node(plan, node_id):
    return Document(plan.draft.content).node(node_id)


def check_the_five(found: dict, plan, *, date_pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$") -> None:
    proposals = {(p["node_id"], p["kind"]): p for p in found["proposals"]}
    assert sorted(proposals) == sorted([(BAY, "replace"), (YOUTH, "replace"), (AIR, "delete"), (QIAOTOU, "insert_node"), (STARTUP, "comment")])
    assert found["unplaced"] == []
    for p in found["proposals"]:
        assert set(p) == {"id", "node_id", "field", "kind", "author", "date", "old", "new", "comment", "anchor"}
        assert re.match(date_pattern, p["date"]), p["date"]
    bay = proposals[(BAY, "replace")]
    assert (bay["field"], bay["author"], bay["old"], bay["new"]) == ("title", REVIEWER, "亞洲新灣區再啟航", "亞洲新灣區再升級")
    youth = proposals[(YOUTH, "replace")]
    body = node(plan, YOUTH).body
    assert (youth["field"], youth["author"], youth["old"]) == ("body", REVIEWER, body)
    assert youth["new"] == body.replace("多類型培訓課程", "多元培訓課程")
    air = proposals[(AIR, "delete")]
    assert (air["field"], air["author"]) == ("body", REVIEWER)
    assert air["new"] == node(plan, AIR).body.replace("另針對空污累犯業者採取累進處罰，", "")
    added = proposals[(QIAOTOU, "insert_node")]
    assert (added["field"], added["author"], added["new"]) == ("", REVIEWER, "爭取產業人才培育中心進駐園區。")
    comment = proposals[(STARTUP, "comment")]
    assert (comment["field"], comment["author"], comment["comment"], comment["anchor"]) == ("title", COMMENTER, COMMENT, "設置科技新創園區")


def test_each_tracked_change_and_the_comment_are_found_on_their_item_and_field(reviewed):
    check_the_five(review_json(SAMPLE, reviewed["tracked_commented"]), load_plan(SAMPLE))


def test_a_document_saved_again_without_tracking_gives_the_same_proposals_by_comparing_texts(reviewed):
    check_the_five(review_json(SAMPLE, reviewed["untracked_commented"]), load_plan(SAMPLE))


def test_without_bookmarks_the_items_are_found_by_their_content(reviewed, tmp_path):
    stripped = tmp_path / "no-bookmarks.docx"
    removed = strip_bookmarks(reviewed["tracked_commented"], stripped)
    assert "<w:bookmarkStart" not in zipfile.ZipFile(stripped).read("word/document.xml").decode()
    assert removed >= 2 * 93  # the start and end of every field's bookmark
    check_the_five(review_json(SAMPLE, stripped), load_plan(SAMPLE))


def strip_bookmarks(source: Path, target: Path) -> int:
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    xml, count = re.subn(r"<w:bookmark(?:Start|End)\b[^>]*/>", "", xml)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, payload in parts.items():
            out.writestr(name, payload)
    return count


@pytest.mark.parametrize("which", ["tracked_commented", "untracked_commented"])
def test_accepting_everything_gives_the_text_of_libreoffices_own_accept_all(reviewed, which, tmp_path):
    plan = load_plan(SAMPLE)
    result = read_review(plan, reviewed[which])
    plan.proposals += result.proposals
    done, refused = decide_all(plan, "accepted")
    assert (done, refused) == (5, [])
    write_official_docx(plan, None, tmp_path / "accepted-by-us.docx")
    ours = paragraph_texts(tmp_path / "accepted-by-us.docx")  # no table of contents by default: nothing to set aside
    theirs = paragraph_texts(reviewed["accepted"])
    # the title names the draft: exported unedited it was the 109 revision's label, edited it is 修正草案 (rules.draft_label)
    assert theirs[0].endswith("\n（109年修正版）") and ours[0] == theirs[0].replace("（109年修正版）", "（修正草案）")
    assert ours[1:] == theirs[1:]
    assert node(plan, QIAOTOU).actions[2].text == "爭取產業人才培育中心進駐園區。"


def test_rejecting_everything_gives_back_the_original_plan_exactly(reviewed):
    plan = load_plan(SAMPLE)
    original = plan.draft.model_dump(mode="json")
    plan.proposals += read_review(plan, reviewed["tracked_commented"]).proposals
    assert decide_all(plan, "rejected") == (5, [])
    assert plan.draft.model_dump(mode="json") == original
    assert sorted(p.status for p in plan.proposals) == ["rejected"] * 4 + ["resolved"]  # a comment is resolved


def test_output_plan_keeps_the_proposals_with_the_comment_thread(reviewed, tmp_path):
    out = tmp_path / "reviewed.plan.json"
    before = SAMPLE.read_bytes()
    done = subprocess.run([CLI, "review", str(SAMPLE), str(reviewed["tracked_commented"]), "-o", str(out)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "5 proposals, 0 not placed on an item"
    assert SAMPLE.read_bytes() == before
    plan = load_plan(out)
    assert [p.status for p in plan.proposals] == ["pending"] * 5
    comment = next(p for p in plan.proposals if p.kind == "comment")
    assert [(r.author, r.text) for r in comment.replies] == [(REPLIER, REPLY)]
    assert plan.draft.model_dump() == load_plan(SAMPLE).draft.model_dump()
