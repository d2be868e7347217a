"""plan-editor import SRC -o OUT.plan.json [--label LABEL] [--title TITLE] [--json]: import a plan.

SRC is the text of a published plan (UTF-8), a Word document (.docx) or a PDF, told apart by
their content, not their names. Prints one summary line on stdout, and every warning and every
piece of text that could not be placed as a ``warning:`` line on stderr (``--json``: the whole
report as one JSON document on stdout instead). Bad input is one line naming the file (exit 2)
and writes nothing. The output is never a plan with its own edits: re-importing over an earlier,
unedited import of the same plan keeps that file's ids (by position), so that regenerating a
sample does not break comparisons made against it. ``import-text`` is the same command.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from editor.commands import UsageError
from editor.commands.outputs import check_output, same_file
from editor.importing.sources import ImportSourceError, import_file, kind_of
from editor.terminal import one_line
from schema.fileio import PlanFileError, load_plan, save_plan
from schema.importer import adopt_ids
from schema.model import PlanDocument
from schema.tree import walk


def run(args, command: str = "import") -> int:
    source, output = Path(args.source), Path(args.output)
    folder = "is a folder, not a text file" if command == "import-text" else "is a folder, not a file to import"
    try:
        kind_of(source, folder_message=folder)
    except ImportSourceError as exc:
        raise UsageError(str(exc)) from None
    if same_file(source, output):
        raise UsageError(f"{output} is the source {'text' if command == 'import-text' else 'file'} itself; choose another output file.")
    check_output(command, output, suffix=".plan.json", what="the plan file", inputs=[source])
    try:
        result = import_file(source, label=args.label, title=getattr(args, "title", None), folder_message=folder)
    except ImportSourceError as exc:
        raise UsageError(str(exc)) from None
    plan = result.plan
    previous = _previous_import(output, plan)  # refuses to replace anything but an unedited earlier import
    if previous is not None:
        plan, _count = adopt_ids(plan, previous)
    save_plan(plan, output)
    line = summary(plan, output, kept_ids=previous is not None)
    if getattr(args, "json", False):
        report = {"output": str(output), "summary": line, "unplaced": result.unplaced, "warnings": result.warnings,
                  "numbering_style": plan.numbering_style.model_dump(), "ids_kept": previous is not None}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(line)
    for text in result.unplaced:
        print(f"warning: not placed: {one_line(text)}", file=sys.stderr)  # one warning, one line
    for warning in result.warnings:
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    return 0


def summary(plan: PlanDocument, output: Path, *, kept_ids: bool = False) -> str:
    content = plan.revisions[-1].content
    strategies = [s for area in content.focus.focus_areas for s in area.strategies]
    actions = sum(1 for node, _ in walk(content) if node.kind == "action")
    labels = sum(1 for s in strategies if s.chart_label)
    line = (
        f"{output}: {plan.revisions[-1].label or '(unlabelled)'} — "
        f"{len(content.preface.paragraphs)} preface paragraphs, {len(content.goals.goals)} goals, "
        f"{len(content.focus.focus_areas)} focus areas, {len(strategies)} strategies, {actions} actions, "
        f"{labels} chart labels kept"
    )
    return line + ("; ids kept from the previous import" if kept_ids else "")


def _previous_import(output: Path, plan: PlanDocument) -> PlanDocument | None:
    """The plan at ``output`` when it is an unedited earlier import of the same plan (its ids are
    then kept), None when there is no file; anything else there is refused, never replaced."""
    if not output.exists():
        return None
    try:
        previous = load_plan(output)
    except PlanFileError:
        raise UsageError(f"{output} already exists and is not a plan this import may replace; choose another output file.") from None
    same_plan = (previous.title, previous.organisation, previous.period) == (plan.title, plan.organisation, plan.period)
    unedited = len(previous.revisions) == 1 and previous.draft.content == previous.revisions[0].content
    if not (same_plan and unedited):
        raise UsageError(
            f"{output} already holds the plan {previous.title} with its own revisions or edits; "
            "importing would replace them, so choose another output file."
        )
    return previous
