"""Official numbering (公文編號), always derived from position, never stored.

The ladder of Taiwanese official documents: 壹、 → 一、 → （一） → 1. → （1）
(sections → focus areas (施政重點) → strategies (推動策略) → actions → sub-actions).

The first half writes one number of the ladder; the second half says which number a node of a
plan has: :func:`number_of` (one node of an indexed document), :func:`number_at` (a node whose
place the caller knows) and :func:`all_numbers` (every node of a content in one pass). Each takes
the plan's ``NumberingStyle`` (編號格式: templates such as "{壹}、", "（{一}）", "{1}、"); without
one, the published ladder.
"""
from __future__ import annotations

from typing import Protocol

from schema.model import AnyNode, NumberingStyle, PlanContent
from schema.numerals import chinese_numeral as chinese_numeral  # re-exported: its home was here
from schema.numerals import format_number as format_number
from schema.tree import children, sections, walk


def section_number(index: int) -> str:
    """0 → 壹、"""
    return chinese_numeral(index + 1, formal=True) + "、"


def focus_area_number(index: int) -> str:
    """0 → 一、"""
    return chinese_numeral(index + 1) + "、"


def strategy_number(index: int) -> str:
    """0 → （一）"""
    return f"（{chinese_numeral(index + 1)}）"


def action_number(index: int) -> str:
    """0 → 1."""
    return f"{index + 1}."


def sub_action_number(index: int) -> str:
    """0 → （1）"""
    return f"（{index + 1}）"


DEFAULT_STYLE = NumberingStyle()


# --- the number of a node of a plan ------------------------------------------------------------
NUMBERED_SECTIONS = ("focus_section", "closing")  # 壹、施政重點與發展策略, 貳、…結語


class PlacedNodes(Protocol):
    """What :func:`number_of` needs of an indexed plan (``schema.document.Document`` is one)."""

    def parent(self, node: AnyNode) -> AnyNode | None: ...
    def index_of(self, node: AnyNode) -> int: ...


def number_of(doc: PlacedNodes, node: AnyNode, style: NumberingStyle | None = None) -> str:
    """壹、 / 一、 / （一） / 1. / （1） (in ``style``), or "" for unnumbered nodes (preface, goals, paragraphs)."""
    kind = node.kind
    if kind in NUMBERED_SECTIONS:
        return number_at(kind, 0, "", style)
    if kind in ("focus_area", "strategy", "action"):
        parent = doc.parent(node)
        return number_at(kind, doc.index_of(node), parent.kind if parent is not None else "", style)
    return ""


def number_at(kind: str, index: int, parent_kind: str, style: NumberingStyle | None = None) -> str:
    """The number of a node of ``kind`` at position ``index`` among its siblings (for callers that know it)."""
    style = style or DEFAULT_STYLE
    if kind in NUMBERED_SECTIONS:
        return format_number(style.section, NUMBERED_SECTIONS.index(kind))
    if kind == "focus_area":
        return format_number(style.focus_area, index)
    if kind == "strategy":
        return format_number(style.strategy, index)
    if kind == "action":
        return format_number(style.sub_action if parent_kind == "action" else style.action, index)
    return ""


def all_numbers(content: PlanContent, style: NumberingStyle | None = None) -> dict[str, str]:
    """Every node id → its number (in the plan's ``style``), in one pass (what exports and comparisons use)."""
    numbers: dict[str, str] = {}
    for section in sections(content):
        if section.kind in NUMBERED_SECTIONS:
            numbers[section.id] = number_at(section.kind, 0, "", style)
    for node, _parent in walk(content):
        if node.kind in ("focus_section", "focus_area", "strategy", "action"):
            for i, child in enumerate(children(node)):
                numbers[child.id] = number_at(child.kind, i, node.kind, style)
    return numbers
