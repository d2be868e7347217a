"""The paragraphs the official export writes for a plan's items, in order: what a reviewer edited.

Each is the item's id, the field, the number printed before the text (壹、 （一） "1.\t" …) and the
text, exactly as ``editor.export.official_docx`` writes them (a multi-line field is one paragraph
per non-blank line, stripped). Content matching compares a reviewed document's paragraphs with
these when its bookmarks are gone; every reader compares a field's text in that same form.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from editor.export.official_docx import printed_goal
from editor.export.textclean import clean_text
from schema.model import PlanContent
from schema.numbering import all_numbers


@dataclass(frozen=True, slots=True)
class Expected:
    node_id: str
    field: str
    prefix: str  # the number (and tab) printed before the text, outside the field
    text: str
    style: str

    @property
    def full(self) -> str:
        return self.prefix + self.text


def lines_of(text: str) -> list[str]:
    """A multi-line field as the export writes it: non-blank lines, stripped."""
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]


def export_form(kind: str, field: str, value: str) -> str:
    """A field's text as it reads in the exported document (lines joined by "\n")."""
    if kind == "paragraph" or field == "body":  # one paragraph per line; an action's text is one paragraph
        return "\n".join(lines_of(value))
    return clean_text(value)


def expected_paragraphs(content: PlanContent) -> list[Expected]:
    numbers = all_numbers(content)
    out: list[Expected] = []

    def lines(node, field: str, style: str) -> None:
        for line in lines_of(getattr(node, field)):
            out.append(Expected(node.id, field, "", line, style))

    def one(node, field: str, prefix: str, style: str) -> None:
        out.append(Expected(node.id, field, prefix, clean_text(getattr(node, field)), style))

    for paragraph in content.preface.paragraphs:
        lines(paragraph, "text", "Plan Body")
    for goal in content.goals.goals:  # as published, only a goal with a text of its own is printed
        if printed_goal(goal):
            one(goal, "title", "", "Plan Goal")
            lines(goal, "body", "Plan Body")
    focus = content.focus
    one(focus, "title", numbers[focus.id], "Heading 1")
    for area in focus.focus_areas:
        one(area, "title", numbers[area.id], "Heading 2")
        lines(area, "body", "Plan Body")
        for strategy in area.strategies:
            one(strategy, "title", numbers[strategy.id], "Heading 3")
            lines(strategy, "body", "Strategy Body")
            for action in strategy.actions:
                one(action, "text", numbers[action.id] + "\t", "Plan Action")
                for sub in action.actions:
                    one(sub, "text", numbers[sub.id] + "\t", "Plan Sub-action")
    closing = content.closing
    one(closing, "title", numbers[closing.id], "Heading 1")
    for paragraph in content.closing.paragraphs:
        lines(paragraph, "text", "Plan Body")
    return out


def expected_labels(content: PlanContent, nodes: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """The (node id, field) of every paragraph :func:`expected_paragraphs` gives, without making them (cheap);
    given ``nodes``, every item of the plan is put in it by id on the way (the index a Document makes,
    without its parents: reading a review needs the parents only for the few items it removes or adds)."""
    out: list[tuple[str, str]] = []
    index: dict[str, Any] = {} if nodes is None else nodes

    def lines(node, field: str) -> None:
        index[node.id] = node
        if getattr(node, field).strip():
            out.append((node.id, field))

    def actions(items) -> None:  # an action and its sub-actions (the rules allow two levels)
        for action in items:
            index[action.id] = action
            out.append((action.id, "text"))
            if action.actions:
                actions(action.actions)

    index[content.preface.id] = content.preface
    for paragraph in content.preface.paragraphs:
        lines(paragraph, "text")
    index[content.goals.id] = content.goals
    for goal in content.goals.goals:
        index[goal.id] = goal
        if printed_goal(goal):
            out.append((goal.id, "title"))
            lines(goal, "body")
    index[content.focus.id] = content.focus
    out.append((content.focus.id, "title"))
    for area in content.focus.focus_areas:
        out.append((area.id, "title"))
        lines(area, "body")
        for strategy in area.strategies:
            out.append((strategy.id, "title"))
            lines(strategy, "body")
            actions(strategy.actions)
    index[content.closing.id] = content.closing
    out.append((content.closing.id, "title"))
    for paragraph in content.closing.paragraphs:
        lines(paragraph, "text")
    return out
