"""The fuzzing harness: every read command, in-process, on mutated plan files, texts and special files.

    python -m tests.fuzz.harness N [--seed S] [--exports-every K] [--save DIR]

For each mutant (tests/fuzz/mutants.py: plan files, texts, Word documents and PDFs, special files) it runs ``editor.cli.main`` with each command's argv,
under a time limit per run, and holds each run to the command line's contract:

- exit status 0, 1 or 2, and no exception escaping ``main`` (a traceback);
- exit 2: exactly one line on stderr, naming the input file, and nothing written beside it;
- exit 0/1: nothing on stderr but ``warning:`` lines; ``--json`` output parses; every .docx
  written opens in python-docx, every .xlsx in openpyxl; a plan that loads saves and loads back equal;
- no control character (ESC …) reaches the terminal; no run takes more than 5 s of CPU time
  (CPU, not wall time: the machine running the harness is shared), nor waits a minute.

A mutant is *accepted* (commands ran), *refused cleanly* (every command said why in one line,
exit 2) or *failed* (any run broke the contract). The exports (Word documents, PNG chart,
amendment table) take most of the time, so they run for every K-th accepted mutant.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import signal
import socket
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false;qt.text.font.db=false")

from editor.cli import main  # noqa: E402
from editor.terminal import one_line  # noqa: E402
from tests.fuzz.mutants import PLAN_MUTATIONS, base_plan, document_mutant, dump, source_text, text_mutant  # noqa: E402

TIME_LIMIT = 5.0  # CPU seconds per command run (the bound); the machine is shared, so not wall time
HANG_LIMIT = 60.0  # wall-clock seconds: a run waiting on something (a FIFO) uses no CPU
CHEAP = {
    "check": ["check", "{f}"],
    "check --json": ["check", "{f}", "--json"],
    "revisions": ["revisions", "{f}"],
    "diff": ["diff", "{f}"],
    "diff --json": ["diff", "{f}", "--json"],
    "diff two files": ["diff", "{base}", "{f}"],
    "export --chart svg": ["export", "{f}", "--chart", "{d}/chart.svg"],
    "export --budget-table csv": ["export", "{f}", "--budget-table", "{d}/budget.csv"],
    "textconv": ["textconv", "{f}"],
    "merge": ["merge", "{base}", "{f}", "{base}", "-o", "{d}/merged.plan.json"],
}
EXPENSIVE = {
    "export --docx": ["export", "{f}", "--docx", "{d}/plan.docx"],
    "export --chart png": ["export", "{f}", "--chart", "{d}/chart.png"],
    "diff --table --tracked": ["diff", "{f}", "--table", "{d}/table.docx", "--tracked", "{d}/tracked.docx"],
    "export summary tables": ["export", "{f}", "--kpi-table", "{d}/kpi.docx", "--budget-table", "{d}/budget.xlsx"],
}
SPECIAL_FILES = ("/dev/zero", "/dev/urandom", "/dev/null", "FIFO", "socket", "folder", "dangling symlink", "symlink loop", "empty file")
_UNSAFE = set(chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]) | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class _Timeout(BaseException):
    """Raised by the alarm inside a run that took too long (a BaseException: main must not catch it)."""


@dataclass
class Run:
    command: str
    code: int | None
    seconds: float
    problem: str | None = None
    argv: tuple[str, ...] = ()


@dataclass
class Mutant:
    kind: str
    index: int
    payload: bytes | None  # None for special files
    runs: list[Run] = field(default_factory=list)
    special: str = ""

    @property
    def failed(self) -> bool:
        return any(r.problem for r in self.runs)

    @property
    def outcome(self) -> str:
        if self.failed:
            return "failed"
        return "accepted" if self.loaded else "refused cleanly"

    @property
    def loaded(self) -> bool:
        """Some command read the input and worked (textconv, git's diff driver, shows any file, so it does not count)."""
        return any(r.code in (0, 1) for r in self.runs if r.command != "textconv")


_armed = False  # a run is under way: the timers' signals interrupt it


def _alarm(signum, _frame):
    global _armed
    if _armed:  # a signal arriving after its run ended is ignored, never left to the default (fatal) action
        _armed = False
        raise _Timeout("waiting" if signum == signal.SIGALRM else "computing")


def _install_timers() -> None:
    if signal.getsignal(signal.SIGPROF) is not _alarm:
        signal.signal(signal.SIGALRM, _alarm)
        signal.signal(signal.SIGPROF, _alarm)


def run_command(name: str, argv: list[str], folder: Path, names: list[str]) -> Run:
    """One in-process run of the command line, checked against the contract."""
    before = sorted(os.listdir(folder))
    out, err = io.StringIO(), io.StringIO()
    problem = None
    code = None
    global _armed
    _install_timers()
    started = time.process_time()
    try:
        _armed = True
        signal.setitimer(signal.ITIMER_PROF, TIME_LIMIT)
        signal.setitimer(signal.ITIMER_REAL, HANG_LIMIT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except _Timeout as exc:
        limit = f"{HANG_LIMIT:.0f} s of waiting" if exc.args[0] == "waiting" else f"{TIME_LIMIT:.0f} s of CPU time"
        problem = f"still running after {limit}"
    except BaseException as exc:  # noqa: BLE001 - anything escaping main is the failure we look for
        problem = f"traceback: {type(exc).__name__}: {one_line(str(exc))[:200]}"
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.process_time() - started
    stdout, stderr = out.getvalue(), err.getvalue()
    after = sorted(os.listdir(folder))
    written = [n for n in after if n not in before]
    if problem is None:
        problem = _check(name, code, stdout, stderr, names, written, folder, seconds)
    for extra in written:  # outputs do not pile up between runs
        target = folder / extra
        shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
    return Run(name, code, seconds, problem, tuple(argv))


def _check(name, code, stdout, stderr, names, written, folder, seconds) -> str | None:
    if code not in (0, 1, 2):
        return f"exit status {code!r}"
    if seconds > TIME_LIMIT:
        return f"took {seconds:.1f} s"
    if _UNSAFE & set(stdout + stderr):
        return "a control character reached the terminal"
    if "Traceback" in stderr:
        return "a traceback on stderr"
    if code == 2:
        if stderr.count("\n") != 1 or not stderr.endswith("\n"):
            return f"{stderr.count(chr(10))} lines on stderr: {stderr[:200]!r}"
        if not any(n in stderr for n in names):
            return f"the message does not name the file: {stderr.strip()[:200]}"
        if written:
            return f"wrote {written} although the input was refused"
        return None
    noise = [line for line in stderr.splitlines() if not line.startswith("warning: ")]
    if noise:
        return f"stderr: {noise[0][:200]}"
    if "--json" in name:
        try:
            json.loads(stdout)
        except ValueError as exc:
            return f"--json output is not JSON ({exc})"
    for produced in written:
        if produced.endswith(".docx"):
            problem = _opens_in_python_docx(folder / produced)
            if problem:
                return problem
        if produced.endswith(".xlsx"):
            problem = _opens_in_openpyxl(folder / produced)
            if problem:
                return problem
        if produced.endswith(".plan.json"):
            problem = _loads(folder / produced)
            if problem:
                return problem
    return None


def _loads(path: Path) -> str | None:
    from schema.fileio import PlanFileError, load_plan

    try:
        load_plan(path)
    except PlanFileError as exc:
        return f"wrote {path.name}, which does not load: {exc}"
    return None


def _opens_in_python_docx(path: Path) -> str | None:
    import docx

    try:
        document = docx.Document(str(path))
        sum(len(p.text) for p in document.paragraphs)
    except Exception as exc:  # noqa: BLE001 - any refusal of python-docx is the failure
        return f"{path.name} does not open in python-docx: {type(exc).__name__}: {str(exc)[:150]}"
    return None


def _opens_in_openpyxl(path: Path) -> str | None:
    import openpyxl

    try:
        sum(1 for _ in openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    except Exception as exc:  # noqa: BLE001 - any refusal of openpyxl is the failure
        return f"{path.name} does not open in openpyxl: {type(exc).__name__}: {str(exc)[:150]}"
    return None


def _saves_and_loads_back(path: Path, folder: Path) -> Run:
    """A plan that loads must save, and load back equal (lone surrogates once made this impossible)."""
    from schema.fileio import PlanFileError, load_plan, save_plan

    started = time.process_time()
    try:
        plan = load_plan(path)
    except PlanFileError:
        return Run("save again", 2, time.process_time() - started)
    target = folder / "saved-again.plan.json"
    try:
        save_plan(plan, target)
        problem = None if load_plan(target) == plan else "saved and loaded back different"
    except Exception as exc:  # noqa: BLE001
        problem = f"cannot be saved again: {type(exc).__name__}: {one_line(str(exc))[:200]}"
    finally:
        target.unlink(missing_ok=True)
    return Run("save again", 0, time.process_time() - started, problem)


class Harness:
    def __init__(self, seed: int, exports_every: int, save_dir: Path | None = None):
        self.rng = random.Random(seed)
        self.seed = seed
        self.exports_every = max(1, exports_every)
        self.save_dir = save_dir
        self.base = base_plan()
        self.text = source_text()
        self.mutants: list[Mutant] = []
        self._accepted = 0
        self._work = Path(tempfile.mkdtemp(prefix="plan-fuzz-"))
        self._base_file = self._work / "base" / "base.plan.json"
        self._base_file.parent.mkdir()
        self._base_file.write_bytes(dump(self.base))
        self._documents: tuple[bytes, bytes] | None = None

    def kinds(self) -> list[str]:
        return [*PLAN_MUTATIONS, "special file", "text (import-text)", "Word/PDF (import)"]

    def run(self, count: int, progress=None) -> list[Mutant]:
        kinds = self.kinds()
        try:
            for index in range(count):
                kind = kinds[index % len(kinds)]
                mutant = self.one(kind, index)
                self.mutants.append(mutant)
                if mutant.failed and self.save_dir is not None:
                    self._save(mutant)
                if progress:
                    progress(index + 1, count, mutant)
        finally:
            shutil.rmtree(self._work, ignore_errors=True)
        return self.mutants

    def one(self, kind: str, index: int) -> Mutant:
        folder = self._work / f"m{index}"
        folder.mkdir()
        try:
            if kind == "special file":
                return self._special(folder, index)
            if kind == "text (import-text)":
                return self._text(folder, index)
            if kind == "Word/PDF (import)":
                return self._document(folder, index)
            payload = PLAN_MUTATIONS[kind](self.rng, self.base)
            mutant = Mutant(kind, index, payload)
            path = folder / "mutant.plan.json"
            path.write_bytes(payload)
            self._plan_commands(mutant, path, folder)
            return mutant
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _plan_commands(self, mutant: Mutant, path: Path, folder: Path) -> None:
        names = [one_line(str(path))]
        values = {"f": str(path), "d": str(folder), "base": str(self._base_file)}
        for name, argv in CHEAP.items():
            mutant.runs.append(run_command(name, [a.format(**values) for a in argv], folder, names))
        if mutant.loaded:
            mutant.runs.append(_saves_and_loads_back(path, folder))
            self._accepted += 1
            if self._accepted % self.exports_every == 0:
                for name, argv in EXPENSIVE.items():
                    mutant.runs.append(run_command(name, [a.format(**values) for a in argv], folder, names))

    def _special(self, folder: Path, index: int) -> Mutant:
        which = SPECIAL_FILES[(index // len(self.kinds())) % len(SPECIAL_FILES)]
        mutant = Mutant("special file", index, None, special=which)
        path = folder / "special.plan.json"
        closers = []
        if which.startswith("/dev/"):
            path = Path(which)
        elif which == "FIFO":
            os.mkfifo(path)
        elif which == "socket":
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(path))
            closers.append(server.close)
        elif which == "folder":
            path.mkdir()
        elif which == "dangling symlink":
            path.symlink_to(folder / "nowhere.plan.json")
        elif which == "symlink loop":
            other = folder / "other.plan.json"
            path.symlink_to(other)
            other.symlink_to(path)
        else:
            path.write_bytes(b"")
        try:
            self._plan_commands(mutant, path, folder)
            text_out = folder / "from-special.plan.json"
            mutant.runs.append(run_command("import-text", ["import-text", str(path), "-o", str(text_out)], folder, [one_line(str(path))]))
        finally:
            for close in closers:
                close()
        return mutant

    def _text(self, folder: Path, index: int) -> Mutant:
        payload = text_mutant(self.rng, self.text)
        mutant = Mutant("text (import-text)", index, payload)
        source = folder / "mutant.txt"
        source.write_bytes(payload)
        output = folder / "imported.plan.json"
        run = run_command("import-text", ["import-text", str(source), "-o", str(output)], folder, [one_line(str(source))])
        mutant.runs.append(run)
        return mutant

    def _document(self, folder: Path, index: int) -> Mutant:
        if self._documents is None:
            self._documents = _base_documents(self._work)
        suffix, payload = document_mutant(self.rng, *self._documents)
        mutant = Mutant("Word/PDF (import)", index, payload, special=suffix)
        source = folder / f"mutant{suffix}"
        source.write_bytes(payload)
        output = folder / "imported.plan.json"
        mutant.runs.append(run_command("import", ["import", str(source), "-o", str(output)], folder, [one_line(str(source))]))
        return mutant

    def _save(self, mutant: Mutant) -> None:
        self.save_dir.mkdir(parents=True, exist_ok=True)
        stem = f"seed{self.seed}-{mutant.index:05d}-" + re.sub(r"[^A-Za-z0-9-]+", "_", mutant.kind).strip("_")
        suffix = ".txt" if mutant.kind.startswith("text") else mutant.special if mutant.kind.startswith("Word") else ".plan.json"
        if mutant.payload is not None:
            (self.save_dir / (stem + suffix)).write_bytes(mutant.payload)
        saved = str(self.save_dir / (stem + suffix))
        lines = [f"{mutant.kind} {mutant.special}".strip()]
        for r in mutant.runs:
            if r.problem:
                argv = [saved if Path(a).name.startswith("mutant.") else a for a in r.argv]
                lines.append(f"{r.command}: {r.problem}\n  reproduce: .venv/bin/plan-editor {' '.join(argv)}")
        (self.save_dir / (stem + ".problem")).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _base_documents(work: Path) -> tuple[bytes, bytes]:
    """The base plan's official Word document and its chart as a PDF, the seeds of the document mutants."""
    from editor.export.chart_paint import write_chart
    from editor.export.official_docx import write_official_docx
    from schema.fileio import load_plan

    plan = load_plan(work / "base" / "base.plan.json")
    write_official_docx(plan, plan.draft, work / "base.docx")
    write_chart(plan, plan.draft, work / "base.pdf")
    return (work / "base.docx").read_bytes(), (work / "base.pdf").read_bytes()


def table(mutants: list[Mutant]) -> str:
    """Tried / accepted / refused cleanly / failed by mutation kind, then the slowest run."""
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for m in mutants:
        by_kind[m.kind]["tried"] += 1
        by_kind[m.kind][m.outcome] += 1
    width = max(len(k) for k in by_kind) if by_kind else 10
    lines = [f"{'mutation kind':<{width}}  {'tried':>6}  {'accepted':>8}  {'refused cleanly':>15}  {'failed':>6}"]
    total: Counter = Counter()
    for kind, counts in by_kind.items():
        total.update(counts)
        lines.append(f"{kind:<{width}}  {counts['tried']:>6}  {counts['accepted']:>8}  {counts['refused cleanly']:>15}  {counts['failed']:>6}")
    lines.append(f"{'total':<{width}}  {total['tried']:>6}  {total['accepted']:>8}  {total['refused cleanly']:>15}  {total['failed']:>6}")
    runs = [(r, m) for m in mutants for r in m.runs]
    if runs:
        slowest, where = max(runs, key=lambda rm: rm[0].seconds)
        commands = Counter(r.command for r, _m in runs)
        lines.append(f"runs: {len(runs)} ({', '.join(f'{c} {n}' for c, n in commands.items())})")
        lines.append(f"slowest run: {slowest.seconds:.2f} s of CPU time, {slowest.command} on mutant {where.index} ({where.kind}{' ' + where.special if where.special else ''})")
    return "\n".join(lines)


def failures(mutants: list[Mutant]) -> list[str]:
    return [f"mutant {m.index} ({m.kind}{' ' + m.special if m.special else ''}): {r.command}: {r.problem}" for m in mutants for r in m.runs if r.problem]


def _limit_memory(limit: int) -> None:
    """A run that would take all the machine's memory gets MemoryError (a failure in the table)
    instead of the kernel killing the harness, or another program, for lack of memory."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fuzz")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--exports-every", type=int, default=4)
    parser.add_argument("--save", default="fuzz-failures")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    _limit_memory(12 * 1024**3)
    from editor.export.fonts import ensure_gui_application

    ensure_gui_application()
    print(f"fuzz: {args.count} mutants, seed {seed}, exports for every {args.exports_every}th accepted mutant", flush=True)
    harness = Harness(seed, args.exports_every, Path(args.save))
    started = time.monotonic()

    def progress(done, count, mutant):
        if done % 250 == 0 or done == count:
            print(f"  {done}/{count} after {time.monotonic() - started:.0f} s, {sum(m.failed for m in harness.mutants)} failed", flush=True)

    mutants = harness.run(args.count, progress)
    print(table(mutants))
    problems = failures(mutants)
    for line in problems[:50]:
        print("FAILED", line)
    if problems:
        print(f"failing inputs saved in {args.save}/ (each with a .problem file naming the command)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
