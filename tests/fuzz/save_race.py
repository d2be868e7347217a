"""Saves racing another program that rewrites the plan file: none may overwrite its change unasked.

    python tests/fuzz/save_race.py --saves 200 --nodes 5000 [--seed S]

An editor session (in this process) edits and saves the plan again and again, while a writer
process rewrites the file at random moments, as another editor or ``git checkout`` would: a new
file renamed over the plan, its title carrying a token ``other-N``, each write logged with the
time (the system's monotonic clock, shared by both processes). When a save is refused with the
changed-on-disk question, the session reopens the file (the user chose to reload). A save that
returns while a writer version written after the session last read the file, and not the one it
read, is gone from disk overwrote that change without asking. Before the question was asked at
the last moment, 20 of 200 saves (sample) and 120 of 200 (5,000-node plan) did.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # started as a script
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_TITLE = re.compile(rb'"title": "([^"]*)"')


def writer(plan: Path, log: Path, seed: int, pause: float) -> None:
    """Rewrite ``plan`` at random moments until killed: the title becomes other-N."""
    rng = random.Random(seed)
    template = plan.read_bytes()
    match = _TITLE.search(template)
    head, tail = template[: match.start(1)], template[match.end(1) :]
    n = 0
    with open(log, "a", encoding="utf-8") as out:
        while True:
            time.sleep(rng.uniform(0, pause))
            n += 1
            token = f"other-{n}"
            tmp = plan.with_name(f".writer-{n}.tmp")
            tmp.write_bytes(head + token.encode() + tail)
            os.replace(tmp, plan)
            out.write(f"{time.monotonic()} {token}\n")
            out.flush()


def title_of(payload: bytes) -> str:
    match = _TITLE.search(payload[:4096])
    return match.group(1).decode() if match else ""


def race(plan: Path, saves: int, seed: int, pause: float) -> dict:
    from PySide6.QtGui import QGuiApplication

    from editor.ui.session.plan_file_state import FileChangedOnDiskError
    from editor.ui.session.session import EditSession
    from schema.operations import SetField

    _app = QGuiApplication.instance() or QGuiApplication([])
    journal_dir = plan.parent / "recovery"
    log = plan.parent / "writer.log"
    log.write_text("")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, __file__, "--writer", str(plan), str(log), str(seed), str(pause)], env=env, cwd=ROOT)
    saved = asked = lost = 0
    try:
        session, base_time = _open(EditSession, plan, journal_dir)
        for i in range(saves):
            base_title = session.plan.title
            session.apply(SetField(session.plan.draft.content.preface.id, "note", f"editor-{i}"))
            started = time.monotonic()
            try:
                session.save()
            except FileChangedOnDiskError:
                asked += 1  # the user is asked; here they choose to reload the file
                session.close()
                session, base_time = _open(EditSession, plan, journal_dir)
                continue
            saved += 1
            now = time.monotonic()
            ours = hashlib.sha256(plan.read_bytes()).hexdigest() == session._fingerprint.sha256
            writes = _log(log)

            # A version written after the session's base and before the save began was on disk
            # when the save began; if the file is ours now, so was every version logged before now.
            if _unseen(writes, base_title, base_time, started) or (ours and _unseen(writes, base_title, base_time, now)):
                lost += 1
            base_time = now if ours else started
        session.close()
    finally:
        process.kill()
        process.wait()
    return {"saves": saves, "saved": saved, "asked": asked, "lost": lost, "writes": len(_log(log))}


def _unseen(writes: list[tuple[float, str]], base_title: str, low: float, high: float) -> bool:
    """A version of the other program logged between ``low`` and ``high`` that the session did not read."""
    return any(low < t < high and token != base_title for t, token in writes)


def _open(session_class, plan: Path, journal_dir: Path):
    """Open the plan (retrying while the writer's rename is in flight), and the time it was read."""
    while True:
        try:
            session = session_class.open(plan, journal_dir=journal_dir)
            return session, time.monotonic()
        except Exception:  # noqa: BLE001 - a file being replaced this instant: try again
            time.sleep(0.01)


def _log(log: Path) -> list[tuple[float, str]]:
    entries = []
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            entries.append((float(parts[0]), parts[1]))
    return entries


def main(argv: list[str]) -> int:
    if argv[:1] == ["--writer"]:
        writer(Path(argv[1]), Path(argv[2]), int(argv[3]), float(argv[4]))
        return 0
    parser = argparse.ArgumentParser(prog="save_race")
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--nodes", type=int, default=5000, help="5000: tests/synthetic.py's plan; 0: the Kaohsiung sample")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--pause", type=float, default=None, help="the writer's longest pause between writes (s)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    work = Path(tempfile.mkdtemp(prefix="save-race-"))
    plan = work / "race.plan.json"
    if args.nodes:
        from schema.fileio import save_plan
        from tests.synthetic import generate_plan

        save_plan(generate_plan(), plan)
    else:
        shutil.copyfile(ROOT / "samples" / "kaohsiung-108-111.plan.json", plan)
    pause = args.pause if args.pause is not None else (6.0 if args.nodes else 0.1)  # a 5,000-node save takes a second or two: some saves must win the race
    try:
        result = race(plan, args.saves, seed, pause)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{result['saves']} saves racing {result['writes']} writes of another program (seed {seed}): "
        f"{result['saved']} saved, {result['asked']} asked first, {result['lost']} overwrote a change without asking"
    )
    return 1 if result["lost"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
