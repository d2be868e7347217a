"""The official document as PDF, through LibreOffice, so reviewers without Word see the same pages.

The .docx is written to a private temporary folder and converted there by ``soffice --headless
--convert-to pdf`` with the project's fontconfig file (fonts.conf: 標楷體 → a Kai face) and a
user profile of its own: with the user's profile, a conversion started while the user's LibreOffice
is open is handed to that instance (its fonts, its open dialogs, its lock), and cannot be given our
fontconfig or a timeout of its own. A conversion that takes longer than
:data:`TIMEOUT` seconds is stopped. The PDF is then written atomically; nothing is left on failure.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from editor.export.fonts import FONTCONFIG_FILE
from editor.export.output import save_bytes
from schema.fileio import PlanFileError

TIMEOUT = 300  # seconds: a 60-page plan takes about 10 s on a loaded machine
SOFFICE_NAMES = ("soffice", "libreoffice")


class NoLibreOfficeError(RuntimeError):
    """LibreOffice is not installed; ``str()`` is one sentence for the user."""


def find_soffice() -> str:
    """The LibreOffice program on the PATH; NoLibreOfficeError when there is none."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise NoLibreOfficeError("LibreOffice (soffice) is not installed, and the PDF is made by it; "
                             "install LibreOffice, or write the Word document with --docx")


def write_official_pdf(plan, revision, pdf: Path, *, options=None, soffice: str | None = None,
                       progress=None, timeout: float = TIMEOUT) -> Path:
    """The official Word document of ``revision`` (with ``options``: 含目錄, 附錄) converted to ``pdf``.

    The one path from a plan to its PDF, for ``plan-editor export --pdf`` and File ▸ 匯出 ▸ PDF 文件.
    ``progress(done, total)`` is told of the Word document's steps (the first half) and of the
    conversion's end; a PlanFileError's sentence names ``pdf`` when it is not written."""
    from editor.export.official_docx import OfficialOptions, write_official_docx

    soffice = soffice or find_soffice()  # before the document is written: nothing to do without it
    half = (lambda done, total: progress(done, 2 * max(total, 1))) if progress else None
    with tempfile.TemporaryDirectory(prefix="plan-editor-export-") as work:
        docx = write_official_docx(plan, revision, Path(work) / "document.docx",
                                   options=options or OfficialOptions(), progress=half)
        docx_to_pdf(docx, pdf, soffice=soffice, timeout=timeout)
    if progress:
        progress(1, 1)
    return pdf


def docx_to_pdf(docx: Path, pdf: Path, *, soffice: str | None = None, timeout: float = TIMEOUT) -> Path:
    """Convert ``docx`` to ``pdf`` (written atomically); PlanFileError with one sentence on failure."""
    soffice = soffice or find_soffice()
    with tempfile.TemporaryDirectory(prefix="plan-editor-pdf-") as work:
        folder = Path(work)
        source = folder / "document.docx"
        shutil.copyfile(docx, source)
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(folder))
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise PlanFileError(f"{pdf} was not written: LibreOffice did not finish the conversion within {timeout:g} seconds") from None
        except OSError as exc:
            raise PlanFileError(f"{pdf} was not written: LibreOffice could not be started ({exc.strerror or exc})") from None
        made = folder / "document.pdf"
        if result.returncode != 0 or not made.is_file() or made.stat().st_size == 0:
            reason = " ".join((result.stderr or result.stdout or "").split())[:200] or f"exit status {result.returncode}"
            raise PlanFileError(f"{pdf} was not written: LibreOffice could not convert the document ({reason})")
        save_bytes(pdf, made.read_bytes())
    return pdf
