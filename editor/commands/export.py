"""plan-editor export FILE [--revision LABEL] [--docx OUT.docx] [--chart OUT.svg|png|pdf].

Writes the official Word document and/or the framework chart (架構圖) of a revision (default:
the working draft) and prints the paths written. Runs without a display. Every input is checked
before anything is written, so bad input never leaves a file behind.
"""
from __future__ import annotations

from pathlib import Path

from editor.commands import UsageError
from editor.commands.outputs import check_output, same_file
from schema.fileio import PlanFileError, load_plan


def run(args) -> int:
    if not args.docx and not args.chart:
        raise UsageError("plan-editor export: say what to write: --docx OUT.docx and/or --chart OUT.svg|OUT.png|OUT.pdf")
    if args.docx:
        check_output("export", args.docx, suffix=".docx", what="the Word document", inputs=[args.file])
    if args.chart and same_file(Path(args.chart), Path(args.file)):
        raise UsageError(f"plan-editor export: {args.chart} is an input file; choose another output file")
    from editor.export.chart_paint import UnsupportedChartFormatError, chart_format

    if args.chart:
        try:
            chart_format(args.chart)
        except UnsupportedChartFormatError as exc:
            raise UsageError(f"plan-editor export: {exc}") from None
    plan = load_plan(args.file)
    revision = plan.draft
    if args.revision is not None:
        try:
            revision = plan.revision(args.revision)
        except KeyError as exc:
            raise UsageError(f"plan-editor export: {args.file}: {exc.args[0]}") from None

    from editor.export.fonts import NoChineseFontError, ensure_gui_application

    ensure_gui_application()
    from editor.export.chart_paint import write_chart
    from editor.export.official_docx import write_official_docx

    try:
        if args.docx:
            print(write_official_docx(plan, revision, args.docx))
        if args.chart:
            print(write_chart(plan, revision, args.chart))
    except NoChineseFontError as exc:
        raise PlanFileError(f"plan-editor export: {exc}") from None
    return 0
