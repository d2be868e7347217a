"""The tracked-changes document's 架構圖 page: the heading stays on the page of its chart.

When the chart's boxes changed, the old picture (deleted) and the new one (inserted) are two
page-high lines of one paragraph; with widow control LibreOffice and Word moved that paragraph
whole past the heading's page, which held 「架構圖」 alone. Proved on the PDF LibreOffice makes.
"""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from editor.export.amendments import write_tracked_document
from editor.export.pdf_export import docx_to_pdf
from schema.compare import compare
from schema.fileio import load_plan
from tests.paths import DEMO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, white space dropped (pdftotext marks a page's end with a form feed)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s", "", page) for page in text.split("\f")[:-1]]


def image_pages(pdf: Path) -> list[int]:
    """The page of each picture, as ``pdfimages -list`` gives it."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [int(line.split()[0]) for line in listing.splitlines()[2:]]


def test_the_chart_heading_shares_its_page_with_the_old_chart_and_the_new_one_follows(tmp_path):
    demo = load_plan(DEMO)
    old, new = demo.revisions[-1], demo.draft
    path = write_tracked_document(compare(old.content, new.content), demo, old, demo, new, tmp_path / "tracked.docx")
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    # The one paragraph holding both pictures, without widow control.
    assert xml.count('<w:pStyle w:val="Chart"/><w:widowControl w:val="0"/>') == 1

    pages = page_texts(docx_to_pdf(path, tmp_path / "tracked.pdf"))
    heading_page = next(number for number, text in enumerate(pages, start=1) if text.startswith("架構圖"))
    assert pages[heading_page - 1] == f"架構圖{heading_page}"  # the heading and the page number: the chart is a picture
    assert (heading_page, len(pages)) == (10, 11)
    assert image_pages(tmp_path / "tracked.pdf") == [heading_page, heading_page + 1]  # old chart under the heading, new next


def test_an_unchanged_chart_is_one_picture_under_its_heading_as_in_the_official_document(tmp_path):
    demo = load_plan(DEMO)
    old = demo.revisions[-1]
    path = write_tracked_document(compare(old.content, old.content), demo, old, demo, old, tmp_path / "same.docx")
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    assert "widowControl" not in xml  # a single picture: the paragraph is one line, kept with its heading
    pages = page_texts(docx_to_pdf(path, tmp_path / "same.pdf"))
    assert pages[-1] == f"架構圖{len(pages)}"
    assert image_pages(tmp_path / "same.pdf") == [len(pages)]
