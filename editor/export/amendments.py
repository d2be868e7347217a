"""The two amendment documents of a comparison: the 修正對照表 and the tracked-changes Word document.

Both render the comparison engine's one list of changes (``schema.compare.compare``), and take
the same arguments as ``plan-editor diff --table/--tracked`` passes them:

    write_amendment_table(comparison, old_plan, old_revision, new_plan, new_revision, path)
    write_tracked_document(comparison, old_plan, old_revision, new_plan, new_revision, path)

``progress(done, total)`` is called as the work advances. Files are written atomically: on any
error an existing file at ``path`` is left as it was (schema.fileio.PlanFileError, one sentence).
"""
from __future__ import annotations

import os
from pathlib import Path

from editor.export.amendment_table import AmendmentTableWriter, build_amendment_table
from editor.export.docx_package import docx_bytes
from editor.export.output import save_bytes
from editor.export.tracked_docx import TrackedWriter, build_tracked_document
from editor.export.wordxml import Progress
from schema.compare import Comparison
from schema.model import PlanDocument, Revision

__all__ = ["build_amendment_table", "build_tracked_document", "write_amendment_table", "write_tracked_document"]


def write_amendment_table(comparison: Comparison, old_plan: PlanDocument, old_revision: Revision,
                          new_plan: PlanDocument, new_revision: Revision, path: str | os.PathLike,
                          *, progress: Progress | None = None, authors: bool = False) -> Path:
    """Write the 修正對照表 (landscape .docx) of the comparison to ``path``; ``authors``: a 修改者 line
    under each 說明 naming who made the change (``Change.author``, when known)."""
    writer = AmendmentTableWriter(comparison, old_plan, old_revision, new_plan, new_revision, progress, authors=authors)
    doc = writer.write()
    path = Path(path)
    save_bytes(path, docx_bytes(doc, writer.info()))
    if progress is not None:
        total = len(comparison.changes) + 1
        progress(total, total)
    return path


def write_tracked_document(comparison: Comparison, old_plan: PlanDocument, old_revision: Revision,
                           new_plan: PlanDocument, new_revision: Revision, path: str | os.PathLike,
                           *, progress: Progress | None = None) -> Path:
    """Write the newer revision's official document with every change as a Word revision mark to ``path``."""
    writer = TrackedWriter(comparison, old_plan, old_revision, new_plan, new_revision, progress)
    doc = writer.write()
    path = Path(path)
    save_bytes(path, docx_bytes(doc, writer.info()))
    writer.tick()
    return path
