"""No lost work: an editor killed with SIGKILL after N edits gets all N back.

A child Python process (offscreen Qt, a temporary recovery folder) opens a copy of a plan,
makes N edits through a QUndoStack (edits, undos, redos, and operations the plan rejects),
prints "ready" and sleeps; the parent kills it with SIGKILL, then find_recoverable + recover
must give exactly the state after those N edits. The same seeded edit sequence is replayed in
the parent to know that state independently of the child.

In mode ``revisions`` the child also makes revisions (修正版) from the draft between its edits:
recovery must give the whole plan back, revisions included, not only the draft.

This file is also the child program: ``python test_recovery_kill.py PLAN|--new JOURNAL_DIR SEED N MODE``.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the child is started as a script
    sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QUndoCommand  # noqa: E402

from schema.operations import Insert, Move, OperationError, Remove, SetField  # noqa: E402
from schema.tree import children, walk  # noqa: E402

SAMPLE = ROOT / "samples" / "kaohsiung-108-111.plan.json"
WORDS = "產業轉型增加就業交通建設改善空污推動橋頭科學園區亞洲新灣區青年創業共融公園日照中心"


class OpCommand(QUndoCommand):
    """A minimal undo command, as the window's commands do it: ops through session.apply."""

    def __init__(self, session, op, text):
        super().__init__(text)
        self.session = session
        self.op = op
        self.inverse = None

    def redo(self):
        self.inverse = self.session.apply(self.op)

    def undo(self):
        self.session.apply(self.inverse)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"


def random_op(doc, rng: random.Random):
    """A valid operation on the document's current state, chosen by the seeded generator."""
    nodes = [n for n, _ in walk(doc.content)]
    movable = [n for n, p in walk(doc.content) if p is not None]
    choice = rng.random()
    if choice < 0.4 or not movable:
        node = rng.choice(nodes)
        field = "title" if hasattr(node, "title") else "text"
        if rng.random() < 0.3:
            field = "note"
        return SetField(node.id, field, _text(rng))
    if choice < 0.7:
        kinds = {"preface": "paragraph", "closing": "paragraph", "goals_section": "goal", "focus_section": "focus_area",
                 "focus_area": "strategy", "strategy": "action"}
        parents = [n for n in nodes if n.kind in kinds or (n.kind == "action" and doc.parent(n).kind == "strategy")]
        parent = rng.choice(parents)
        kind = kinds.get(parent.kind, "action")
        data = {"kind": kind, "id": _id(rng)}
        data["text" if kind in ("paragraph", "action") else "title"] = _text(rng)
        return Insert(parent.id, rng.randint(0, len(children(parent))), data)
    if choice < 0.85:
        node = rng.choice(movable)
        parent = doc.parent(node)
        return Remove(parent.id, doc.index_of(node))
    node = rng.choice(movable)
    targets = [n for n in nodes if doc.can_hold(n, node.kind, 1 if node.kind != "action" else max(1, _depth(node))) is None
               and n is not node and node not in doc.ancestors(n)]
    target = rng.choice(targets)
    limit = len(children(target)) - (1 if doc.parent(node) is target else 0)
    return Move(node.id, target.id, rng.randint(0, limit))


def _depth(node) -> int:
    return 1 + max((_depth(c) for c in children(node)), default=0)


def run_edits(session, seed: int, count: int, after_each=None) -> int:
    """Make ``count`` edits (pushes, undos, redos, rejected ops); return how many ops reached the journal."""
    rng = random.Random(seed)
    stack = session.undo_stack
    journalled = 0
    for step in range(count):
        roll = rng.random()
        if roll < 0.15 and stack.canUndo():
            stack.undo()  # one command = one op here, so one inverse journalled
            journalled += 1
        elif roll < 0.22 and stack.canRedo():
            stack.redo()
            journalled += 1
        elif roll < 0.27:
            try:  # an operation the plan rejects: it must leave no trace in the journal
                session.apply(Remove(session.plan.draft.content.focus.id, 10_000))
            except OperationError:
                pass
        else:
            op = random_op(session.document, rng)
            stack.push(OpCommand(session, op, f"edit {step}"))
            journalled += 1
        if after_each is not None:
            after_each(step + 1)
    return journalled


def content_of(session) -> dict:
    return session.document.content.model_dump(mode="json")


def edits_and_revisions(session, seed: int, count: int, last: str = "all") -> None:
    """Edits, a revision made from the draft (it clears the draft's notes), more edits, a rename,
    a second revision deleted again, more edits: revision commands as the revisions dialog makes them.

    ``last`` = create, rename or delete stops right after the first command of that kind, so that
    the kill comes right after it.
    """
    from editor.ui.revisions import commands

    rng = random.Random(seed)
    stack, plan = session.undo_stack, session.plan

    def edits(n):
        for step in range(n):
            stack.push(OpCommand(session, random_op(session.document, rng), f"edit {step}"))

    edits(count)
    stack.push(OpCommand(session, SetField(plan.draft.content.focus.id, "note", "依市議會決議修正"), "note"))
    commands.create_revision(session, "110年修正版", date="2021-06-30", author="研考會")
    if last == "create":
        return
    edits(count)
    commands.rename_revision(session, "110年修正版", "110年第1次修正版")
    if last == "rename":
        return
    commands.create_revision(session, "111年修正版")
    commands.delete_revision(session, "111年修正版")
    if last == "delete":
        return
    edits(count)


# --- the child ---------------------------------------------------------------------------------
def child_main(argv: list[str]) -> None:
    from PySide6.QtGui import QGuiApplication

    from editor.ui.session.session import EditSession

    plan, journal_dir, seed, count, mode = argv
    app = QGuiApplication([])  # noqa: F841 (the session's timers need an application)
    if plan == "--new":
        session = EditSession.new(journal_dir=Path(journal_dir))
    else:
        session = EditSession.open(plan, journal_dir=Path(journal_dir))
        session.acquire_lock()
    if mode == "ready":
        run_edits(session, int(seed), int(count))
        # The child's own final state, to compare the recovered plan with exactly.
        Path(journal_dir).with_name("child-state.json").write_text(json.dumps(content_of(session)), "utf-8")
        print("ready", flush=True)
    elif mode == "authors":  # two people take turns (修改者), a merge names each change's side
        from editor.ui.session.undo_commands import execute

        names = ["研考會王小明", "經發局李大同"]
        session.author = names[0]
        run_edits(session, int(seed), int(count), after_each=lambda k: setattr(session, "author", names[k % 2]))
        focus = session.plan.draft.content.focus.focus_areas[0]
        section = session.plan.draft.content.focus
        execute(session, [SetField(focus.id, "title", "合併後的重點"), SetField(section.id, "note", "合併")], "merge",
                authors=["審查委員甲", names[1]])
        Path(journal_dir).with_name("child-plan.json").write_text(session.plan.model_dump_json(), "utf-8")
        print("ready", flush=True)
    elif mode.startswith("revisions"):  # revisions, or revisions-create / -rename / -delete: killed right after it
        edits_and_revisions(session, int(seed), int(count), mode.partition("-")[2] or "all")
        Path(journal_dir).with_name("child-plan.json").write_text(session.plan.model_dump_json(), "utf-8")
        print("ready", flush=True)
    else:  # "stream": report every completed edit, keep editing until killed
        def report(k):
            print(f"edit {k}", flush=True)
            time.sleep(0.002)  # a typist's pace, so that the kill lands in the middle of editing

        run_edits(session, int(seed), int(count), after_each=report)
        print("ready", flush=True)
    time.sleep(120)


if __name__ == "__main__":
    child_main(sys.argv[1:])
    sys.exit(0)


# --- the tests ----------------------------------------------------------------------------------
import pytest  # noqa: E402

from editor.ui.session.journal_replay import read_journal  # noqa: E402
from editor.ui.session.recovery import find_recoverable, recover  # noqa: E402
from editor.ui.session.session import EditSession  # noqa: E402
from schema.fileio import save_plan  # noqa: E402
from schema.model import Period, PlanDocument, Revision  # noqa: E402
from tests.schema.plans import small_content  # noqa: E402


def _spawn(plan: str, journal_dir: Path, seed: int, count: int, mode: str = "ready") -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, __file__, plan, str(journal_dir), str(seed), str(count), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT),
    )


def _read_until(child: subprocess.Popen, stop, timeout: float = 60) -> list[str]:
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            child.kill()
            raise AssertionError(f"the child ended early: {child.stderr.read()[-2000:]}")
        lines.append(line.strip())
        if stop(lines[-1]):
            return lines
    child.kill()
    raise AssertionError("the child did not get ready in time")


def _kill(child: subprocess.Popen) -> None:
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()
    child.stderr.close()


def _expected(plan_path: Path | None, seed: int, count: int, tmp_path: Path) -> tuple[list[dict], int]:
    """The states after 0…count edits, made in this process on a private copy of the plan."""
    if plan_path is None:
        session = EditSession.new(journal_dir=tmp_path / "parent-journal")
    else:
        copy = tmp_path / "parent-copy.plan.json"
        shutil.copyfile(plan_path, copy)
        session = EditSession.open(copy, journal_dir=tmp_path / "parent-journal")
    states = [content_of(session)]
    journalled = run_edits(session, seed, count, after_each=lambda k: states.append(content_of(session)))
    session.close()
    return states, journalled


@pytest.fixture
def small_plan(tmp_path) -> Path:
    path = tmp_path / "work" / "small.plan.json"
    path.parent.mkdir()
    save_plan(PlanDocument(title="小計畫", period=Period(start=108, end=111), draft=Revision(content=small_content())), path)
    return path


def _recover_after_kill(plan: Path | None, jdir: Path, seed: int, count: int, tmp_path: Path):
    before = plan.read_bytes() if plan else None
    child = _spawn(str(plan) if plan else "--new", jdir, seed, count)
    _read_until(child, lambda line: line == "ready")
    _kill(child)
    [item] = find_recoverable(jdir)
    session = recover(item, journal_dir=jdir)
    if plan is not None:
        assert plan.read_bytes() == before  # recovery never writes the plan
    assert content_of(session) == json.loads(jdir.with_name("child-state.json").read_text("utf-8"))
    return item, session


@pytest.mark.parametrize("count", [1, 6, 25, 90])
def test_all_n_edits_of_a_killed_editor_come_back(qapp, small_plan, tmp_path, count):
    jdir = tmp_path / "recovery"
    seed = 1000 + count
    states, journalled = _expected(small_plan, seed, count, tmp_path)
    item, session = _recover_after_kill(small_plan, jdir, seed, count, tmp_path)
    assert (item.plan_path, item.title, item.edit_count, item.problem) == (small_plan, "小計畫", journalled, None)
    assert content_of(session) == states[count]
    assert session.is_dirty() and session.path == small_plan
    session.close()
    assert find_recoverable(jdir) == []


def test_the_kaohsiung_sample_survives_a_kill(qapp, tmp_path):
    assert SAMPLE.exists(), "samples/kaohsiung-108-111.plan.json is committed by the importer issue"
    plan = tmp_path / "work" / "kaohsiung.plan.json"
    plan.parent.mkdir()
    shutil.copyfile(SAMPLE, plan)
    jdir = tmp_path / "recovery"
    states, journalled = _expected(plan, 7, 40, tmp_path)
    item, session = _recover_after_kill(plan, jdir, 7, 40, tmp_path)
    assert item.title == "高雄市政府108至111年度中程施政計畫理念" and item.edit_count == journalled
    assert content_of(session) == states[40]
    # The lock of the killed editor is stale and can be taken.
    assert session.acquire_lock() is None
    session.close()


def test_a_never_saved_plan_survives_a_kill(qapp, tmp_path):
    jdir = tmp_path / "recovery"
    states, journalled = _expected(None, 3, 30, tmp_path)
    item, session = _recover_after_kill(None, jdir, 3, 30, tmp_path)
    assert (item.plan_path, item.title, item.edit_count) == (None, "未命名計畫", journalled)
    # A new plan's four sections get random ids, so the parent's replica differs only there.
    recovered = content_of(session)
    for name in ("preface", "goals", "focus", "closing"):
        recovered[name]["id"] = states[30][name]["id"]
    assert recovered != states[0]  # the edits did change the plan
    assert recovered == states[30]
    assert session.path is None and session.is_dirty() and session.plan.title == "未命名計畫"
    target = tmp_path / "saved.plan.json"
    session.save(target)
    assert not session.is_dirty() and find_recoverable(jdir) == []
    session.close()


def test_a_kill_in_the_middle_of_editing_loses_no_completed_edit(qapp, small_plan, tmp_path):
    """Killed while still editing: the state is that after some edit at or beyond the last one reported."""
    jdir = tmp_path / "recovery"
    seed, total = 99, 400
    states, _ = _expected(small_plan, seed, total, tmp_path)
    child = _spawn(str(small_plan), jdir, seed, total, mode="stream")
    lines = _read_until(child, lambda line: line == "edit 150")
    _kill(child)
    reported = int(lines[-1].split()[1])
    [item] = find_recoverable(jdir)
    session = recover(item, journal_dir=jdir)
    recovered = content_of(session)
    matches = [k for k, state in enumerate(states) if state == recovered]
    assert matches and max(matches) >= reported
    assert min(matches) < total  # killed in the middle, not after the last edit
    session.close()


def test_revisions_made_before_a_kill_come_back_with_the_draft(qapp, small_plan, tmp_path):
    jdir = tmp_path / "recovery"
    child = _spawn(str(small_plan), jdir, 2024, 12, mode="revisions")
    _read_until(child, lambda line: line == "ready")
    _kill(child)
    [item] = find_recoverable(jdir)
    session = recover(item, journal_dir=jdir)
    child_plan = PlanDocument.model_validate_json(jdir.with_name("child-plan.json").read_text("utf-8"))
    recovered = session.plan
    assert [(r.label, r.date, r.author) for r in recovered.revisions] == [("110年第1次修正版", "2021-06-30", "研考會")]
    assert recovered.model_dump(mode="json") == child_plan.model_dump(mode="json")
    # The revision holds the draft as it was then, note included; the draft went on without it.
    # (The draft's note was cleared by the create; later random edits may have written another.)
    assert recovered.revisions[0].content.focus.note == "依市議會決議修正" != recovered.draft.content.focus.note
    assert recovered.revisions[0].content != recovered.draft.content
    assert recovered.draft.content is session.document.content
    session.close()


@pytest.mark.parametrize("last", ["create", "rename", "delete"])
def test_a_kill_right_after_a_revision_command_keeps_it(qapp, small_plan, tmp_path, last):
    """SIGKILL as soon as the revision is made, renamed or deleted: it comes back from the journal."""
    jdir = tmp_path / "recovery"
    child = _spawn(str(small_plan), jdir, 77, 5, mode=f"revisions-{last}")
    _read_until(child, lambda line: line == "ready")
    _kill(child)
    [item] = find_recoverable(jdir)
    session = recover(item, journal_dir=jdir)
    child_plan = PlanDocument.model_validate_json(jdir.with_name("child-plan.json").read_text("utf-8"))
    assert session.plan.model_dump(mode="json") == child_plan.model_dump(mode="json")
    labels = {"create": ["110年修正版"], "rename": ["110年第1次修正版"], "delete": ["110年第1次修正版"]}[last]
    assert [r.label for r in session.plan.revisions] == labels
    last_op = read_journal(item.journal_path).ops[-1]
    if type(last_op).__name__ == "Group":  # a create is a compound edit (revision + the draft's notes cleared): one line
        last_op = last_op.ops[-1]
    assert type(last_op).__name__ == {"create": "SetField", "rename": "SetRevisionLabel", "delete": "RemoveRevision"}[last]
    session.close()


def test_a_recovered_session_names_the_same_authors_as_the_killed_one(qapp, small_plan, tmp_path):
    """Revision.authors after recovery equals the killed editor's: each journalled edit names its author."""
    jdir = tmp_path / "recovery"
    child = _spawn(str(small_plan), jdir, 4242, 30, mode="authors")
    _read_until(child, lambda line: line == "ready")
    _kill(child)
    [item] = find_recoverable(jdir)
    session = recover(item, journal_dir=jdir)
    child_plan = PlanDocument.model_validate_json(jdir.with_name("child-plan.json").read_text("utf-8"))
    authors = session.plan.draft.authors
    assert authors == child_plan.draft.authors
    assert set(authors.values()) == {"研考會王小明", "經發局李大同", "審查委員甲"}
    content = session.plan.draft.content
    assert (authors[content.focus.focus_areas[0].id], authors[content.focus.id]) == ("審查委員甲", "經發局李大同")  # the merge's sides
    assert session.plan.model_dump(mode="json") == child_plan.model_dump(mode="json")
    session.close()
