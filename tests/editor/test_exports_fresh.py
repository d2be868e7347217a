"""exports/ holds the exports of every sample, and they are not stale.

Regenerating into a temporary folder must give the same text (Word document) and the same
chart labels and size (SVG, PNG) as the committed files. Bytes are not compared: zip
timestamps and font rasterisation differ between machines. To refresh the committed files:
``python scripts/regenerate_exports.py``.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QImage

from schema.fileio import load_plan
from scripts.regenerate_exports import (
    EXPORTS,
    SAMPLES,
    amendment_paths,
    amendment_versions,
    export_paths,
    regenerate,
    sample_files,
)

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
HOW = "exports/ is stale: run `python scripts/regenerate_exports.py` and commit exports/"


def docx_text(path: Path) -> list[str]:
    """Every paragraph and table cell, in document order, with each paragraph's style."""
    document = docx.Document(str(path))
    out = []
    body = document.element.body
    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[1]
        if tag == "p":
            p = docx.text.paragraph.Paragraph(el, document)
            out.append(f"{p.style.name}: {p.text}")
            # a picture's description is what a screen reader says of the chart: it goes stale like text
            out.extend(f"picture: {pr.get('descr')}" for pr in el.iter(f"{{{WP}}}docPr"))
        elif tag == "tbl":
            table = docx.table.Table(el, document)
            out.extend("cell: " + cell.text for row in table.rows for cell in row.cells)
    props = document.core_properties
    out.append(f"properties: {props.title} | {props.subject} | {props.author}")
    return out


def marked_text(path: Path) -> list[str]:
    """Every paragraph of the body (table cells included) with its tracked and styled marks:
    text inside w:ins as {+…+}, inside w:del as [-…-], runs of a character style as <style>…</style>."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    parents = {child: parent for parent in root.iter() for child in parent}
    out = []
    for p in root.iter(f"{w}p"):
        pieces = []
        for run in p.iter(f"{w}r"):
            text = "".join(t.text or "" for t in run if t.tag in (f"{w}t", f"{w}delText"))
            style = run.find(f"{w}rPr/{w}rStyle")
            wrapper = parents[run].tag
            if wrapper == f"{w}ins":
                text = "{+" + text + "+}"
            elif wrapper == f"{w}del":
                text = "[-" + text + "-]"
            elif style is not None:
                text = f"<{style.get(f'{w}val')}>{text}</>"
            pieces.append(text)
        mark = p.find(f"{w}pPr/{w}rPr")
        ending = "" if mark is None else "¶+" if mark.find(f"{w}ins") is not None else "¶-"
        out.append("".join(pieces) + ending)
    return out


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [el.text for el in root.iter() if el.tag.endswith("text") and el.text]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    regenerate(SAMPLES, out)
    return out


def test_every_sample_has_its_exports():
    samples = sample_files()
    assert samples, "samples/ holds no *.plan.json"
    for sample in samples:
        for path in export_paths(sample, EXPORTS).values():
            assert path.is_file(), f"{path.name} is missing: {HOW}"


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_committed_exports_match_a_fresh_regeneration(sample, fresh):
    committed, new = export_paths(sample, EXPORTS), export_paths(sample, fresh)
    assert docx_text(committed["docx"]) == docx_text(new["docx"]), HOW
    assert svg_texts(committed["svg"]) == svg_texts(new["svg"]), HOW
    old_png, new_png = QImage(str(committed["png"])), QImage(str(new["png"]))
    assert (old_png.width(), old_png.height()) == (new_png.width(), new_png.height()), HOW
    assert new_png.width() >= 3000


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_committed_amendment_documents_match_a_fresh_regeneration(sample, fresh):
    """The 修正對照表 and the tracked-changes document of a sample with an amendment (text and marks, not bytes)."""
    committed, new = amendment_paths(sample, EXPORTS), amendment_paths(sample, fresh)
    if amendment_versions(load_plan(sample)) is None:
        assert not any(path.exists() for path in new.values())
        return
    for kind in ("table", "tracked"):
        assert committed[kind].is_file(), f"{committed[kind].name} is missing: {HOW}"
        assert marked_text(committed[kind]) == marked_text(new[kind]), HOW
