"""Reading Word's other marks: two authors in one field, moved text, joined paragraphs, edited
numbers, a paragraph deleted whole, a comment anchored nowhere; and input that is no review."""
import subprocess
from pathlib import Path

import docx
import pytest

from editor.review import ReviewError, read_review
from schema.document import Document
from schema.fileio import load_plan
from schema.review import apply_decisions, decide, decide_all
from tests.paths import ROOT, SAMPLE
from tests.review.word_edits import EditedDocx

CLI = str(ROOT / ".venv" / "bin" / "plan-editor")
YOUTH = "4133f35af774"  # 建置青年創業資源網
QIAOTOU = "d343ee237953"  # 推動橋頭科學園區


@pytest.fixture()
def plan():
    return load_plan(SAMPLE)


@pytest.fixture()
def edited(reviewed):
    return EditedDocx(reviewed["exported"])


def read(plan, edited, tmp_path):
    return read_review(plan, edited.save(tmp_path / "edited.docx"))


def test_two_authors_in_one_body_are_two_proposals_and_both_can_be_taken(plan, edited, tmp_path):
    edited.replace("多類型培訓課程", "多元培訓課程", "甲")
    edited.insert("以落實青年人才發展政策", "及創業", "乙")
    result = read(plan, edited, tmp_path)
    assert [(p.kind, p.author, p.node_id, p.field) for p in result.proposals] == [("replace", "甲", YOUTH, "body"), ("insert", "乙", YOUTH, "body")]
    body = Document(plan.draft.content).node(YOUTH).body
    assert result.proposals[1].new == body.replace("以落實青年人才發展政策", "以落實青年人才發展政策及創業")
    plan.proposals += result.proposals
    assert decide_all(plan, "accepted") == (2, [])
    expected = body.replace("多類型培訓課程", "多元培訓課程").replace("以落實青年人才發展政策", "以落實青年人才發展政策及創業")
    assert Document(plan.draft.content).node(YOUTH).body == expected


def test_taking_only_the_second_authors_change(plan, edited, tmp_path):
    edited.replace("多類型培訓課程", "多元培訓課程", "甲")
    edited.insert("以落實青年人才發展政策", "及創業", "乙")
    plan.proposals += read(plan, edited, tmp_path).proposals
    assert decide_all(plan, "accepted", lambda p: p.author == "乙") == (1, [])
    body = Document(plan.draft.content).node(YOUTH).body
    assert "多類型培訓課程" in body and body.endswith("以落實青年人才發展政策及創業。")


def test_text_moved_within_a_field_is_one_proposal(plan, edited, tmp_path):
    edited.move("攜手合作青創事業孵化與育成，", "以落實青年人才發展政策", "甲")
    result = read(plan, edited, tmp_path)
    assert [(p.kind, p.node_id, p.field) for p in result.proposals] == [("replace", YOUTH, "body")]
    old = result.proposals[0].old
    assert result.proposals[0].new == old.replace("攜手合作青創事業孵化與育成，", "").replace("以落實青年人才發展政策", "以落實青年人才發展政策攜手合作青創事業孵化與育成，")


def test_a_paragraph_break_deleted_between_two_actions_is_reported_not_applied(plan, edited, tmp_path):
    edited.delete_mark("成立「橋頭科學園區專案推動小組」", "甲")
    result = read(plan, edited, tmp_path)
    assert result.proposals == []
    assert [(u.node_id, u.kind, u.author) for u in result.unplaced] == [("", "delete", "甲")]
    assert result.unplaced[0].reason.startswith("joins the paragraphs of 「成立「橋頭科學園區專案推動小組」")
    assert result.unplaced[0].reason.endswith("a change across two items is not applied")


def test_an_edited_number_is_reported_not_applied(plan, edited, tmp_path):
    edited.replace("（二）", "（五）", "甲")
    result = read(plan, edited, tmp_path)
    assert result.proposals == []
    assert [(u.old, u.new, u.anchor) for u in result.unplaced] == [("（二）", "（五）", "亞洲新灣區再啟航")]
    assert result.unplaced[0].reason == "changes the number of 「亞洲新灣區再啟航」; numbers follow from the order of the items, so it is not applied"


def test_an_action_deleted_whole_is_a_removal_that_accepting_applies_and_its_inverse_undoes(plan, edited, tmp_path):
    edited.delete_paragraph("成立「橋頭科學園區專案推動小組」", "甲")
    result = read(plan, edited, tmp_path)
    assert [(p.kind, p.node_id, p.author) for p in result.proposals] == [("remove_node", plan.draft.content.focus.focus_areas[0].strategies[0].actions[0].id, "甲")]
    plan.proposals += result.proposals
    document = Document.of_plan(plan)
    before = plan.draft.model_dump()
    inverses = apply_decisions(document, decide(document, plan.proposals[0], "accepted"))
    assert [a.text[:6] for a in document.node(QIAOTOU).actions] == ["為完善橋頭科"]
    assert plan.proposals[0].status == "accepted"
    apply_decisions(document, inverses)
    assert plan.draft.model_dump() == before and plan.proposals[0].status == "pending"


@pytest.mark.parametrize("section", ["focus", "closing"])
def test_a_section_heading_removed_without_tracking_is_its_title_deleted_as_when_tracked(plan, reviewed, section, tmp_path):
    """A section is never removed (it has no parent to remove it from): reading its heading gone raised AttributeError."""
    node = getattr(plan.draft.content, section)
    untracked, tracked = EditedDocx(reviewed["exported"]), EditedDocx(reviewed["exported"])
    heading = untracked.paragraph(node.title)
    heading.getparent().remove(heading)
    tracked.delete_paragraph(node.title, "甲")
    for edited, name in ((untracked, "untracked.docx"), (tracked, "tracked.docx")):
        result = read_review(plan, edited.save(tmp_path / name))
        assert [(p.kind, p.node_id, p.field, p.old, p.new) for p in result.proposals] == [("delete", node.id, "title", node.title, "")]
        assert result.unplaced == []


def test_a_comment_anchored_nowhere_is_listed_as_unplaced(plan, edited, tmp_path):
    edited.comment_anchored_nowhere("乙", "整體架構請再斟酌。")
    result = read(plan, edited, tmp_path)
    assert result.proposals == []
    assert [(u.kind, u.author, u.comment, u.reason) for u in result.unplaced] == [("comment", "乙", "整體架構請再斟酌。", "a comment anchored nowhere in the document")]


def run_cli(*args):
    return subprocess.run([CLI, "review", *map(str, args)], capture_output=True, text=True)


def test_a_document_that_is_not_of_this_plan_is_one_sentence_and_exit_2(tmp_path):
    foreign = tmp_path / "letter.docx"
    document = docx.Document()
    for text in ("敬啟者：", "本局謹訂於下週召開會議。", "此致"):
        document.add_paragraph(text)
    document.save(foreign)
    out = tmp_path / "out.plan.json"
    done = run_cli(SAMPLE, foreign, "-o", out)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (f"{foreign} does not look like a document exported from this plan: neither its "
                           f"bookmarks nor its paragraphs match the plan's items (0 of 88 found).\n")
    assert not out.exists()


@pytest.mark.parametrize("content, problem", [
    (b"PK\x03\x04 truncated", "is not a Word document (.docx): it is not a zip package, or it is damaged."),
    ("這不是 Word 文件".encode(), "is not a Word document (.docx): it is not a zip package, or it is damaged."),
])
def test_a_corrupt_file_is_one_sentence_and_exit_2(tmp_path, content, problem):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    before = SAMPLE.read_bytes()
    done = run_cli(SAMPLE, bad, "--json")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"{bad} {problem}\n")
    assert SAMPLE.read_bytes() == before


def test_damaged_xml_inside_the_package_is_one_sentence(reviewed, tmp_path):
    edited = EditedDocx(reviewed["exported"])
    edited.parts["word/document.xml"] = b"<w:document xmlns:w='x'><w:body><w:p>"
    path = tmp_path / "damaged.docx"
    import zipfile

    with zipfile.ZipFile(path, "w") as out:
        for name, payload in edited.parts.items():
            out.writestr(name, payload)
    with pytest.raises(ReviewError) as caught:
        read_review(load_plan(SAMPLE), path)
    assert str(caught.value).startswith(f"{path} is damaged: its XML cannot be read (")


def test_the_plan_file_itself_is_never_written(reviewed, tmp_path):
    before = SAMPLE.read_bytes()
    done = run_cli(SAMPLE, reviewed["tracked"])
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "4 proposals, 0 not placed on an item"
    assert SAMPLE.read_bytes() == before
    assert Path(SAMPLE).read_bytes() == before
