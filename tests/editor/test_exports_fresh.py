"""exports/ holds the exports of every sample, and they are not stale.

Regenerating into a temporary folder must give the same text (Word document) and the same
chart labels and size (SVG, PNG) as the committed files. Bytes are not compared: zip
timestamps and font rasterisation differ between machines. To refresh the committed files:
``python -m editor.export.regenerate``.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QImage

from editor.export.regenerate import EXPORTS, SAMPLES, export_paths, regenerate, sample_files

HOW = "exports/ is stale: run `python -m editor.export.regenerate` and commit exports/"


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
        elif tag == "tbl":
            table = docx.table.Table(el, document)
            out.extend("cell: " + cell.text for row in table.rows for cell in row.cells)
    props = document.core_properties
    out.append(f"properties: {props.title} | {props.subject} | {props.author}")
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
