"""Measurement behind the choice of PDF library (docs/importing.md): pdfplumber, pdfminer.six, pypdf.

Run by hand: python tests/bench/bench_pdf_libraries.py   (needs the `bench` extra: pypdf; LibreOffice)
For each PDF LibreOffice makes of the test material: are the CJK characters all there and in
order (compared with the published text), how many lines, and the time of one extraction.
"""
from __future__ import annotations

import difflib
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.importing.material import libreoffice, published, write_list_docx, write_typed_docx  # noqa: E402

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


def main() -> None:
    title, body, chart = published()
    expected = CJK.findall("".join([title, *body, *chart]))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = [write_typed_docx(folder / "typed.docx"), write_list_docx(folder / "list.docx")]
        pdfs = libreoffice(sources, "pdf", folder / "pdf", folder / "lo")
        print(f"{'PDF':10} {'library':11} {'CJK':>6} {'in order':>10} {'lines':>6} {'seconds':>8}")
        for pdf in pdfs:
            for name, extract in (("pdfplumber", pdfplumber_text), ("pdfminer", pdfminer_text), ("pypdf", pypdf_text)):
                start = time.perf_counter()
                text = extract(pdf)
                seconds = time.perf_counter() - start
                found = CJK.findall(text)
                order = "yes" if found == expected else f"{difflib.SequenceMatcher(None, found, expected, autojunk=False).ratio():.4f}"
                lines = sum(1 for line in text.split("\n") if line.strip())
                print(f"{pdf.name:10} {name:11} {len(found):6} {order:>10} {lines:6} {seconds:8.2f}")


if __name__ == "__main__":
    main()
