"""Reading a reviewed Word document back into the plan as proposals (修正建議).

Reviewers open the exported .docx in Word or LibreOffice, track their changes, add comments
(批註) and send it back. :func:`read_review` turns each tracked change, each paragraph or item
they added or removed, and each comment (with its replies) into a :class:`schema.proposals.Proposal`
on the item and field it falls in; what cannot be placed on one item (a change across two items,
a change of a number, a comment on the cover) comes back in ``unplaced``, never dropped. Nothing
of the plan is changed here: the proposals are decided later (``schema.review``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editor.review.build import build
from editor.review.expected import expected_labels, expected_paragraphs
from editor.review.locate import label_pieces
from editor.review.wordml import WordFileError, read_word
from schema.coded_error import CodedError
from schema.document import Document
from schema.fileio import collector_paused
from schema.model import AnyNode, PlanDocument
from schema.proposals import Proposal

MIN_MATCHED_SHARE = 0.2  # below this share of the plan's paragraphs found, the document is not this plan's

__all__ = ["ReviewError", "ReviewResult", "read_review"]


class ReviewError(CodedError):
    """The file cannot be read as a review of this plan; ``str()`` is one English sentence naming the file, ``code``
    and ``params`` (``name`` the file) the same for the window: a WordFileError's, or "not_this_plan"."""


@dataclass
class ReviewResult:
    proposals: list[Proposal] = field(default_factory=list)
    unplaced: list[Proposal] = field(default_factory=list)  # node_id "", with the reason


def read_review(plan: PlanDocument, path: str | Path) -> ReviewResult:
    """The proposals of a reviewed document of ``plan``'s working draft; raise ReviewError when it is not one."""
    path = Path(path)
    with collector_paused():  # tens of thousands of objects, none garbage: no collector passes meanwhile
        return _read(plan, path)


def _read(plan: PlanDocument, path: Path) -> ReviewResult:
    try:
        doc = read_word(path)
    except WordFileError as exc:
        raise ReviewError(str(exc), exc.code, **exc.params) from None
    content = plan.draft.content
    nodes: dict[str, AnyNode] = {}
    labels = expected_labels(content, nodes)  # and the plan's items by id, in the same walk
    try:  # styles.xml is parsed when a paragraph's style is first asked (wordml.StyleNames), and may be damaged
        located = label_pieces(doc, lambda: expected_paragraphs(content), labels, nodes)
        if located.matched < max(1, MIN_MATCHED_SHARE * len(labels)):
            raise ReviewError(
                f"{path} does not look like a document exported from this plan: neither its bookmarks nor its "
                f"paragraphs match the plan's items ({located.matched} of {len(labels)} found).",
                "not_this_plan", name=str(path), matched=located.matched, total=len(labels),
            )
        proposals, unplaced = build(doc, located, nodes, lambda: Document(content))
    except WordFileError as exc:
        raise ReviewError(str(exc), exc.code, **exc.params) from None
    for proposal in unplaced:
        proposal.node_id = ""
    return ReviewResult(proposals, unplaced)
