"""Benchmark: reading a reviewed document (plan-editor review), as a ratio to python-docx opening it.

Run by hand: .venv/bin/python tests/bench/bench_review.py
The ~5,000-node generated plan is exported, then 500 tracked replacements (w:del + w:ins, as
Word writes them) and 100 comments are written into it. Each round times python-docx's
``Document(path)`` and ``editor.review.read_review(plan, path)`` one after the other
(interleaved), 7 rounds, medians compared. Goal (issue 13): ratio ≤ 3. For the first document the
floor (``floor_read``: what any lxml reader in Python does before it looks at a paragraph) is timed
in the same rounds.
Its row goes to the table of ``scripts/bench.sh``.

Before each timed call the garbage of the one before is collected, untimed: python-docx's opened
package refers to itself (package ↔ parts), so its whole XML tree outlives its call and is freed by
the next collection of the cyclic collector — which, interleaved, ran inside the next
``read_review`` (when it switches the collector back on) and charged it about half of
python-docx's time. ``read_review`` frees its own tree inside its call, and that stays timed.
"""
from __future__ import annotations

import io
import os
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx  # noqa: E402
from lxml import etree  # noqa: E402

from editor.export.official_docx import write_official_docx  # noqa: E402
from editor.review import read_review  # noqa: E402
from tests.bench import report  # noqa: E402
from tests.synthetic import generate_plan  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHANGES, COMMENTS, ROUNDS = 500, 100, 7


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def reviewed_copy(source: Path, target: Path) -> None:
    """``source`` with CHANGES tracked replacements in action paragraphs and COMMENTS comments on strategy titles."""
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    paragraphs = list(root.iter(w("p")))
    actions = [p for p in paragraphs if any((b.get(w("name")) or "").endswith("_text") for b in p.iter(w("bookmarkStart")))]
    titles = [p for p in paragraphs if any((b.get(w("name")) or "").endswith("_title") for b in p.iter(w("bookmarkStart")))]
    step = max(1, len(actions) // CHANGES)
    mark = 10_000
    for p in actions[::step][:CHANGES]:
        run = [r for r in p.findall(w("r")) if r.find(w("t")) is not None][-1]
        t = run.find(w("t"))
        keep, gone = t.text[:-6], t.text[-6:]
        t.text = keep
        deleted = etree.Element(w("del"), {w("id"): str(mark), w("author"): "審查委員", w("date"): "2026-11-30T09:00:00Z"})
        dr = etree.SubElement(deleted, w("r"))
        etree.SubElement(dr, w("delText")).text = gone
        inserted = etree.Element(w("ins"), {w("id"): str(mark + 1), w("author"): "審查委員", w("date"): "2026-11-30T09:00:00Z"})
        etree.SubElement(etree.SubElement(inserted, w("r")), w("t")).text = "改寫的文字。"
        run.addnext(deleted)
        deleted.addnext(inserted)
        mark += 2
    comments = [f'<w:comments xmlns:w="{W}">']
    for n, p in enumerate(titles[:COMMENTS]):
        runs = p.findall(w("r"))
        runs[0].addprevious(etree.Element(w("commentRangeStart"), {w("id"): str(n)}))
        runs[-1].addnext(etree.Element(w("commentRangeEnd"), {w("id"): str(n)}))
        comments.append(f'<w:comment w:id="{n}" w:author="審查委員" w:date="2026-11-30T09:00:00Z"><w:p><w:r><w:t>請說明第 {n} 項。</w:t></w:r></w:p></w:comment>')
    comments.append("</w:comments>")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/comments.xml"] = "".join(comments).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.comments+xml"/></Types>'))
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdBenchComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/comments" Target="comments.xml"/></Relationships>'))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, payload in parts.items():
            out.writestr(name, payload)
    target.write_bytes(buffer.getvalue())


def resaved_copies(reviewed: Path, untracked: Path, unmarked: Path) -> None:
    """``reviewed`` with its changes taken as if re-saved without tracking, and that again without its bookmarks."""
    with zipfile.ZipFile(reviewed) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for deleted in list(root.iter(w("del"))):
        deleted.getparent().remove(deleted)
    etree.strip_tags(root, w("ins"))
    for target, strip in ((untracked, ()), (unmarked, (w("bookmarkStart"), w("bookmarkEnd")))):
        for mark in list(root.iter(*strip)) if strip else []:
            mark.getparent().remove(mark)
        parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, payload in parts.items():
                out.writestr(name, payload)
        target.write_bytes(buffer.getvalue())


_FLOOR_PARTS = ("word/document.xml", "word/styles.xml", "word/comments.xml", "docProps/core.xml")
_FLOOR_TAGS = tuple(w(t) for t in ("p", "t", "delText", "tab", "br", "bookmarkStart", "bookmarkEnd", "ins", "del",
                                   "commentRangeStart", "commentRangeEnd"))


def floor_read(path: Path) -> int:
    """The least a reader of a reviewed document in Python with lxml does: read and parse the parts that
    ``read_review`` reads, visit once each element that carries the text or its marks (paragraph, text, tab,
    break, bookmark, tracked change, comment anchor), reading its tag and its text, and free the tree —
    no object per paragraph, no bookmark, style or change looked at, nothing compared with the plan."""
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    with zipfile.ZipFile(path) as package:
        parts = [package.read(name) for name in _FLOOR_PARTS]
    roots = [etree.fromstring(data, parser) for data in parts]
    count = 0
    for element in roots[0].iter(_FLOOR_TAGS):
        if element.tag and element.text:
            count += 1
    return count


def main() -> None:
    plan = generate_plan()
    work = Path(tempfile.mkdtemp())
    write_official_docx(plan, None, work / "plan.docx")
    reviewed_copy(work / "plan.docx", work / "reviewed.docx")
    resaved_copies(work / "reviewed.docx", work / "untracked.docx", work / "unmarked.docx")
    result = read_review(plan, work / "reviewed.docx")
    kinds = {k: sum(1 for p in result.proposals if p.kind == k) for k in ("replace", "comment")}
    print(f"plan: {sum(1 for _ in __import__('schema.tree', fromlist=['walk']).walk(plan.draft.content))} nodes; "
          f"found {kinds['replace']} replacements, {kinds['comment']} comments, {len(result.unplaced)} unplaced")
    documents = {
        "reviewed": f"read a reviewed 5k document ({CHANGES} tracked changes, {COMMENTS} comments)",
        "untracked": "the same, re-saved without tracking (field texts compared with the plan)",
        "unmarked": "the same, re-saved untracked, its bookmarks deleted (paragraphs matched by content)",
    }
    for key, work_name in documents.items():
        path = work / f"{key}.docx"
        first = key == "reviewed"
        functions = {
            "python-docx": lambda: docx.Document(str(path)),  # noqa: B023 (called within this iteration)
            "review": lambda: read_review(plan, path),  # noqa: B023
        }
        if first:
            functions["floor"] = lambda: floor_read(path)  # noqa: B023
        wall, cpu = report.interleaved_wall_and_cpu(functions, ROUNDS)
        b, o = wall["python-docx"], wall["review"]
        print(f"{key}: python-docx Document(path) median {b * 1000:.0f} ms, read_review(plan, path) median {o * 1000:.0f} ms,"
              f" ratio {o / b:.2f}; CPU time ratio {cpu['review'] / cpu['python-docx']:.2f} (goal <= 3 for the first)")
        report.emit(report.Row(work_name, o, b, goal_ratio=3.0 if first else None, baseline_name="python-docx opening it"))
        report.emit(report.Row(f"CPU time: {work_name}", cpu["review"], cpu["python-docx"],
                               baseline_name="python-docx opening it, CPU time"))
        if first:
            print(f"floor: parse + one visit per text and mark element + free: ratio {wall['floor'] / b:.2f}, "
                  f"CPU time ratio {cpu['floor'] / cpu['python-docx']:.2f}")
            report.emit(report.Row("floor: parse its parts with lxml, visit each paragraph, text and mark element once, free",
                                   cpu["floor"], cpu["python-docx"], baseline_name="python-docx opening it, CPU time"))


if __name__ == "__main__":
    main()
