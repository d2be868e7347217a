"""Reviewed documents made by real writers: LibreOffice (tracked edits) and python-docx (comments).

:func:`libreoffice_review` exports a plan, lets LibreOffice play the reviewer over UNO
(``libreoffice_reviewer.py`` under the system Python with python3-uno) and returns its three
documents; the result is cached under pytest's cache folder, keyed by everything that makes
it (the plan, the edits, the script, the export code), since LibreOffice is slow and the
machine is shared. :func:`add_comment_with_reply` adds a Word-style comment thread afterwards
(python-docx ``add_comment``, the reply linked through commentsExtended.xml as Word does),
because LibreOffice 7.4's headless build crashes inserting a comment over UNO.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
from lxml import etree

from tests.paths import ROOT

SCRIPT = Path(__file__).with_name("libreoffice_reviewer.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, which has python3-uno
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"

REVIEWER = "審查委員甲"
EDITS = [
    {"op": "replace", "find": "多類型培訓課程", "with": "多元培訓課程"},  # 建置青年創業資源網, body
    {"op": "replace", "find": "另針對空污累犯業者採取累進處罰，", "with": ""},  # 改善空氣品質, body: a clause deleted
    {"op": "insert_paragraph_after", "find": "為完善橋頭科學園區的交通運輸需求", "text": "3.\t爭取產業人才培育中心進駐園區。"},  # 推動橋頭科學園區: a third action, its number typed
    {"op": "replace", "find": "亞洲新灣區再啟航", "with": "亞洲新灣區再升級"},  # a strategy retitled
]


def _key(plan_path: Path, edits: list, author: str) -> str:
    digest = hashlib.sha256()
    digest.update(plan_path.read_bytes())
    digest.update(json.dumps([edits, author], ensure_ascii=False).encode())
    digest.update(SCRIPT.read_bytes())
    for source in sorted((ROOT / "editor" / "export").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def libreoffice_review(plan_path: Path, cache_dir: Path, edits: list = EDITS, author: str = REVIEWER) -> dict[str, Path]:
    """{"exported", "tracked", "accepted", "untracked"}: the export and LibreOffice's three documents."""
    folder = cache_dir / _key(plan_path, edits, author)
    names = ("exported", "tracked", "accepted", "untracked")
    result = {name: folder / f"{name}.docx" for name in names}
    if all(p.exists() for p in result.values()):
        return result
    # made in a folder of this process's own, then renamed into place: test runs of other
    # worktrees share the cache and may make the same documents at the same time
    work = folder.with_name(f"{folder.name}.part-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run([str(ROOT / ".venv" / "bin" / "plan-editor"), "export", str(plan_path), "--docx", str(work / "exported.docx")],
                   check=True, capture_output=True)
    spec = work / "spec.json"
    spec.write_text(json.dumps({"input": str(work / "exported.docx"), "author": author, "out": str(work), "edits": edits},
                               ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(spec)], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"LibreOffice as reviewer failed ({done.returncode}): {done.stderr[-2000:]}")
    try:
        work.rename(folder)
    except OSError:  # another run put the same documents there first
        shutil.rmtree(work, ignore_errors=True)
    return result


def add_comment_with_reply(source: Path, target: Path, anchor: str, comment: tuple[str, str], reply: tuple[str, str] | None) -> None:
    """Copy ``source`` to ``target`` with a comment (author, text) on the paragraph holding ``anchor``, and a reply."""
    document = docx.Document(str(source))
    paragraph = next(p for p in document.paragraphs if anchor in p.text)
    runs = paragraph.runs
    first = document.add_comment(runs, text=comment[1], author=comment[0], initials=comment[0][:1])
    second = document.add_comment(runs, text=reply[1], author=reply[0], initials=reply[0][:1]) if reply else None
    buffer = io.BytesIO()
    document.save(buffer)
    ids = [("0A1B2C3D", first.comment_id)] + ([("0A1B2C3E", second.comment_id)] if second else [])
    _link_replies(buffer.getvalue(), target, ids)


def _link_replies(data: bytes, target: Path, ids: list[tuple[str, int]]) -> None:
    """Give each comment's paragraph a w14:paraId and write commentsExtended.xml (reply → parent)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    comments = etree.fromstring(parts["word/comments.xml"])
    for para_id, comment_id in ids:
        element = next(c for c in comments.iter(f"{{{W}}}comment") if c.get(f"{{{W}}}id") == str(comment_id))
        element.findall(f"{{{W}}}p")[-1].set(f"{{{W14}}}paraId", para_id)
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    entries = [f'<w15:commentEx w15:paraId="{ids[0][0]}" w15:done="0"/>']
    entries += [f'<w15:commentEx w15:paraId="{pid}" w15:paraIdParent="{ids[0][0]}" w15:done="0"/>' for pid, _ in ids[1:]]
    parts["word/commentsExtended.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:commentsEx xmlns:w15="{W15}">' + "".join(entries) + "</w15:commentsEx>"
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/word/commentsExtended.xml" ContentType="{EXTENDED_TYPE}"/></Types>').encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdCommentsEx1" Type="{EXTENDED_REL}" Target="commentsExtended.xml"/></Relationships>').encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, payload in parts.items():
            out.writestr(name, payload)


def paragraph_texts(path: Path) -> list[str]:
    """The text of every body paragraph as python-docx reads it (empty ones left out)."""
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
