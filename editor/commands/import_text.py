"""plan-editor import-text SRC.txt -o OUT.plan.json [--label LABEL]: import a published plan's text.

Prints one summary line on stdout and every warning, and every piece of text that could not
be placed, as a ``warning:`` line on stderr. Bad input is one line naming the file (exit 2) and
writes nothing. Re-importing over an earlier import of the same plan keeps that file's ids
(by position), so that regenerating a sample does not break comparisons made against it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from editor.commands import UsageError
from editor.commands.outputs import check_output, same_file
from schema.fileio import PlanFileError, load_plan, save_plan
from schema.importer import TextImportError, adopt_ids, import_text
from schema.model import PlanDocument
from schema.tree import walk

MAX_TEXT_BYTES = 20 * 1024 * 1024  # the Kaohsiung plan's text is 17 kB


def run(args) -> int:
    source, output = Path(args.source), Path(args.output)
    text = read_source(source)
    if same_file(source, output):
        raise UsageError(f"{output} is the source text itself; choose another output file.")
    check_output("import-text", output, suffix=".plan.json", what="the plan file", inputs=[source])
    try:
        result = import_text(text, label=args.label, source_name=source.name)
    except TextImportError as exc:
        raise UsageError(f"{source} cannot be imported: {exc}") from None
    plan = result.plan
    previous = _previous_import(output, plan)  # refuses to replace anything but an unedited earlier import
    if previous is not None:
        plan, _count = adopt_ids(plan, previous)
    save_plan(plan, output)
    print(summary(plan, output, kept_ids=previous is not None))
    for text in result.unplaced:
        print(f"warning: not placed: {text}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def read_source(source: Path) -> str:
    """The source's text; UTF-8, with or without a byte-order mark. Anything else is a UsageError."""
    try:
        if source.is_dir():
            raise UsageError(f"{source} is a folder, not a text file.")
        size = source.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise UsageError(f"{source} is too large to be the text of a plan ({size // (1024 * 1024)} MB).")
        raw = source.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{source} does not exist.") from None
    except PermissionError:
        raise UsageError(f"{source} cannot be read: permission denied.") from None
    except OSError as exc:
        raise UsageError(f"{source} cannot be read: {exc.strerror or exc}.") from None
    if b"\x00" in raw:
        raise UsageError(f"{source} is not UTF-8 text: it contains NUL bytes, as binary and UTF-16 files do.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{source} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8 and try again.") from None


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
