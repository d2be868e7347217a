"""A PDF (the published form of a plan) as the importer's source lines: one line per paragraph.

pdfplumber reads the text (chosen by measurement, see docs/importing.md: it gives the right CJK
characters in reading order with the spaces between Latin and Chinese text as printed; pypdf
invents and drops spaces around digits, pdfminer.six's default layout reorders some lines).
Running headers and footers (the same line at the top or bottom of most pages, page numbers)
are dropped; a paragraph's lines, also across a page end, are joined: a line continues the one
before when that one runs to the right margin and no wider gap than a line's separates them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from schema.importer_marks import parse_mark
from schema.importer_text import SourceLine, Spacing, join_text

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*頁)?(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)
_DIGITS = re.compile(r"\d+")
# A gap is a space from 0.3 em on: LibreOffice puts 0.2 em between Chinese and Latin letters or digits
# (高雄市政府108), which pdfplumber's fixed 3 pt took for spaces in 16 and 20 pt text; real spaces are glyphs.
_GAP = 0.3
_EDGE = 0.1  # headers and footers live in the top and bottom tenth of the page
_CONTENTS = re.compile(r"^\s*(?:目\s*錄|目\s*次|Contents)\s*$", re.I)
_CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\s)\s*\d{1,4}\s*$")  # 壹、施政重點…… 3


class NoTextLayerError(ValueError):
    """The PDF has no text to read (a scan)."""


@dataclass
class PdfSource:
    lines: list[SourceLine]
    ignored: list[str] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


@dataclass
class _Table:
    """A table drawn with ruled cells: its rows of cell texts (None: a cell merged with the one above or beside)."""

    rows: list[list[str | None]]
    top: float
    bottom: float
    page: int


def _page_lines(pdf) -> tuple[list[list[_Line]], list[tuple[float, float]], list[_Table]]:
    pages, sizes, tables = [], [], []
    for number, page in enumerate(pdf.pages, start=1):
        lines = [
            _Line(d["text"], d["x0"], d["x1"], d["top"], d["bottom"], number)
            for d in page.extract_text_lines(return_chars=False, x_tolerance_ratio=_GAP)
            if d["text"].strip()
        ]
        # Tables (KPIs, agencies and budget) are found by their ruling lines: a page without any has none.
        found = page.find_tables() if page.rects or page.lines else []
        for table in found:
            x0, top, x1, bottom = table.bbox
            rows = table.extract(x_tolerance_ratio=_GAP)
            if len(rows) < 1 or max(len(r) for r in rows) < 2:
                continue  # a framed paragraph, not a table
            tables.append(_Table(rows, top, bottom, number))
            lines = [line for line in lines if not (top - 1 <= (line.top + line.bottom) / 2 <= bottom + 1 and x0 - 1 <= line.x0 and line.x1 <= x1 + 1)]
        pages.append(lines)
        sizes.append((float(page.width), float(page.height)))
    return pages, sizes, tables


def _running(pages: list[list[_Line]], sizes: list[tuple[float, float]]) -> set[int]:
    """ids of the lines that are running headers, footers or page numbers."""
    candidates: list[tuple[_Line, str]] = []
    for lines, (_width, height) in zip(pages, sizes):
        for line in lines[:2] + lines[-2:]:
            if line.top < height * _EDGE or line.bottom > height * (1 - _EDGE):
                candidates.append((line, _DIGITS.sub("#", line.text.strip())))
    repeated = Counter(key for _line, key in {(id(line), key): (line, key) for line, key in candidates}.values())
    many = max(2, int(len(pages) * 0.4))
    return {id(line) for line, key in candidates if repeated[key] >= many or _PAGE_NUMBER.match(line.text.strip())}


def read_pdf(path) -> PdfSource:
    """The paragraphs of the PDF at ``path``; raises NoTextLayerError for a scan, and pdfplumber's errors."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages, sizes, tables = _page_lines(pdf)
    if not any(pages) and not tables:
        raise NoTextLayerError("no text")
    running = _running(pages, sizes)
    pages = [[line for line in lines if id(line) not in running] for lines in pages]
    dropped = len(running)
    contents = _contents(pages)
    body = [line for lines in pages for line in lines if id(line) not in contents]
    right = {p: max((line.x1 for line in body if line.page == p), default=0.0) for p in range(1, len(pages) + 1)}
    # The line pitch: the lower quarter of the distances (the rest are the gaps between paragraphs).
    steps = sorted(b.top - a.top for a, b in zip(body, body[1:]) if a.page == b.page and b.top > a.top)
    step = steps[len(steps) // 4] if steps else 0.0
    paragraphs: list[SourceLine] = []
    spacing = Spacing.of(line.text for line in body)
    previous: _Line | None = None
    last_table: _Table | None = None
    for line in _with_tables(body, tables):
        if isinstance(line, _Table):
            rows = _cells(line.rows, spacing)
            last = paragraphs[-1].table if paragraphs else None
            if last is not None and last_table is not None and line.page > last_table.page and len(rows[0][0]) == len(last[0][0]):
                # the same table going on over a page end (its header row repeated or not): one table
                last.extend(rows[1:] if rows[0][0] == last[0][0] else rows)
            else:
                paragraphs.append(SourceLine("", len(paragraphs) + 1, table=rows))
            previous, last_table = None, line
            continue
        last_table = None
        text = line.text.strip()
        if previous is not None and paragraphs and _continues(previous, line, text, right, step):
            paragraphs[-1].text = join_text(paragraphs[-1].text, text, spacing)
        else:
            paragraphs.append(SourceLine(text, len(paragraphs) + 1))
        previous = line
    ignored = [f"{dropped} running header, footer or page-number line{'s' if dropped != 1 else ''}"] if dropped else []
    if contents:
        ignored.append("the table of contents")
    return PdfSource(paragraphs, ignored)


def _with_tables(body: list[_Line], tables: list[_Table]) -> list[_Line | _Table]:
    """The body's lines with each table in its place (by page, then by its top)."""
    merged: list[_Line | _Table] = []
    waiting = sorted(tables, key=lambda t: (t.page, t.top))
    for line in body:
        while waiting and (waiting[0].page, waiting[0].top) < (line.page, line.top):
            merged.append(waiting.pop(0))
        merged.append(line)
    return merged + waiting


def _cells(rows: list[list[str | None]], spacing: Spacing) -> list[tuple[list[str], dict[str, str]]]:
    """Rows of cell texts as the importer takes them: a cell's lines joined, a cell merged down (None, as
    pdfplumber gives the rows below the first of a merged cell) holding the text of the cell above."""
    out: list[tuple[list[str], dict[str, str]]] = []
    above: list[str] = []
    for row in rows:
        cells = []
        for k, cell in enumerate(row):
            if cell is None:
                cells.append(above[k] if k < len(above) else "")
                continue
            text = ""
            for piece in cell.split("\n"):
                piece = piece.strip()
                # a number wrapped in a narrow cell (12,0 / 00) was one number
                text = text + piece if text[-1:].isdigit() and piece[:1].isdigit() else join_text(text, piece, spacing) if text else piece
            cells.append(text)
        out.append((cells, {}))
        above = cells
    return out


def _contents(pages: list[list[_Line]]) -> set[int]:
    """ids of the table of contents' lines: from a line 目錄 (or 目次) to the end of its page (a plan starts
    on a new page after it), and the pages after it made of entries (…… 3)."""
    found: set[int] = set()
    for number, lines in enumerate(pages):
        start = next((i for i, line in enumerate(lines) if _CONTENTS.match(line.text)), None)
        if start is None:
            continue
        found.update(id(line) for line in lines[start:])
        for later in pages[number + 1:]:
            entries = [line for line in later if _CONTENTS_ENTRY.search(line.text)]
            if not later or len(entries) < 0.6 * len(later):
                break
            found.update(id(line) for line in later)
        break
    return found


def _continues(previous: _Line, line: _Line, text: str, right: dict[int, float], step: float) -> bool:
    if parse_mark(text) is not None:
        return False
    height = max(previous.bottom - previous.top, 1.0)
    if previous.x1 < right[previous.page] - 1.5 * height:
        return False  # the line before stops short of the margin: its paragraph ended
    if previous.page == line.page and step and line.top - previous.top > step * 1.35:
        return False  # a gap wider than a line: a new paragraph
    return True
