"""Staff comments go out as Word comments in the official and the tracked-changes documents, and come back."""
import docx

from editor.export.amendments import write_tracked_document
from editor.export.official_docx import write_official_docx
from editor.review import read_review
from schema.compare import compare
from schema.fileio import load_plan
from schema.proposals import Proposal, Reply
from tests.paths import DEMO, SAMPLE

STARTUP = "abd5d0ff4702"  # 設置科技新創園區


def with_staff_comment(plan):
    plan.proposals.append(Proposal(source="staff", kind="comment", node_id=STARTUP, field="title", author="研考會",
                                   comment="請經發局補充期程。", replies=[Reply(author="經發局", text="下週提供。")]))
    plan.proposals.append(Proposal(source="staff", kind="comment", node_id=STARTUP, field="title", author="研考會",
                                   comment="已結案的意見不再匯出。", status="resolved"))
    return plan


def test_a_staff_comment_is_a_word_comment_on_its_items_text_with_the_replies(tmp_path):
    plan = with_staff_comment(load_plan(SAMPLE))
    write_official_docx(plan, None, tmp_path / "plan.docx")
    comments = list(docx.Document(str(tmp_path / "plan.docx")).comments)
    assert [(c.author, [p.text for p in c.paragraphs]) for c in comments] == [("研考會", ["請經發局補充期程。", "經發局：下週提供。"])]
    back = read_review(load_plan(SAMPLE), tmp_path / "plan.docx")
    assert [(p.kind, p.node_id, p.field, p.anchor, p.author) for p in back.proposals] == [("comment", STARTUP, "title", "設置科技新創園區", "研考會")]
    assert back.unplaced == []


def test_the_tracked_changes_document_carries_them_too(tmp_path):
    plan = load_plan(DEMO)
    node = next(s for a in plan.draft.content.focus.focus_areas for s in a.strategies if s.id in (STARTUP,))
    assert node.title
    with_staff_comment(plan)
    old = plan.revisions[-1]
    write_tracked_document(compare(old.content, plan.draft.content), plan, old, plan, plan.draft, tmp_path / "tracked.docx")
    comments = list(docx.Document(str(tmp_path / "tracked.docx")).comments)
    assert [(c.author, c.text.splitlines()[0]) for c in comments] == [("研考會", "請經發局補充期程。")]
