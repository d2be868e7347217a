"""Tracked changes written into an exported document's XML, as Word writes them (ECMA-376 §17.13.5).

For the cases LibreOffice does not make on request: two authors in one paragraph, moved text,
a deleted paragraph mark joining two items, an edited number, a paragraph deleted whole, a
comment anchored nowhere. Each function edits the first paragraph whose text holds ``find``.
"""
from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2026-11-30T09:00:00Z"
_ids = iter(range(9000, 100000))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class EditedDocx:
    """An exported .docx opened for XML edits; ``save(path)`` writes the edited copy."""

    def __init__(self, source: Path):
        with zipfile.ZipFile(source) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])

    def paragraph(self, find: str):
        for p in self.root.iter(w("p")):
            if find in "".join(t.text or "" for t in p.iter(w("t"))):
                return p
        raise LookupError(find)

    def _split(self, find: str):
        """The run holding ``find`` split so that ``find`` is a run of its own; return that run."""
        p = self.paragraph(find)
        for t in p.iter(w("t")):
            if t.text and find in t.text:
                run = t.getparent()
                before, after = t.text.split(find, 1)
                pieces = []
                for text in (before, find, after):
                    if text:
                        clone = copy.deepcopy(run)
                        for child in list(clone):
                            if child.tag != w("rPr"):
                                clone.remove(child)
                        etree.SubElement(clone, w("t")).text = text
                        clone[-1].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                        pieces.append((text, clone))
                for _text, clone in pieces:
                    run.addprevious(clone)
                run.getparent().remove(run)
                return next(clone for text, clone in pieces if text == find)
        raise LookupError(find)

    def replace(self, find: str, new: str, author: str, date: str = DATE):
        run = self._split(find)
        self._wrap(run, "del", author, date)
        if new:
            inserted = self._new_run(run, new)
            wrapper = run.getparent()
            wrapper.addnext(self._change("ins", author, date))
            wrapper.getnext().append(inserted)

    def insert(self, after: str, new: str, author: str, date: str = DATE):
        run = self._split(after)
        change = self._change("ins", author, date)
        change.append(self._new_run(run, new))
        run.addnext(change)

    def move(self, find: str, to_after: str, author: str, date: str = DATE):
        run = self._split(find)
        target = self._split(to_after)
        moved = self._change("moveTo", author, date)
        moved.append(self._new_run(run, find))
        target.addnext(moved)
        self._wrap(run, "moveFrom", author, date)

    def move_paragraphs(self, finds: list[str], to_after: str, author: str, date: str = DATE, bookmarks_move: bool = False):
        """Drag whole paragraphs (each holding one of ``finds``, in order) to after the paragraph holding
        ``to_after``, as Word records it with tracking on: the originals struck as moved away (w:moveFrom
        around their runs and on their paragraph marks, inside a w:moveFromRangeStart/End named "move1"),
        copies underlined as moved here (w:moveTo, "move1"). The export's bookmarks stay behind unless
        ``bookmarks_move`` (then they travel with the copies, as when Word carries them along)."""
        originals = [self.paragraph(find) for find in finds]
        copies = [copy.deepcopy(p) for p in originals]
        for originals_or_copies, kind in ((originals, "moveFrom"), (copies, "moveTo")):
            for p in originals_or_copies:
                for run in list(p.findall(w("r"))):
                    self._wrap(run, kind, author, date)
                ppr = p.find(w("pPr"))
                rpr = ppr.find(w("rPr"))
                if rpr is None:
                    rpr = etree.SubElement(ppr, w("rPr"))
                rpr.append(self._change(kind, author, date))
            keep_marks = (kind == "moveTo") == bookmarks_move
            if not keep_marks:
                for p in originals_or_copies:
                    for mark in [*p.iter(w("bookmarkStart")), *p.iter(w("bookmarkEnd"))]:
                        mark.getparent().remove(mark)
            range_id = str(next(_ids))
            first_ppr = originals_or_copies[0].find(w("pPr"))
            first_ppr.addnext(etree.Element(w(f"{kind}RangeStart"), {w("id"): range_id, w("author"): author, w("date"): date, w("name"): "move1"}))
            originals_or_copies[-1].append(etree.Element(w(f"{kind}RangeEnd"), {w("id"): range_id}))
        anchor = self.paragraph(to_after)
        for p in copies:
            anchor.addnext(p)
            anchor = p

    def delete_mark(self, find: str, author: str, date: str = DATE):
        p = self.paragraph(find)
        ppr = p.find(w("pPr"))
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.append(self._change("del", author, date))

    def delete_paragraph(self, find: str, author: str, date: str = DATE):
        p = self.paragraph(find)
        for run in list(p.findall(w("r"))):
            self._wrap(run, "del", author, date)
        ppr = p.find(w("pPr"))
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.append(self._change("del", author, date))

    def comment_anchored_nowhere(self, author: str, text: str):
        comments = (
            f'<w:comments xmlns:w="{W}"><w:comment w:id="77" w:author="{author}" w:date="{DATE}">'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>"
        )
        self.parts["word/comments.xml"] = comments.encode()
        types = self.parts["[Content_Types].xml"].decode()
        self.parts["[Content_Types].xml"] = types.replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>').encode()

    def _wrap(self, run, kind: str, author: str, date: str):
        change = self._change(kind, author, date)
        run.addprevious(change)
        change.append(run)
        if kind in ("del", "moveFrom"):
            for t in run.findall(w("t")):
                t.tag = w("delText")

    def _change(self, kind: str, author: str, date: str):
        change = etree.Element(w(kind))
        change.set(w("id"), str(next(_ids)))
        change.set(w("author"), author)
        change.set(w("date"), date)
        return change

    def _new_run(self, like, text: str):
        run = copy.deepcopy(like)
        for child in list(run):
            if child.tag != w("rPr"):
                run.remove(child)
        t = etree.SubElement(run, w("t"))
        t.text = text
        return run

    def save(self, path: Path) -> Path:
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, payload in self.parts.items():
                out.writestr(name, payload)
        path.write_bytes(buffer.getvalue())
        return path
