"""SIGKILL inside compound edits: each must come back whole or not at all.

    python tests/fuzz/kill_compound.py --trials 100 [--seed S] [--work DIR]

Each trial starts a child editor session on a copy of the sample plan. The child makes compound
edits without pause, each one setting the note (修正說明) of every node of the plan to the same
``edit-K`` as one undo step, with undos and redos between them; the parent kills it with SIGKILL
at a random moment, recovers the journal and looks at the notes: all equal (one whole compound
edit, or none) is right; a mix means part of a compound edit came back. Before compound edits were
journalled as one line, 2 of 100 trials recovered part of one.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # started as a script
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "samples" / "kaohsiung-108-111.plan.json"


def child(plan: Path, journal_dir: Path, seed: int) -> None:
    from PySide6.QtGui import QGuiApplication

    from editor.ui.session.session import EditSession
    from editor.ui.session.undo_commands import execute
    from schema.operations import SetField
    from schema.tree import walk

    _app = QGuiApplication([])
    rng = random.Random(seed)
    session = EditSession.open(plan, journal_dir=journal_dir)
    ids = [node.id for node, _parent in walk(session.document.content)]
    print("ready", flush=True)
    k = 0
    while True:
        choice = rng.random()
        if choice < 0.15 and session.undo_stack.canUndo():
            session.undo_stack.undo()
        elif choice < 0.25 and session.undo_stack.canRedo():
            session.undo_stack.redo()
        else:
            k += 1
            execute(session, [SetField(node_id, "note", f"edit-{k}") for node_id in ids], f"compound {k}")


def notes_after_recovery(journal_dir: Path) -> set[str] | None:
    from editor.ui.session.recovery import find_recoverable, recover
    from schema.tree import walk

    items = find_recoverable(journal_dir)
    if not items:
        return None
    session = recover(items[0], journal_dir=journal_dir)
    try:
        return {node.note for node, _parent in walk(session.document.content)}
    finally:
        session.close()


def trials(count: int, seed: int, work: Path) -> tuple[int, int, list[str]]:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    rng = random.Random(seed)
    whole = partial = 0
    problems = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for trial in range(count):
        folder = work / f"trial{trial}"
        folder.mkdir(parents=True)
        plan = folder / "plan.plan.json"
        shutil.copyfile(SAMPLE, plan)
        journal_dir = folder / "recovery"
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", str(plan), str(journal_dir), str(rng.randrange(2**32))],
            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 1.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        process.stdout.close()
        notes = notes_after_recovery(journal_dir)
        if notes is None or len(notes) == 1:
            whole += 1
        else:
            partial += 1
            problems.append(f"trial {trial}: notes {sorted(notes)[:4]} after recovery")
        shutil.rmtree(folder, ignore_errors=True)
    return whole, partial, problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(Path(argv[1]), Path(argv[2]), int(argv[3]))
        return 0
    parser = argparse.ArgumentParser(prog="kill_compound")
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--work", default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kill-compound-"))
    whole, partial, problems = trials(args.trials, seed, work)
    for line in problems:
        print(line)
    print(f"{args.trials} kills inside compound edits: {whole} recovered whole or not at all, {partial} partly")
    return 1 if partial else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
