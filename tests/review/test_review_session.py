"""Decisions on proposals in the editor's session: one undo step each, journalled, recovered after a crash."""
import shutil

from editor.ui.session.recovery import find_recoverable, recover
from editor.ui.session.session import EditSession
from editor.ui.session.undo_commands import execute
from schema.fileio import load_plan, save_plan
from schema.proposals import Proposal, Reply
from schema.review import add_proposal, add_reply, decide
from tests.paths import SAMPLE

YOUTH = "4133f35af774"


def plan_with_proposals(path):
    plan = load_plan(SAMPLE)
    body = next(s for a in plan.draft.content.focus.focus_areas for s in a.strategies if s.id == YOUTH).body
    plan.proposals = [
        Proposal(id="p1", kind="replace", node_id=YOUTH, field="body", author="甲", old=body, new=body.replace("多類型", "多元")),
        Proposal(id="p2", kind="comment", node_id=YOUTH, field="title", author="乙", comment="請說明。", anchor="建置青年創業資源網"),
    ]
    save_plan(plan, path)
    return body


def test_accept_is_one_undo_step_that_undo_and_redo_take_back_and_forth(qapp, tmp_path):
    body = plan_with_proposals(tmp_path / "p.plan.json")
    session = EditSession.open(tmp_path / "p.plan.json", journal_dir=tmp_path / "rec")
    seen = []
    session.undo_stack.indexChanged.connect(seen.append)
    assert execute(session, decide(session.document, session.plan.proposals[0], "accepted"), "接受修正建議") is None
    assert session.document.node(YOUTH).body == body.replace("多類型", "多元")
    assert [p.status for p in session.plan.proposals] == ["accepted", "pending"]
    session.undo_stack.undo()
    assert session.document.node(YOUTH).body == body and session.plan.proposals[0].status == "pending"
    session.undo_stack.redo()
    assert session.document.node(YOUTH).body == body.replace("多類型", "多元") and session.plan.proposals[0].status == "accepted"
    assert seen == [1, 0, 1]
    session.close()


def test_decisions_replies_and_staff_comments_survive_a_crash(qapp, tmp_path):
    body = plan_with_proposals(tmp_path / "p.plan.json")
    session = EditSession.open(tmp_path / "p.plan.json", journal_dir=tmp_path / "rec")
    execute(session, decide(session.document, session.plan.proposals[0], "accepted"), "接受")
    execute(session, [add_reply(session.plan.proposals[1], Reply(author="丙", text="已說明。"))], "回覆")
    execute(session, decide(session.document, session.plan.proposals[1], "resolved"), "結案")
    staff = Proposal(id="p3", source="staff", kind="comment", node_id=YOUTH, field="body", author="研考會", comment="請各局處確認。")
    execute(session, [add_proposal(staff)], "新增註解")
    # the editor "crashes": nothing saved, the journal left behind (as test_journal.crash does)
    session._journal.close(delete=False)
    session._journal = None
    session._closed = True
    [item] = find_recoverable(tmp_path / "rec")
    restored = recover(item, journal_dir=tmp_path / "rec")
    plan = restored.plan
    assert restored.document.node(YOUTH).body == body.replace("多類型", "多元")
    assert [(p.id, p.status) for p in plan.proposals] == [("p1", "accepted"), ("p2", "resolved"), ("p3", "pending")]
    assert [(r.author, r.text) for r in plan.proposals[1].replies] == [("丙", "已說明。")]
    assert load_plan(tmp_path / "p.plan.json").proposals[0].status == "pending"  # the file itself untouched
    restored.close()
    shutil.rmtree(tmp_path / "rec", ignore_errors=True)
