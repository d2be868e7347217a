"""What a document tells the parts of the program that show it: the listeners of :class:`schema.document.Document`.

A listener is told before and after every change of the tree (insert, remove, move), after a
field, the revisions, the proposals or the plan's properties changed, and once after every applied
operation (``changed``), always with the document consistent. The editor's tree model turns these
calls into Qt's signals; :class:`OnChange` and :class:`OnRevisionsChange` serve the views that only
redraw (the chart preview, the checks, the comparison, the revisions menu).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from schema.model import AnyNode

if TYPE_CHECKING:
    from schema.document import Document


class DocumentListener:
    """Override what you need; every method is called with the document already consistent."""

    def before_insert(self, parent: AnyNode, index: int) -> None: ...
    def after_insert(self, parent: AnyNode, index: int) -> None: ...
    def before_remove(self, parent: AnyNode, index: int) -> None: ...
    def after_remove(self, parent: AnyNode, index: int) -> None: ...
    def before_move(self, node: AnyNode, old_parent: AnyNode, old_index: int, new_parent: AnyNode, new_index: int) -> None: ...
    def after_move(self, node: AnyNode, old_parent: AnyNode, old_index: int, new_parent: AnyNode, new_index: int) -> None: ...
    def field_changed(self, node: AnyNode, field: str) -> None: ...
    def revisions_changed(self) -> None:
        """The plan's list of revisions, or a revision's or the draft's label, changed."""

    def proposals_changed(self) -> None:
        """A proposal was added, decided, replied to or removed (schema.review)."""

    def plan_changed(self) -> None:
        """The plan's own properties (title, organisation, period, numbering style) changed."""

    def changed(self) -> None:
        """Called once after every applied operation, whatever it was."""


class OnChange(DocumentListener):
    """A listener that only wants to know that something changed (previews, live checks)."""

    def __init__(self, callback: Callable[[], object]) -> None:
        self.callback = callback
        self.document: Document | None = None

    def watch(self, document: Document | None) -> None:
        """Listen to ``document`` (None: to nothing) instead of the one watched before."""
        if self.document is not None and self in self.document.listeners:
            self.document.listeners.remove(self)
        self.document = document
        if document is not None:
            document.listeners.append(self)

    def changed(self) -> None:
        self.callback()


class OnRevisionsChange(OnChange):
    """A listener that only wants to know that the revisions or their labels changed (menus, viewers)."""

    def revisions_changed(self) -> None:
        self.callback()

    def changed(self) -> None:
        pass
