"""The official number of any node of a plan, from its position in the tree."""
from __future__ import annotations

from schema.document import Document
from schema.model import AnyNode, PlanContent
from schema.numbering import action_number, focus_area_number, section_number, strategy_number, sub_action_number
from schema.tree import children, sections, walk

NUMBERED_SECTIONS = ("focus_section", "closing")  # 壹、施政重點與發展策略, 貳、…結語


def number_of(doc: Document, node: AnyNode) -> str:
    """壹、 / 一、 / （一） / 1. / （1）, or "" for unnumbered nodes (preface, goals, paragraphs)."""
    kind = node.kind
    if kind in NUMBERED_SECTIONS:
        return section_number(NUMBERED_SECTIONS.index(kind))
    if kind in ("focus_area", "strategy", "action"):
        return number_at(kind, doc.index_of(node), doc.parent(node).kind)
    return ""


def number_at(kind: str, index: int, parent_kind: str) -> str:
    """The number of a node of ``kind`` at position ``index`` among its siblings (for callers that know it)."""
    if kind in NUMBERED_SECTIONS:
        return section_number(NUMBERED_SECTIONS.index(kind))
    if kind == "focus_area":
        return focus_area_number(index)
    if kind == "strategy":
        return strategy_number(index)
    if kind == "action":
        return sub_action_number(index) if parent_kind == "action" else action_number(index)
    return ""


def all_numbers(content: PlanContent) -> dict[str, str]:
    """Every node id → its number, in one pass (what exports and comparisons use)."""
    numbers: dict[str, str] = {}
    for section in sections(content):
        if section.kind in NUMBERED_SECTIONS:
            numbers[section.id] = number_at(section.kind, 0, "")
    for node, _parent in walk(content):
        if node.kind in ("focus_section", "focus_area", "strategy", "action"):
            for i, child in enumerate(children(node)):
                numbers[child.id] = number_at(child.kind, i, node.kind)
    return numbers
