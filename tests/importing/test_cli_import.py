"""plan-editor import: any source kind by content, the summary line, --json, --title; bad input is one
sentence, exit 2, and nothing written."""
from __future__ import annotations

import io
import json
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document

from editor.cli import main
from schema.fileio import load_plan
from tests.paths import SOURCE

SUMMARY = "{out}: 109年修正版 — 9 preface paragraphs, 4 goals, 5 focus areas, 28 strategies, 27 actions, 3 chart labels kept"


def run(capsys, *argv):
    code = main(["import", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["list.lo.docx", "typed.pdf"])
def test_kind_by_content_not_by_name(material, tmp_path, capsys, name):
    disguised = tmp_path / "plan.txt"  # a wrong extension does not matter
    shutil.copy(material[name], disguised)
    out = tmp_path / "k.plan.json"
    code, stdout, stderr = run(capsys, disguised, "-o", out)
    assert code == 0, stderr
    assert stdout == SUMMARY.format(out=out) + "\n"
    assert len(load_plan(out).draft.content.focus.focus_areas) == 5


def test_json_report_and_title(material, tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    code, stdout, stderr = run(capsys, material["typed.docx"], "-o", out, "--json", "--title", "示範計畫", "--label", "初版")
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    assert report["unplaced"] == [] and report["warnings"] == []
    assert report["numbering_style"]["strategy"] == "({一})"
    assert report["summary"].startswith(f"{out}: 初版 — 9 preface paragraphs")
    plan = load_plan(out)
    assert (plan.title, plan.revisions[0].label) == ("示範計畫", "初版")


def test_import_text_is_an_alias(material, tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    assert main(["import-text", str(material["list.docx"]), "-o", str(out)]) == 0
    assert capsys.readouterr().out == SUMMARY.format(out=out) + "\n"


def _png() -> bytes:
    """A 2×1 white PNG, written out by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = zlib.compress(b"\x00" + b"\xff\xff\xff" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def test_pictures_and_text_boxes_are_reported(material, tmp_path, capsys):
    src = tmp_path / "with-picture.docx"
    doc = Document(str(material["typed.docx"]))
    doc.add_paragraph().add_run().add_picture(io.BytesIO(_png()))
    doc.save(str(src))
    code, _stdout, stderr = run(capsys, src, "-o", tmp_path / "p.plan.json")
    assert code == 0
    assert stderr == "warning: left out: 1 picture (e.g. the framework chart)\n"


def _minimal_pdf_without_text(path: Path) -> Path:
    """One page with a grey box drawn and no text at all, as a scan's page is to a text reader."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"]
    stream = b"0.5 g 100 100 395 642 re f"
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return path


def _encrypted(path: Path) -> Path:
    """What Office writes for a password-protected .docx: an OLE compound file holding an EncryptedPackage stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00") + b"\x22\x00\x02" + b"\x00" * 61
    path.write_bytes(header + entry + b"\x00" * 1024)
    return path


def _big(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    return path


def _prose(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("致市民的一封信")
    doc.add_paragraph("感謝各位市民一年來的支持與指教。")
    doc.save(str(path))
    return path


@pytest.mark.parametrize("existing", [None, b"precious\n"])
@pytest.mark.parametrize("make, message", [
    (lambda d, m: _encrypted(d / "locked.docx"), "{src} is password-protected (encrypted); save it without a password and import it again."),
    (lambda d, m: (d / "broken.docx").write_bytes(m["typed.docx"].read_bytes()[:4000]) and d / "broken.docx",
     "{src} is damaged: it looks like a Word document but its zip archive cannot be read."),
    (lambda d, m: _xlsx(d / "budget.docx"), "{src} is an Excel workbook (.xlsx), not a Word document (.docx)."),
    (lambda d, m: _minimal_pdf_without_text(d / "scan.pdf"),
     "{src} has no text layer (it is probably a scan); only PDFs with text can be imported, there is no OCR."),
    (lambda d, m: (d / "broken.pdf").write_bytes(m["typed.pdf"].read_bytes()[:3000]) and d / "broken.pdf",
     "{src} is a damaged PDF: its text cannot be read."),
    (lambda d, m: _big(d / "huge.docx"), "{src} is too large to be a plan (200 MB; the limit is 100 MB)."),
    (lambda d, m: _prose(d / "letter.docx"),
     "{src} cannot be imported: it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan."),
    (lambda d, m: (d / "fake.docx").write_text("這只是一段文字。\n", encoding="utf-8") and d / "fake.docx",
     "{src} is not a Word document (.docx): it is not a zip package, or it is damaged."),
    (lambda d, m: (d / "fake.pdf").write_text("這只是一段文字。\n", encoding="utf-8") and d / "fake.pdf",
     "{src} is not a PDF: it does not begin as a PDF file does, or it is damaged."),
], ids=["encrypted", "corrupt-docx", "renamed-xlsx", "pdf-without-text", "corrupt-pdf", "200MB", "no-structure",
        "renamed-text-docx", "renamed-text-pdf"])
def test_bad_sources(material, tmp_path, capsys, make, message, existing):
    src = make(tmp_path, material)
    out = tmp_path / "out.plan.json"
    if existing is not None:
        out.write_bytes(existing)
    code, stdout, stderr = run(capsys, src, "-o", out)
    assert (code, stdout) == (2, "")
    assert stderr == message.format(src=src) + "\n"
    if existing is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == existing


def test_the_source_text_still_imports(tmp_path, capsys):
    out = tmp_path / "k.plan.json"
    code, stdout, stderr = run(capsys, SOURCE, "-o", out)
    assert (code, stderr) == (0, "")
    assert stdout == SUMMARY.format(out=out) + "\n"
