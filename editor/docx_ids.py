"""Node ids in exported Word documents: the bookmark names the writers put around each field's text.

The official and the tracked-changes document mark every node's text with a bookmark
``pe_<node id>_<field>`` (``pe_3f2a9c01b7de_title``, ``pe_3f2a9c01b7de_body``, ``pe_…_text``) that
Word and LibreOffice keep when they save, so a reviewed document read back (import, review) finds
which node each paragraph came from without guessing by content. Word accepts bookmark names of
at most 40 letters, digits and underscores starting with a letter; a node id that cannot fit gets
no bookmark and readers fall back to matching by content. Field names are lower-case letters
only, so the last underscore always separates the field from the id (ids may hold underscores).
This module is the one reader and writer of the names (no docx import: pure text rules).
"""
from __future__ import annotations

import re

PREFIX = "pe_"
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
_ID = re.compile(r"^[A-Za-z0-9_]+$")
_FIELD = re.compile(r"^[a-z]+$")
_OURS = re.compile(r"pe_([A-Za-z0-9_]+)_([a-z]+)")  # pe_<id>_<field>: the field follows the last underscore


def bookmark_name(node_id: str, field: str) -> str | None:
    """The bookmark name of ``field`` of node ``node_id``, or None when Word could not keep it."""
    if not _ID.fullmatch(node_id) or not _FIELD.fullmatch(field):
        return None
    name = f"{PREFIX}{node_id}_{field}"
    return name if _NAME.fullmatch(name) else None


def position_field(prefix: str, index: int) -> str:
    """A field naming a position, in letters (fields hold no digits): ("goal", 0) → goala, 25 → goalz,
    26 → goalba. LibreOffice reorders empty bookmarks that share a place, so the order cannot say it."""
    letters = ""
    while True:
        index, rest = divmod(index, 26)
        letters = chr(ord("a") + rest) + letters
        if not index:
            return prefix + letters


def parse_position_field(prefix: str, field: str) -> int | None:
    """The index ``position_field`` wrote into ``field``, or None when ``field`` is not one of them."""
    letters = field[len(prefix):] if field.startswith(prefix) else ""
    if not letters:
        return None
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("a")
    return index


def parse_bookmark_name(name: str) -> tuple[str, str] | None:
    """(node id, field) of a bookmark the writers made, or None for any other bookmark (``_Toc…``, ``_GoBack``)."""
    # One match instead of three: the same rules as _NAME, _ID and _FIELD after the last underscore.
    match = _OURS.fullmatch(name) if len(name) <= 40 else None
    return (match.group(1), match.group(2)) if match else None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {_W + "t", _W + "delText"}


def bookmarked_texts(document_root) -> dict[tuple[str, str], str]:
    """{(node id, field): text} of every writer's bookmark in a ``word/document.xml`` tree (lxml).

    The text is what lies between the bookmark's start and end: runs' ``w:t`` and ``w:delText``
    (so a tracked document gives both sides), ``w:tab`` as "\\t", ``w:br`` and paragraph ends as "\\n".
    """
    from lxml import etree  # only readers of .docx files need it

    open_marks: dict[str, tuple[str, str]] = {}  # bookmark id → (node id, field)
    texts: dict[tuple[str, str], list[str]] = {}
    for event, el in etree.iterwalk(document_root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _W + "bookmarkStart":
                parsed = parse_bookmark_name(el.get(_W + "name", ""))
                if parsed is not None:
                    open_marks[el.get(_W + "id", "")] = parsed
                    texts[parsed] = []
            elif tag == _W + "bookmarkEnd":
                open_marks.pop(el.get(_W + "id", ""), None)
            elif tag in _TEXT_TAGS or tag in (_W + "tab", _W + "br"):
                piece = (el.text or "") if tag in _TEXT_TAGS else ("\t" if tag == _W + "tab" else "\n")
                for key in open_marks.values():
                    texts[key].append(piece)
        elif tag == _W + "p":
            for key in open_marks.values():
                texts[key].append("\n")
    return {key: "".join(parts).strip("\n") for key, parts in texts.items()}
