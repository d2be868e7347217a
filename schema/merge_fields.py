"""Three-way merge of one node's fields: texts at character level, budgets by year, KPIs by id.

Each function takes the field's value in the common base and on the two sides and returns
``(merged, conflict)``: ``conflict`` is False when both sides' intents could be kept; when it is
True, ``merged`` is ours (the side applied) and the caller records theirs as a proposal.

Texts: each side's edits are found with the project's readable diff (``schema.textdiff``, built
on diff-match-patch) as ranges of the base text. Edits in separate places are both applied to
the base; edits that overlap or touch (the same words changed on both sides, or an insertion
where the other side rewrote) are a conflict, so nobody's words are ever mixed into a phrase
neither of them wrote.
"""
from __future__ import annotations

from typing import Any

from schema.textdiff import DELETE, EQUAL, text_diff

Edit = tuple[int, int, str]  # base[start:end] becomes the text


def merge_value(base: Any, ours: Any, theirs: Any, field: str = "") -> tuple[Any, bool]:
    """Any JSON value of a field: the side that changed it wins; both changed: by the field's kind."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    if isinstance(base, str) and isinstance(ours, str) and isinstance(theirs, str):
        return merge_text(base, ours, theirs)
    if field == "budget" or (isinstance(base, dict) and isinstance(ours, dict) and isinstance(theirs, dict)):
        return merge_mapping(base or {}, ours or {}, theirs or {})
    if field == "kpis":
        return merge_kpis(base or [], ours or [], theirs or [])
    if isinstance(base, list) and isinstance(ours, list) and isinstance(theirs, list) and _all_str(base, ours, theirs):
        return merge_string_list(base, ours, theirs), False
    return ours, True


def merge_text(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """Both sides' edits of one text, when they fall in different places of the base."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    mine, yours = edits(base, ours), edits(base, theirs)
    if any(_clash(a, b) for a in mine for b in yours):
        return ours, True
    out: list[str] = []
    at = 0
    for start, end, text in sorted(mine + yours, key=lambda e: (e[0], e[1])):
        out.append(base[at:start])
        out.append(text)
        at = end
    out.append(base[at:])
    return "".join(out), False


def edits(base: str, side: str) -> list[Edit]:
    """The edits that turn ``base`` into ``side``, as (start, end, replacement) on the base."""
    result: list[Edit] = []
    at = 0
    pending: Edit | None = None
    for op, text in text_diff(base, side):
        if op == EQUAL:
            if pending is not None:
                result.append(pending)
                pending = None
            at += len(text)
            continue
        if pending is None:
            pending = (at, at, "")
        start, end, replacement = pending
        if op == DELETE:
            pending = (start, end + len(text), replacement)
            at += len(text)
        else:
            pending = (start, end, replacement + text)
    if pending is not None:
        result.append(pending)
    return result


def _clash(a: Edit, b: Edit) -> bool:
    """Edits overlap, touch, or insert at one place: which goes first would be a guess."""
    return a[0] <= b[1] and b[0] <= a[1]


def merge_mapping(base: dict, ours: dict, theirs: dict) -> tuple[dict, bool]:
    """A budget (year → amount) or a KPI's targets: year by year; both changing one year is a conflict."""
    merged: dict = {}
    conflict = False
    for key in [*ours, *(k for k in theirs if k not in ours), *(k for k in base if k not in ours and k not in theirs)]:
        b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
        if o == t or t == b:
            value = o
        elif o == b:
            value = t
        else:
            value, conflict = o, True
        if value is not _MISSING:
            merged[key] = value
    return merged, conflict


def merge_kpis(base: list[dict], ours: list[dict], theirs: list[dict]) -> tuple[list[dict], bool]:
    """KPIs (關鍵績效指標) matched by id: each side's new, removed and edited indicators; ours' order first."""
    by_id = [{k["id"]: k for k in side} for side in (base, ours, theirs)]
    b, o, t = by_id
    conflict = False
    merged: list[dict] = []
    order = [k["id"] for k in ours] + [k["id"] for k in theirs if k["id"] not in o]
    for kid in order:
        if kid not in b:  # new on one side, or on both
            if kid in o and kid in t and o[kid] != t[kid]:
                conflict = True
            merged.append(o[kid] if kid in o else t[kid])
            continue
        if kid not in o or kid not in t:  # removed on one side: a conflict if the other edited it
            kept = o[kid] if kid in o else t[kid]
            if kept != b[kid]:
                merged.append(kept)
                conflict = True
            continue
        kpi: dict = {}
        # An optional column (objective, assessment) is absent from a side where it is empty.
        for name in [*o[kid], *(n for n in t[kid] if n not in o[kid])]:
            value, clash = merge_value(b[kid].get(name, ""), o[kid].get(name, ""), t[kid].get(name, ""), name)
            kpi[name] = value
            conflict = conflict or clash
        merged.append(kpi)
    return merged, conflict


def merge_string_list(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Agencies and goal links: ours' list, without what theirs removed, with what theirs added (never a conflict)."""
    removed = set(base) - set(theirs)
    added = [x for x in theirs if x not in base and x not in ours]
    return [x for x in ours if x not in removed] + added


def _all_str(*lists: list) -> bool:
    return all(isinstance(x, str) for values in lists for x in values)


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
