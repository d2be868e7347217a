"""The command line (docs/architecture.md, "The command line"): a contract that tests and scripts rely on.

Exit status: 0 success, 1 findings (check), 2 bad input or usage, with one line on stderr.
Each subcommand lives in ``editor.commands.<name>`` as ``run(args) -> int``; this module only
parses arguments and turns the user-facing errors into that one line.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from editor.commands import UsageError
from editor.terminal import one_line, safe_streams

SUBCOMMANDS = ("import", "import-text", "export", "diff", "check", "revisions", "merge", "part", "git-setup", "textconv", "review")
_MODULES = {"import": "import_plan"}  # `import` is a Python keyword, not a module name


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as argparse does, but without usage spam
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="plan-editor", usage="plan-editor [FILE.plan.json]\n       plan-editor COMMAND [options] (see plan-editor COMMAND --help)",
        description="Plan-authoring and revision editor (中程施政計畫). Without a command it opens the editor window, "
                    "on FILE.plan.json when one is given; a command works in the terminal, without the window.",
        epilog="Exit status: 0 done, 1 findings (check) or merge conflicts (merge), 2 bad input or usage (one line on "
               "stderr: a file's problem begins with the file, a usage problem with plan-editor COMMAND:).")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="commands", metavar="COMMAND", prog="plan-editor")

    for name, help_text in (("import", "import a plan from its text, Word document (.docx) or PDF"),
                            ("import-text", "the same as import (its former name)")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("source", help="the plan's text (UTF-8), Word document (.docx) or PDF")
        p.add_argument("-o", "--output", required=True, help="the new plan, OUT.plan.json")
        p.add_argument("--label", default=None, help="revision label (default: the label found in the source)")
        p.add_argument("--title", default=None, help="the plan's title (default: the title found in the source)")
        p.add_argument("--json", action="store_true", help="print the report as one JSON document")

    p = sub.add_parser("export", help="write the official Word document or its PDF, the framework chart, the summary tables")
    p.add_argument("file", help="the plan, FILE.plan.json")
    p.add_argument("--revision", default=None, help="revision label (default: the working draft)")
    p.add_argument("--docx", default=None, help="the official Word document, OUT.docx")
    p.add_argument("--pdf", default=None, help="the official document as OUT.pdf, made by LibreOffice")
    p.add_argument("--toc", action="store_true", help="a table of contents (目錄) after the title (off: the published plan has none)")
    p.add_argument("--appendix", action="store_true", help="the KPI and budget summary tables as the official document's appendix")
    p.add_argument("--chart", default=None, help="OUT.svg, OUT.png or OUT.pdf")
    p.add_argument("--kpi-table", default=None, help="the 關鍵績效指標總表 as OUT.docx, OUT.csv or OUT.xlsx")
    p.add_argument("--budget-table", default=None, help="the 經費需求表 as OUT.docx, OUT.csv or OUT.xlsx")

    p = sub.add_parser("diff", help="compare two revisions, or two plan files")
    p.add_argument("files", nargs="+", metavar="FILE", help="one plan (two of its revisions), or OLD and NEW plans")
    p.add_argument("--from", dest="from_label", default=None, metavar="LABEL",
                   help="the older revision's label (default: the latest revision; with two files: OLD's current text)")
    p.add_argument("--to", dest="to_label", default=None, metavar="LABEL",
                   help="the newer revision's label, or 'draft' (default: the working draft; with two files: NEW's current text)")
    p.add_argument("--json", action="store_true", help="print the changes as one JSON document")
    p.add_argument("--table", default=None, help="write the 修正對照表 to this .docx")
    p.add_argument("--authors", action="store_true", help="with --table: name who made each change (修改者) in its 說明")
    p.add_argument("--tracked", default=None, help="write a .docx with tracked changes")

    p = sub.add_parser("check", help="consistency report; exit 1 when it finds problems")
    p.add_argument("file", help="the plan, FILE.plan.json")
    p.add_argument("--json", action="store_true", help="print the findings as one JSON document")

    p = sub.add_parser("revisions", help="list the revisions")
    p.add_argument("file", help="the plan, FILE.plan.json")

    p = sub.add_parser("merge", help="three-way merge of plan files (also git's merge driver); exit 1 on conflicts")
    p.add_argument("files", nargs="+", metavar="FILE", help="BASE OURS THEIRS, or OURS PART (a part remembers its base)")
    p.add_argument("-o", "--output", required=True, help="the merged plan (may be OURS, as git needs)")
    p.add_argument("--json", action="store_true", help="print the merge's report as one JSON document")

    p = sub.add_parser("part", help="hand out a part of a plan: focus areas, or one lead agency's strategies")
    p.add_argument("file", help="the plan, FILE.plan.json")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--focus", default=None, help="focus area numbers, e.g. 1,3 (一、 and 三、)")
    which.add_argument("--agency", default=None, help="a lead agency (主辦機關), e.g. 經濟發展局")
    p.add_argument("-o", "--output", required=True, help="the part, OUT.plan.json")

    p = sub.add_parser("git-setup", help="make git merge and diff plan files through plan-editor")
    p.add_argument("repo", nargs="?", default=None, help="a folder in the git repository (default: the current folder)")

    p = sub.add_parser("textconv", help="print a plan as readable lines (git's diff driver)")
    p.add_argument("file", help="the plan, FILE.plan.json")

    p = sub.add_parser("review", help="read a reviewer's tracked changes and comments as proposals")
    p.add_argument("plan", help="the plan the document was exported from, FILE.plan.json")
    p.add_argument("reviewed", help="the exported .docx as the reviewer sent it back")
    p.add_argument("--json", action="store_true", help="print the proposals as one JSON document")
    p.add_argument("-o", "--output", default=None, help="write the plan with the proposals to this .plan.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in SUBCOMMANDS and not argv[0].startswith("-"):
        with safe_streams():
            return _open_editor(argv)
    with safe_streams():
        return _run_command(argv)


def import_without_collector(name: str) -> ModuleType:
    """Import a module with Python's cyclic garbage collector paused.

    Importing pydantic, building the plan's models and a command's modules make some 100,000
    objects, none of them garbage; the collector would walk them again and again while they are
    made (about a tenth of the CPU of `plan-editor revisions` on a 5,000-node plan).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(name)
    finally:
        if enabled:
            gc.enable()


def _run_command(argv: list[str]) -> int:
    # Not schema.fileio (pydantic and the models): a command imports the loader it uses, under a collector pause.
    PlanFileError = import_without_collector("schema.file_reading").PlanFileError  # noqa: N806 - a class
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("plan-editor: a command is needed (see plan-editor --help)")
        module = import_without_collector(f"editor.commands.{_MODULES.get(args.command, args.command.replace('-', '_'))}")
        return module.run(args)
    except (UsageError, PlanFileError) as exc:
        print(one_line(str(exc)), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `plan-editor diff … | head`
        return 0


def _open_editor(argv: list[str]) -> int:
    if len(argv) > 1:
        print(f"plan-editor: open one file at a time (got {len(argv)})", file=sys.stderr)
        return 2
    if argv and not Path(argv[0]).exists():
        commands = ", ".join(SUBCOMMANDS)
        print(f"{one_line(argv[0])} does not exist (and is not a command: {commands}).", file=sys.stderr)  # a file's problem: the file first
        return 2
    if not _has_display():
        print("plan-editor: there is no display to open the editor window on (no DISPLAY or WAYLAND_DISPLAY); "
              "the commands import, import-text, export, diff, check, revisions and review work without one", file=sys.stderr)
        return 2
    from editor.ui.app import run_editor

    return run_editor(argv[0] if argv else None)


def _has_display() -> bool:
    """Qt aborts the process when its platform cannot start, so ask first (Linux/BSD only)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
