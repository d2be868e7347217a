"""Import a plan from a file of any kind we read: text (UTF-8), Word (.docx) or PDF, decided by content.

``import_file(path)`` returns the importer's result; any problem with the file is an
``ImportSourceError`` whose text is one sentence naming the file (nothing is written here).
"""
from __future__ import annotations

import gc
import logging
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from schema.coded_error import CodedError
from schema.file_limits import LimitError, refuse_special_file
from schema.fileio import describe_validation_error
from schema.importer import ImportResult, TextImportError, import_lines, import_text

MAX_TEXT_BYTES = 20 * 1024 * 1024  # the Kaohsiung plan's text is 17 kB
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024  # its Word document is 0.3 MB; a plan with many pictures stays far below
# A part of a Word document unpacked: its document.xml is 1 MB. A small zip can unpack to gigabytes
# (a "zip bomb"), and python-docx reads a part whole: 300 MB of XML took 22 GB of memory.
MAX_PART_BYTES = 64 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97–2003 files, and encrypted Office 2007+ files
_ZIP_OTHERS = {"xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx", "content.xml": "odf"}  # a member → what holds it
_ZIP_KINDS = {"xlsx": "an Excel workbook (.xlsx)", "pptx": "a PowerPoint presentation (.pptx)",
              "odf": "an OpenDocument file (.odt/.ods)", "zip": "a zip archive"}
Progress = Callable[[int, int], None]
_QUIET = logging.NullHandler()


class ImportSourceError(CodedError, ValueError):
    """The file cannot be imported; ``str()`` is one English sentence naming it, ``code`` and ``params``
    (``name`` the file) the same for the window (editor/ui/files/document_errors.py)."""


def kind_of(path: Path, *, folder_message: str = "is a folder, not a file to import") -> str:
    """"text", "docx", "pdf", "zip" (another zip archive), "ole" (an old or encrypted Office file), from the first bytes."""
    try:
        if path.is_dir():
            raise ImportSourceError(f"{path} {folder_message}.", "is_folder", name=str(path))
        try:  # a device is never read (reading /dev/zero never ends), a FIFO never opened (it waits for a writer)
            refuse_special_file(os.stat(path), "a file to import")
        except LimitError as exc:
            raise ImportSourceError(f"{path} {exc}.", "not_regular", name=str(path)) from None
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportSourceError(f"{path} does not exist.", "not_found", name=str(path)) from None
    except PermissionError:
        raise ImportSourceError(f"{path} cannot be read: permission denied.", "permission_denied", name=str(path)) from None
    except OSError as exc:
        raise ImportSourceError(f"{path} cannot be read: {exc.strerror or exc}.", "unreadable", name=str(path)) from None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if head.lstrip().startswith(b"%PDF-") or head.startswith(b"\xef\xbb\xbf%PDF-"):
        return "pdf"
    return "text"


def _refuse_misnamed(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        raise ImportSourceError(f"{path} is not a Word document (.docx): it is not a zip package, or it is damaged.",
                                "not_docx", name=str(path))
    if suffix == ".pdf":
        raise ImportSourceError(f"{path} is not a PDF: it does not begin as a PDF file does, or it is damaged.",
                                "not_pdf", name=str(path))


def _check_size(path: Path, limit: int, what: str) -> None:
    size = path.stat().st_size
    if size > limit:
        raise ImportSourceError(f"{path} is too large to be {what} ({size // (1024 * 1024)} MB; the limit is {limit // (1024 * 1024)} MB).",
                                "too_large", name=str(path), size=size // (1024 * 1024), limit=limit // (1024 * 1024))


def read_text_file(path: Path) -> str:
    """The file's text; UTF-8, with or without a byte-order mark."""
    _check_size(path, MAX_TEXT_BYTES, "the text of a plan")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise ImportSourceError(f"{path} is not UTF-8 text: it contains NUL bytes, as binary and UTF-16 files do.", "nul_bytes", name=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportSourceError(f"{path} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8 and try again.",
                                "not_utf8", name=str(path), offset=exc.start) from None


def import_file(path: str | Path, *, label: str | None = None, title: str | None = None, progress: Progress | None = None,
                folder_message: str = "is a folder, not a file to import") -> ImportResult:
    """The plan in the file at ``path``; ``title`` overrides the title found, ``label`` the revision label."""
    path = Path(path)
    kind = kind_of(path, folder_message=folder_message)
    if kind == "text":  # read by content, but a file named .docx or .pdf that holds neither is not read as the text of a plan
        _refuse_misnamed(path)
    tick = progress or (lambda done, total: None)
    tick(0, 3)
    # The cyclic garbage collector walked the growing tree of lines, blocks and nodes again and
    # again (a third of a big import); nothing made here is cyclic garbage, so it waits until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if kind == "text":
            text = read_text_file(path)
            tick(1, 3)
            result = import_text(text, label=label, source_name=path.name)
        elif kind == "zip":
            lines, ignored = _docx_lines(path)
            tick(1, 3)
            result = import_lines(lines, label=label, source_name=path.name, join=False, bracket_width_known=True, note="由 Word 文件匯入")
            result.unplaced.extend(what for what in ignored if what.startswith("text box"))
            result.warnings.extend(f"left out: {what}" for what in ignored if not what.startswith("text box"))
        elif kind == "pdf":
            lines, ignored = _pdf_lines(path)
            tick(1, 3)
            result = import_lines(lines, label=label, source_name=path.name, note="由 PDF 文件匯入")
            result.warnings.extend(f"left out: {what}" for what in ignored)
        else:
            raise _ole_error(path)
    except TextImportError as exc:
        raise ImportSourceError(f"{path} cannot be imported: {exc}", exc.code, **{**exc.params, "name": str(path)}) from None
    except ValidationError as exc:  # e.g. a paragraph longer than any text field may be (schema.file_limits)
        raise ImportSourceError(f"{path} cannot be imported: the plan it holds would be invalid {describe_validation_error(exc)}.",
                                "invalid_import", name=str(path)) from None
    finally:
        if collecting:
            gc.enable()
    tick(2, 3)
    if title:
        result.plan.title = title
    tick(3, 3)
    return result


def _docx_lines(path: Path):
    from editor.importing.docx_parts import unpack_checked

    _check_size(path, MAX_DOCUMENT_BYTES, "a plan")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            largest = max((item.file_size for item in archive.infolist()), default=0)
            if largest > MAX_PART_BYTES:
                raise ImportSourceError(
                    f"{path} holds a part that unpacks to {largest // (1024 * 1024)} MB, more than the "
                    f"{MAX_PART_BYTES // (1024 * 1024)} MB any plan's Word document needs, so it was not read.",
                    "part_too_large", name=str(path), size=largest // (1024 * 1024), limit=MAX_PART_BYTES // (1024 * 1024))
            members = unpack_checked(archive)  # every member, also the pictures we do not read, is whole
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):  # zlib.error: a member's compressed data damaged
        raise ImportSourceError(f"{path} is damaged: it looks like a Word document but its zip archive cannot be read.", "damaged_zip",
                                name=str(path)) from None
    if "word/document.xml" not in names:
        other = next((kind for member, kind in _ZIP_OTHERS.items() if member in names), "zip")
        raise ImportSourceError(f"{path} is {_ZIP_KINDS[other]}, not a Word document (.docx).", "other_zip", name=str(path), kind=other)
    from editor.importing.docx_reader import read_docx

    try:
        source = read_docx(path, members)
    except Exception:  # lxml raises many kinds on a broken part
        raise ImportSourceError(f"{path} is damaged: its Word content cannot be read.", "damaged_word", name=str(path)) from None
    return source.lines, source.ignored


def _pdf_lines(path: Path):
    _check_size(path, MAX_DOCUMENT_BYTES, "a plan")
    from editor.importing.pdf_reader import NoTextLayerError, read_pdf

    # pdfminer logs what it repairs in a damaged file ("Data-loss while decompressing …"); with no
    # handler of its own, Python's last-resort handler would print that on stderr beside our one line.
    logging.getLogger("pdfminer").addHandler(_QUIET)

    try:
        source = read_pdf(path)
    except NoTextLayerError:
        raise ImportSourceError(f"{path} has no text layer (it is probably a scan); only PDFs with text can be imported, there is no OCR.",
                                "no_text_layer", name=str(path)) from None
    except Exception as exc:  # pdfminer raises many kinds on a broken or encrypted file
        if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower():
            raise ImportSourceError(f"{path} is password-protected; save it without a password and import it again.", "encrypted",
                                    name=str(path)) from None
        raise ImportSourceError(f"{path} is a damaged PDF: its text cannot be read.", "damaged_pdf", name=str(path)) from None
    return source.lines, source.ignored


def _ole_error(path: Path) -> ImportSourceError:
    data = path.read_bytes()[: 4 * 1024 * 1024]
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ImportSourceError(f"{path} is password-protected (encrypted); save it without a password and import it again.",
                                 "encrypted", name=str(path))
    return ImportSourceError(f"{path} is an old Office 97–2003 file (such as .doc); save it as .docx and import it again.",
                             "old_office", name=str(path))
