"""The parts of a reviewed .docx besides its body: the style names (styles.xml), the last editor and
date (docProps/core.xml), and the comments with their replies and done state (comments.xml,
commentsExtended.xml); with the namespaces and the error every reader of the package raises."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from schema.coded_error import CodedError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def w(tag: str) -> str:
    """A tag or attribute of the main WordprocessingML namespace, as lxml names it."""
    return f"{{{W}}}{tag}"


T = w("t")
VAL, ID, AUTHOR, DATE = (w(a) for a in ("val", "id", "author", "date"))
STYLE, STYLE_NAME, STYLE_ID = w("style"), w("name"), w("styleId")


class WordFileError(CodedError):
    """The file is not a readable Word document; ``str()`` is one English sentence naming the file, ``code`` and
    ``params`` (``name`` the file) the same for the window (editor/ui/files/document_errors.py)."""


def parse(data: bytes) -> etree._Element:
    """A part's XML, with no entity expanded (a document is untrusted input) and no size limit of lxml's."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))


@dataclass
class Comment:
    comment_id: str
    author: str
    date: str
    text: str
    para_ids: list[str]
    parent_para_id: str = ""  # commentsExtended: the comment this one replies to
    done: bool = False


class StyleNames(dict):
    """Style id → its name in styles.xml, or the id itself when styles.xml has no such style.

    Filled in when first asked. Given the part's bytes (``data``), an id is first looked up in them
    alone: where the id is defined once, by the usual ``<w:style … w:styleId="…">`` of the ``w``
    prefix, only that style's element is parsed (python-docx's template makes styles.xml 350 KB, and
    a reviewed export asks two or three ids, for the few paragraphs no bookmark places). Otherwise,
    or given its parsed ``root``, one pass over every style made at the first such question (a search
    per id walked the whole part each time). Where styles.xml defines an id twice the last one
    counts; a style without an id is the id "". A damaged part is WordFileError naming ``path`` when it
    is first parsed whole.
    """

    def __init__(self, root, data: bytes | None = None, path: Path | None = None) -> None:
        super().__init__()
        self._root = root
        self._data = data
        self._path = path
        self._defined: dict[str, str] | None = None

    def __missing__(self, style_id: str) -> str:
        data = self._data
        name = self._one(style_id, data) if self._defined is None and data is not None else None
        if name is None:
            if self._defined is None:
                self._defined = self._every()
            name = self._defined.get(style_id, style_id)
        self[style_id] = name
        return name

    def _every(self) -> dict[str, str]:
        root = self._root
        if root is None and self._data is not None:
            try:
                root = parse(self._data)
            except etree.XMLSyntaxError as exc:
                raise WordFileError(f"{self._path} is damaged: its XML cannot be read ({exc.msg}).", "damaged_xml",
                                    name=str(self._path)) from None
        defined: dict[str, str] = {}
        if root is not None:
            for style in root.iter(STYLE):
                defined[style.get(STYLE_ID) or ""] = _style_name(style)
        return defined

    @staticmethod
    def _one(style_id: str, data: bytes) -> str | None:
        """The name of ``style_id`` read from its own element in ``data``, or None when that cannot be told so simply."""
        root_begin = data.find(b"<w:styles")
        if root_begin < 0 or not _PLAIN_ID.fullmatch(style_id) or b"<!" in data[:root_begin] or data.count(b"xmlns:w=") != 1:
            return None  # an id needing escapes, a DOCTYPE (entities), or the w prefix bound more than once
        key = b' w:styleId="' + style_id.encode() + b'"'
        if data.count(key) != 1:
            return None  # undefined, defined twice (the last counts), or written otherwise
        at = data.find(key)
        begin = data.rfind(b"<w:style ", 0, at)
        root_end = data.find(b">", root_begin) + 1
        if begin < root_end or b">" in data[begin:at] or _W_DECLARATION not in data[root_begin:root_end]:
            return None
        close = data.find(b">", at)
        end = close + 1 if data[close - 1:close] == b"/" else data.find(b"</w:style>", at) + len(b"</w:style>")
        if end <= close:
            return None
        try:  # the style inside the part's own root element, which declares its namespaces
            root = parse(data[root_begin:root_end] + data[begin:end] + b"</w:styles>")
        except etree.XMLSyntaxError:
            return None
        found = [style for style in root.iter(STYLE) if style.get(STYLE_ID) == style_id]
        return _style_name(found[0]) if len(found) == 1 else None


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
_W_DECLARATION = f'xmlns:w="{W}"'.encode()


def _style_name(style) -> str:
    element = style.find(STYLE_NAME)
    return element.get(VAL, "") if element is not None else ""


def core_properties(data: bytes | None) -> tuple[str, str]:
    if not data:
        return "", ""
    root = parse(data)
    by = root.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy")
    when = root.find("{http://purl.org/dc/terms/}modified")
    return (by.text or "" if by is not None else ""), (when.text or "" if when is not None else "")


def read_comments(data: bytes | None, extended: bytes | None) -> dict[str, Comment]:
    if not data:
        return {}
    result = {}
    for element in parse(data).iter(w("comment")):
        paragraphs = element.findall(w("p"))
        text = "\n".join("".join(t.text or "" for t in p.iter(T)) for p in paragraphs)
        para_ids = [p.get(f"{{{W14}}}paraId", "") for p in paragraphs]
        comment_id = element.get(ID, "")
        result[comment_id] = Comment(comment_id, element.get(AUTHOR, ""), element.get(DATE, ""), text.strip(), para_ids)
    if extended:
        by_para: dict[str, tuple[str, bool]] = {}
        for ex in parse(extended).iter(f"{{{W15}}}commentEx"):
            by_para[ex.get(f"{{{W15}}}paraId", "")] = (ex.get(f"{{{W15}}}paraIdParent", ""), ex.get(f"{{{W15}}}done") in ("1", "true"))
        for comment in result.values():
            # Word keys a comment's extended data by the id of its last paragraph
            info = by_para.get(comment.para_ids[-1] if comment.para_ids else "")
            if info:
                comment.parent_para_id, comment.done = info
    return result
