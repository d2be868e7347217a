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
import time
from collections.abc import Callable
from pathlib import Path

from editor.export.fonts import FONTCONFIG_FILE
from editor.export.output import save_bytes
from schema.fileio import PlanFileError

TIMEOUT = 300  # seconds: a 60-page plan takes about 10 s on a loaded machine
TICK = 0.1  # seconds between the calls that tell a waiting window the conversion is still running
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
    ``progress(done, total)`` is told of the Word document's steps (the first half), then every
    TICK seconds while LibreOffice converts (the second half, approached but not reached: its
    length is unknown), and of the end; a PlanFileError's sentence names ``pdf`` when it is not written."""
    from editor.export.official_docx import OfficialOptions, write_official_docx

    soffice = soffice or find_soffice()  # before the document is written: nothing to do without it
    steps = [1]
    half = waiting = None
    if progress:
        def half(done: int, total: int) -> None:
            steps[0] = max(total, 1)
            progress(done, 2 * steps[0])

        def waiting(elapsed: float) -> None:  # a 60-page plan takes about 10 s: half the way by then
            progress(steps[0] + int((steps[0] - 1) * elapsed / (elapsed + 10)), 2 * steps[0])
    with tempfile.TemporaryDirectory(prefix="plan-editor-export-") as work:
        docx = write_official_docx(plan, revision, Path(work) / "document.docx",
                                   options=options or OfficialOptions(), progress=half)
        docx_to_pdf(docx, pdf, soffice=soffice, timeout=timeout, waiting=waiting)
    if progress:
        progress(1, 1)
    return pdf


def docx_to_pdf(docx: Path, pdf: Path, *, soffice: str | None = None, timeout: float = TIMEOUT,
                waiting: Callable[[float], None] | None = None) -> Path:
    """Convert ``docx`` to ``pdf`` (written atomically); PlanFileError with one sentence on failure.

    ``waiting(seconds)`` is called every TICK seconds while LibreOffice runs, so that a window can
    show its progress and stay responsive instead of freezing for the seconds a conversion takes."""
    soffice = soffice or find_soffice()
    with tempfile.TemporaryDirectory(prefix="plan-editor-pdf-") as work:
        folder = Path(work)
        source = folder / "document.docx"
        shutil.copyfile(docx, source)
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG_FILE), HOME=str(folder))
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            returncode, output = _run(command, env, timeout, waiting)
        except subprocess.TimeoutExpired:
            raise PlanFileError(f"{pdf} was not written: LibreOffice did not finish the conversion within {timeout:g} seconds",
                                "pdf_timeout", name=str(pdf), seconds=f"{timeout:g}") from None
        except OSError as exc:
            raise PlanFileError(f"{pdf} was not written: LibreOffice could not be started ({exc.strerror or exc})", "pdf_not_started",
                                name=str(pdf), reason=str(exc.strerror or exc)) from None
        made = folder / "document.pdf"
        if returncode != 0 or not made.is_file() or made.stat().st_size == 0:
            reason = " ".join(output.split())[:200] or f"exit status {returncode}"
            raise PlanFileError(f"{pdf} was not written: LibreOffice could not convert the document ({reason})", "pdf_not_converted",
                                name=str(pdf), reason=reason)
        save_bytes(pdf, made.read_bytes())
    return pdf


def _run(command: list[str], env: dict[str, str], timeout: float, waiting: Callable[[float], None] | None) -> tuple[int, str]:
    """Run ``command``; its exit status and what it said (stderr, else stdout). The process is killed
    and TimeoutExpired raised after ``timeout`` seconds; ``waiting(elapsed)`` is called every TICK."""
    start = time.monotonic()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          text=True, env=env) as process:
        while True:
            elapsed = time.monotonic() - start
            try:  # communicate may be called again after a timeout without losing output
                stdout, stderr = process.communicate(timeout=max(0.0, min(TICK, timeout - elapsed)))
                return process.returncode, stderr or stdout or ""
            except subprocess.TimeoutExpired:
                if time.monotonic() - start >= timeout:
                    process.kill()
                    process.communicate()
                    raise
                if waiting:
                    waiting(time.monotonic() - start)
