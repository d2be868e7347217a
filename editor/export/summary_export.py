"""Writing a summary table (關鍵績效指標總表 or 經費需求表) to a file of its own, in the format its name
asks for: .docx (a landscape Word document, summary_tables.py builds the table), .csv or .xlsx
(summary_sheets.py). Written atomically; the same plan gives the same bytes.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from editor.export.output import save_bytes
from schema.fileio import PlanFileError
from schema.model import PlanDocument, Revision
from schema.summary import TableKind

FORMATS = (".docx", ".csv", ".xlsx")


class UnsupportedTableFormatError(ValueError):
    """An output name whose extension is not one of FORMATS; ``str()`` is one sentence."""


def table_format(path: str | os.PathLike) -> str:
    """The format (".docx", ".csv" or ".xlsx") of an output path, by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        named = f"not {suffix}" if suffix else "and this name has no extension"
        raise UnsupportedTableFormatError(f"{path}: a summary table can be written as .docx, .csv or .xlsx, {named}.")
    return suffix


def write_summary_table(kind: TableKind, plan: PlanDocument, revision: Revision | None, path: str | os.PathLike) -> Path:
    """Write the KPI table (``kind`` "kpi") or the budget table ("budget") of ``revision`` (None: the
    draft) to ``path``, as .docx, .csv or .xlsx by its extension; atomically, the same bytes each time."""
    path = Path(path)
    suffix = table_format(path)
    revision = revision or plan.draft
    if suffix == ".docx":
        try:
            payload = summary_docx_bytes(kind, plan, revision)
        except PlanFileError as exc:  # a table Word cannot hold
            raise PlanFileError(f"{path} was not written: {exc}") from None
    else:
        from editor.export import summary_sheets

        payload = (summary_sheets.csv_bytes if suffix == ".csv" else summary_sheets.xlsx_bytes)(kind, plan, revision)
    save_bytes(path, payload)
    return path


def summary_docx_bytes(kind: TableKind, plan: PlanDocument, revision: Revision) -> bytes:
    """A landscape Word document holding one summary table under the plan's title."""
    # python-docx is loaded only for a Word table: a .csv needs none of it
    from editor.export import styles as st
    from editor.export.docx_package import docx_bytes
    from editor.export.official_docx import OfficialWriter
    from editor.export.summary_tables import TITLES, add_number_style, write_table

    writer = OfficialWriter(plan, revision, None)
    section = writer.doc.sections[0]
    st.page_setup(section, landscape=True)
    st.page_number_footer(writer.doc, section)
    add_number_style(writer)
    writer.para(plan.full_title(revision), "Table Heading")
    writer.heading(TITLES[kind], "Chart Heading")
    write_table(writer, kind, section)
    info = replace(writer.info(), title=f"{plan.full_title(revision)} {TITLES[kind]}", category=TITLES[kind])
    return docx_bytes(writer.doc, info)
