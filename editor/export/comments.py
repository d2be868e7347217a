"""Staff comments (批註) in the exported Word documents, as real Word comments.

A comment the office added to an item in the editor (a pending proposal of kind "comment",
source "staff") is anchored in the official and the tracked-changes documents on the text of
that item's field, found by the bookmark the writers put around it (``editor.docx_ids``); its
replies follow as paragraphs of the comment (python-docx writes no reply threads). An item the
document does not hold (another revision) simply has none. Called by the writers once the body
is written (:func:`add_staff_comments`).
"""
from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from editor.docx_ids import bookmark_name
from editor.export.textclean import clean_text
from schema.model import PlanDocument

_FIELDS = ("title", "text", "body")  # where a comment on an item without a field of its own goes


def staff_comments(plan: PlanDocument) -> list:
    return [p for p in plan.proposals if p.kind == "comment" and p.source == "staff" and p.status == "pending" and p.node_id]


def add_staff_comments(doc, plan: PlanDocument) -> int:
    """Anchor the plan's pending staff comments in ``doc`` (python-docx Document); return how many."""
    wanted = staff_comments(plan)
    if not wanted:
        return 0
    body = doc.element.body
    starts = {el.get(qn("w:name")): el for el in body.iter(qn("w:bookmarkStart"))}
    done = 0
    for proposal in wanted:
        fields = [proposal.field] if proposal.field else []
        start = next((starts[name] for f in [*fields, *_FIELDS]
                      if (name := bookmark_name(proposal.node_id, f)) in starts), None)
        if start is None:
            continue
        runs = _runs_after(start)
        if not runs:
            continue
        paragraph = Paragraph(start.getparent(), doc._body)
        author = clean_text(proposal.author) or "staff"
        comment = doc.add_comment([Run(r, paragraph) for r in runs], text=clean_text(proposal.comment),
                                  author=author, initials=author[:1])
        for reply in proposal.replies:
            comment.add_paragraph(clean_text(f"{reply.author}：{reply.text}"))
        done += 1
    return done


def _runs_after(start) -> list:
    """The runs of the bookmarked text in the bookmark's first paragraph."""
    runs = []
    mark_id = start.get(qn("w:id"))
    element = start.getnext()
    while element is not None:
        if element.tag == qn("w:bookmarkEnd") and element.get(qn("w:id")) == mark_id:
            break
        if element.tag == qn("w:r"):
            runs.append(element)
        element = element.getnext()
    return runs
