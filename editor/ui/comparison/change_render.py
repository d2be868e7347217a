"""HTML of one change of a comparison (修正對照), for the two panes of the comparison view.

The older version (現行規定) shows what was deleted, the newer one (修正規定) what was inserted.
Marks never rely on colour alone (some reviewers print in black and white, some cannot tell red
from green): insertions are green *and* underlined (``<u>``), deletions red *and* struck
through (``<s>``). Every piece of plan text is escaped here, so a ``<`` or ``&`` in the plan
reads as itself and never as markup.
"""
from __future__ import annotations

import html
import re

from editor.ui.i18n import fill
from schema.compare import Change, NodeSide
from schema.textdiff import DELETE, EQUAL, INSERT, Diff

INSERT_STYLE = "color:#00703c; background-color:#e3f4e8; text-decoration:underline;"
DELETE_STYLE = "color:#b00020; background-color:#fde7e9; text-decoration:line-through;"
FIELD_ORDER = ("title", "chart_label", "body", "text", "lead_agencies", "supporting_agencies", "goal_ids", "kpis", "budget")
PILCROW = "¶"  # a line break that was inserted or deleted would otherwise be invisible
PLACE = "%1\u3000%2"  # parent, then number, with a wide space (the Chinese interface's)


def escape(text: str) -> str:
    """Plan text as HTML: ``& < >`` and quotes escaped, line ends as ``<br/>``."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def _marked(text: str, tag: str, style: str) -> str:
    # A changed line end gets a visible ¶ before the break, so the reader sees it went or came.
    shown = escape(text.replace("\n", PILCROW + "\n"))
    return f'<{tag} style="{style}">{shown}</{tag}>'


def render_old(diffs: Diff) -> str:
    """The older text: kept parts plain, deleted parts struck through in red (insertions left out)."""
    return "".join(
        _marked(text, "s", DELETE_STYLE) if op == DELETE else escape(text)
        for op, text in diffs if op != INSERT
    )


def render_new(diffs: Diff) -> str:
    """The newer text: kept parts plain, inserted parts underlined in green (deletions left out)."""
    return "".join(
        _marked(text, "u", INSERT_STYLE) if op == INSERT else escape(text)
        for op, text in diffs if op != DELETE
    )


def render_side(diffs: Diff, side: str) -> str:
    return render_old(diffs) if side == "old" else render_new(diffs)


def _field_block(label: str, body_html: str) -> str:
    return (
        f'<p style="margin-top:8px; margin-bottom:2px; color:#555555; font-size:small;"><b>{escape(label)}</b></p>'
        f'<p style="margin-top:0px; white-space:pre-wrap;">{body_html}</p>'
    )


def _placeholder(text: str) -> str:
    return f'<p style="color:#777777;"><i>{escape(text)}</i></p>'


def _children_html(side: NodeSide, tag: str, style: str) -> str:
    """The items that went with an added or removed node, each with its number, marked like it."""
    rows = []

    def visit(node: NodeSide, depth: int) -> None:
        words = node.title or node.text
        indent = "&nbsp;" * (4 * depth)
        rows.append(f'{indent}<{tag} style="{style}">{escape(node.number)}{escape(words)}</{tag}>')
        for child in node.children:
            visit(child, depth + 1)

    for child in side.children:
        visit(child, 0)
    return "<br/>".join(rows)


def render_change(change: Change, side: str, field_label, texts: dict[str, str]) -> str:
    """One pane ('old' or 'new') of a change as an HTML document.

    ``field_label(name)`` names a field (標題, 內容 …); ``texts`` holds the pane's fixed phrases:
    ``absent_old`` / ``absent_new`` (the node is not in this version), ``position``, ``children``, and
    optionally ``place``, how a parent and a number are joined (「%1　%2」, the default).
    Fields that did not change are shown plain, for context; changed ones carry the marks.
    """
    node = change.old if side == "old" else change.new
    parts: list[str] = []
    if node is None:
        parts.append(_placeholder(texts["absent_old" if side == "old" else "absent_new"]))
        return _document("".join(parts))
    if change.kind == "moved":
        other = change.new if side == "old" else change.old
        place = place_text(texts.get("place", PLACE), node.parent, node.number)
        if other is not None and (other.parent, other.number) != (node.parent, node.number):
            tag, style = ("s", DELETE_STYLE) if side == "old" else ("u", INSERT_STYLE)
            place_html = f'<{tag} style="{style}">{escape(place)}</{tag}>'
        else:
            place_html = escape(place)
        parts.append(_field_block(texts["position"], place_html))
    for name in FIELD_ORDER:
        if name in change.fields:
            body = render_side(change.fields[name], side)
        else:
            value = node.values.get(name, "")
            if not value or (name == "chart_label" and value == node.values.get("title")):
                continue  # an empty field, or a chart label that is only the title, says nothing
            body = escape(value)
        if body:
            parts.append(_field_block(field_label(name), body))
    if node.children:
        tag, style = ("s", DELETE_STYLE) if change.kind == "removed" else ("u", INSERT_STYLE)
        parts.append(_field_block(texts["children"], _children_html(node, tag, style)))
    return _document("".join(parts))


def place_text(pattern: str, parent: str, number: str) -> str:
    """Where a node stands: 「二、衝就業　（六）」 (the parent's number and title, the node's number)."""
    if not parent or not number:
        return parent or number
    return fill(pattern, parent, number)


def _document(body: str) -> str:
    return f"<html><body>{body}</body></html>"


def marked_segments(html_text: str, tag: str) -> list[str]:
    """The texts inside ``<tag …>…</tag>`` of rendered HTML, unescaped (what a test or a reader sees marked)."""
    pattern = re.compile(rf"<{tag}\b[^>]*>(.*?)</{tag}>", re.S)
    return [html.unescape(m.replace("<br/>", "\n")) for m in pattern.findall(html_text)]


__all__ = [
    "DELETE_STYLE", "EQUAL", "INSERT_STYLE", "escape", "marked_segments", "render_change", "render_new",
    "render_old", "render_side",
]
