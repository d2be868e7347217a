"""plan-editor export FILE [--revision LABEL] [--docx OUT.docx] [--pdf OUT.pdf] [--toc] [--appendix]
[--chart OUT.svg|png|pdf] [--kpi-table OUT.docx|csv|xlsx] [--budget-table OUT.docx|csv|xlsx].

Writes the official Word document (and/or its PDF, made by LibreOffice), the framework chart (架構圖)
and the summary tables (關鍵績效指標總表, 經費需求表) of a revision (default: the working draft) and
prints the paths written. ``--toc`` puts a table of contents after the title, ``--appendix`` the two
summary tables at the end; both are off by default, as in the published plan. Runs without a display.
Every input is checked before anything is written, so bad input never leaves a file behind.
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from editor.commands import UsageError
from editor.commands.outputs import check_output, refuse_input, same_file
from schema.file_reading import PlanFileError, collector_paused

if TYPE_CHECKING:
    from schema.summary import TableKind  # the tables' module loads only when a table is written

WHAT = ("plan-editor export: say what to write: --docx OUT.docx, --pdf OUT.pdf, --chart OUT.svg|OUT.png|OUT.pdf, "
        "--kpi-table or --budget-table OUT.docx|OUT.csv|OUT.xlsx")


def run(args) -> int:
    tables: dict[TableKind, str | None] = {"kpi": args.kpi_table, "budget": args.budget_table}
    outputs = [path for path in (args.docx, args.pdf, args.chart, *tables.values()) if path]
    if not outputs:
        raise UsageError(WHAT)
    if (args.toc or args.appendix) and not (args.docx or args.pdf):
        raise UsageError("plan-editor export: --toc and --appendix shape the official document: give --docx OUT.docx or --pdf OUT.pdf too")
    if args.docx:
        check_output("export", args.docx, suffix=".docx", what="the Word document", inputs=[args.file])
    if args.pdf:
        check_output("export", args.pdf, suffix=".pdf", what="the PDF (--pdf)", inputs=[args.file])
    _check_twice(outputs)
    for path in (args.chart, *tables.values()):
        if path:  # their kinds are checked by _check_formats, below
            refuse_input("export", path, [args.file])
    _check_formats(args.chart, [path for path in tables.values() if path])
    if not (args.docx or args.pdf or args.chart):
        return _tables_only(args, tables)
    soffice = _soffice() if args.pdf else None
    # The Word document's chart is painted beside the loading of the plan and the writing of its text,
    # in a child forked now, before pydantic and the models are imported (editor.export.chart_picture).
    chart_child = _start_chart_child() if args.docx else None
    pending_chart = None
    try:
        with collector_paused():  # pydantic and the models: many objects, none garbage
            from schema.fileio import load_plan
        plan = load_plan(args.file)
        revision = plan.draft
        if args.revision is not None:
            try:
                revision = plan.revision(args.revision)
            except KeyError as exc:
                raise UsageError(f"plan-editor export: {args.file}: {exc.args[0]}") from None
        # The plan lives to the end of the command: frozen, the collector's passes while the document
        # is written no longer walk its tens of thousands of objects (about a sixth of a 5k export's CPU).
        gc.freeze()
        if chart_child is not None:
            pending_chart, chart_child = chart_child.send(plan, revision), None
        elif args.docx:  # where this process may not fork, the picture is made when the document asks for it
            from editor.export.chart_picture import PendingChart, landscape_chart_room

            pending_chart = PendingChart(plan, revision, landscape_chart_room(), None)
        _write(args, plan, revision, tables, soffice, pending_chart)
    finally:
        if chart_child is not None:  # the plan was refused before the child had its chart
            chart_child.close()
        if pending_chart is not None:
            pending_chart.close()
    return 0


def _start_chart_child():
    from editor.export.chart_picture import start_chart_child

    return start_chart_child()


def _write(args, plan, revision, tables: dict[TableKind, str | None], soffice: str | None, pending_chart) -> None:
    from editor.export.fonts import NoChineseFontError, ensure_gui_application

    if args.pdf or args.chart:  # the chart is measured and painted by Qt; the tables need no Qt
        ensure_gui_application()
    try:
        if args.docx or args.pdf:
            from editor.export.official_docx import OfficialOptions, write_official_docx

            options = OfficialOptions(toc=args.toc, summary_tables=args.appendix)
            if args.docx:
                print(write_official_docx(plan, revision, args.docx, options=options, chart=pending_chart))
            if args.pdf:
                print(_pdf(plan, revision, Path(args.pdf), options, soffice))
        if args.chart:
            from editor.export.chart_paint import write_chart

            print(write_chart(plan, revision, args.chart))
        for kind, path in tables.items():
            if path:
                from editor.export.summary_export import write_summary_table

                print(write_summary_table(kind, plan, revision, path))
    except NoChineseFontError as exc:
        raise PlanFileError(f"plan-editor export: {exc}") from None


def _tables_only(args, tables: dict[TableKind, str | None]) -> int:
    """Only summary tables: the plan is read as plain data (schema.plain_read: fully validated, refused in the
    same sentence), without building the models, and each table is made from it (schema.summary)."""
    from editor.export.summary_export import write_table_file
    from schema.plain_read import read_plan_data, revision_data
    from schema.summary import data_source

    plan = read_plan_data(args.file)
    revision = None
    if args.revision is not None:
        try:
            revision = revision_data(plan, args.revision)
        except KeyError as exc:
            raise UsageError(f"plan-editor export: {args.file}: {exc.args[0]}") from None
    source = data_source(plan, revision)
    for kind, path in tables.items():
        if path:
            print(write_table_file(kind, source, path))
    return 0


def _check_formats(chart: str | None, tables: list[str]) -> None:
    """The chart's and the tables' formats, by their extensions, before anything is loaded or written."""
    if chart:
        from editor.export.chart_paint import UnsupportedChartFormatError, chart_format

        try:
            chart_format(chart)
        except UnsupportedChartFormatError as exc:
            raise UsageError(f"plan-editor export: {exc}") from None
    if tables:  # the summary tables' modules only when asked for (30–45 ms of every --docx export's start)
        from editor.export.summary_export import UnsupportedTableFormatError, table_format

        try:
            for path in tables:
                table_format(path)
        except UnsupportedTableFormatError as exc:
            raise UsageError(f"plan-editor export: {exc}") from None


def _check_twice(outputs: list[str]) -> None:
    for k, path in enumerate(outputs):
        if any(same_file(Path(path), Path(other)) for other in outputs[:k]):
            raise UsageError(f"plan-editor export: {path} is named for two outputs; give each its own file")


def _soffice() -> str:
    from editor.export.pdf_export import NoLibreOfficeError, find_soffice

    try:
        return find_soffice()
    except NoLibreOfficeError as exc:
        raise UsageError(f"plan-editor export: {exc}") from None


def _pdf(plan, revision, path: Path, options, soffice) -> Path:
    from editor.export.pdf_export import write_official_pdf

    return write_official_pdf(plan, revision, path, options=options, soffice=soffice)
