"""Who changed what (修改者): each edit of the draft notes its author on the node it changed.

The author is the one set in the preferences (by default the system's user name), which the
window gives the session (``EditSession.author``); the session's stamp writes it, and the journal
records it with each edit, so a recovered session attributes as the killed one did. The note is
``Revision.authors`` (node id → the author of the node's latest change in the working draft),
which the comparison hands on to every view of the changes: the comparison view, the
修正對照表 and the tracked-changes document (``w:author`` per change). A merge keeps each side's
authors for the changes it took from that side (``schema.merge``).
"""
from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings

from schema.document import Document
from schema.document_listeners import DocumentListener
from schema.model import AnyNode, Revision
from schema.tree import children

AUTHOR_KEY = "edit/author"

Attribution = dict[str, str | None]
"""Some nodes' authors (node id → author; None: nobody changed it yet): what an edit found and left.

An undo puts back the authors the edit found, a redo those it left, so the authors map always
matches the plan on screen (a move undone names nobody who did not change the item before)."""


def default_author() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return ""


def current_author(settings: QSettings) -> str:
    value = settings.value(AUTHOR_KEY, "")
    return str(value).strip() if value else default_author()


class AuthorStamp(DocumentListener):
    """Listens to one document and writes ``author`` against every node an operation touches.

    An edit the document refuses halfway (a compound edit whose later operation is refused) leaves no
    stamp: the stamps since the last :meth:`settle` are kept by ``settle(True)`` and taken back by
    ``settle(False)``, as the session does after each edit and recovery after each journalled one."""

    def __init__(self, author: str):
        self.author = author
        self.revision: Revision | None = None
        self.document: Document | None = None
        self._since: list[tuple[str, str | None]] = []  # (node id, its author before) since the last settle

    def settle(self, kept: bool) -> tuple[Attribution, Attribution]:
        """Keep (``kept``) or take back the stamps since the last settle; return the authors of the
        nodes they touched before and after them (both empty when taken back)."""
        before: Attribution = {}
        after: Attribution = {}
        if self.revision is not None:
            authors = self.revision.authors
            if kept:
                for node_id, previous in self._since:
                    before.setdefault(node_id, previous)
                after = {node_id: authors.get(node_id) for node_id in before}
            else:
                for node_id, previous in reversed(self._since):
                    _put(authors, node_id, previous)
        self._since.clear()
        return before, after

    def restore(self, attribution: Attribution) -> None:
        """Set these nodes' authors (an undo puts back what its edit found), kept or taken back by the next settle."""
        if self.revision is None:
            return
        authors = self.revision.authors
        for node_id, author in attribution.items():
            self._since.append((node_id, authors.get(node_id)))
            _put(authors, node_id, author)

    def watch(self, document: Document | None, revision: Revision | None) -> None:
        if self.document is not None and self in self.document.listeners:
            self.document.listeners.remove(self)
        self.document, self.revision = document, revision
        if document is not None:
            document.listeners.append(self)

    def _stamp(self, node: AnyNode) -> None:
        if self.author and self.revision is not None:
            self._since.append((node.id, self.revision.authors.get(node.id)))
            self.revision.authors[node.id] = self.author

    def field_changed(self, node: AnyNode, field: str) -> None:
        self._stamp(node)

    def after_insert(self, parent: AnyNode, index: int) -> None:
        self._stamp(children(parent)[index])

    def before_remove(self, parent: AnyNode, index: int) -> None:
        self._stamp(children(parent)[index])

    def after_move(self, node: AnyNode, old_parent: AnyNode, old_index: int, new_parent: AnyNode, new_index: int) -> None:
        self._stamp(node)


def _put(authors: dict[str, str], node_id: str, author: str | None) -> None:
    if author is None:
        authors.pop(node_id, None)
    else:
        authors[node_id] = author
