"""Writing a summary table (關鍵績效指標總表 or 經費需求表) to a file of its own, in the format its name
asks for: .docx (a landscape Word document: summary_document.py, its table summary_table_xml.py), .csv
or .xlsx (summary_sheets.py). Written atomically; the same plan gives the same bytes.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from editor.export.output import save_bytes
from schema.file_reading import PlanFileError
from schema.summary import TableKind, TableSource, plan_source

if TYPE_CHECKING:
    from schema.model import PlanDocument, Revision

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
    return write_table_file(kind, plan_source(plan, revision), path)


def write_table_file(kind: TableKind, source: TableSource, path: str | os.PathLike) -> Path:
    """``write_summary_table`` from a plan's plain data (schema.summary.data_source: the command line's path)."""
    path = Path(path)
    suffix = table_format(path)
    if suffix == ".docx":
        from editor.export.summary_document import summary_docx_bytes  # python-docx is never loaded for a table

        try:
            payload = summary_docx_bytes(kind, source)
        except PlanFileError as exc:  # a table Word cannot hold
            raise PlanFileError(f"{path} was not written: {exc}", exc.code, **{**exc.params, "name": str(path)}) from None
    else:
        from editor.export import summary_sheets

        payload = (summary_sheets.csv_bytes if suffix == ".csv" else summary_sheets.xlsx_bytes)(kind, source)
    save_bytes(path, payload)
    return path
