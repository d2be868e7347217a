"""Handing out parts of a plan to the bureaus (局處), and merging their parts back.

The research-and-evaluation office (研考會) cuts from the plan either whole focus areas (施政重點)
or the strategies (推動策略) whose lead agency (主辦機關) is one bureau, with the focus areas
holding them, and hands the part out as a plan file of its own. The part remembers what it was
cut from (``PlanDocument.handed_out``: the ids handed out and the part as it was), so merging it
back needs no other base:

1. The colleague's edits outside the part (the preface, goals and closing, which the part shows
   only for context, a holding focus area's own text, new focus areas) are **reported**, not
   merged: they are taken out of the colleague's copy first.
2. The rest is three-way merged, as copies of one plan are, with the part cut the same way from
   the office's current plan (which may have changed meanwhile): base = the part as handed out.
3. The merged part goes back into the whole plan, whose other items stay exactly as they are.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from schema.compare import Comparison, compare
from schema.merge import Conflict, conflicts_as_proposals
from schema.merge_tree import merge_contents
from schema.model import FocusArea, HandOut, PlanContent, PlanDocument, Revision
from schema.tree import title_of


class PartError(ValueError):
    """A part that cannot be cut or merged back; ``str()`` is one sentence."""


@dataclass(frozen=True)
class OutsideEdit:
    """An edit the colleague made outside the part, reported and not merged. ``kind``: ``section`` (the
    preface, goals or closing, named by ``place``), ``focus_section`` (the 施政重點 section's own
    ``field``), ``area_removed`` / ``area_field`` (a focus area holding the handed-out strategies), or
    ``new_area``; ``place`` is the section's or the focus area's title. ``str()`` is the English sentence."""

    kind: str
    place: str
    field: str = ""

    def __str__(self) -> str:
        return {
            "section": f"{self.place}: edited in the part, but it is not part of what was handed out",
            "focus_section": f"{self.place}: its {self.field} was edited, but it is not part of what was handed out",
            "area_removed": f"{self.place}: the focus area was removed, but only its strategies were handed out",
            "area_field": f"{self.place}: the focus area's {self.field} was edited, but only its strategies were handed out",
            "new_area": f"{self.place or '(untitled)'}: a new focus area, outside what was handed out",
        }[self.kind]


@dataclass
class PartMerge:
    plan: PlanDocument
    conflicts: list[Conflict]
    changes: Comparison  # what merging the part changed in the whole plan (numbered as in the whole plan)
    outside_edits: list[OutsideEdit] = field(default_factory=list)  # edits outside the part, not merged

    @property
    def outside(self) -> list[str]:
        """The edits outside the part, each as an English sentence (the command line's)."""
        return [str(edit) for edit in self.outside_edits]


def hand_out(plan: PlanDocument, *, focus: list[int] | None = None, agency: str | None = None, date: str = "") -> PlanDocument:
    """A part of ``plan``'s working draft: focus areas by number (1 = 一、), or one lead agency's strategies."""
    areas = plan.draft.content.focus.focus_areas
    if (focus is None) == (agency is None):
        raise PartError("say which part to hand out: focus areas by number, or one lead agency")
    if focus is not None:
        wrong = [n for n in focus if not 1 <= n <= len(areas)]
        if wrong or not focus:
            raise PartError(f"the plan has focus areas 1 to {len(areas)}, not {', '.join(map(str, wrong)) or 'none'}")
        roots = [areas[n - 1].id for n in sorted(set(focus))]
        agency_name = ""
    else:
        agency_name = (agency or "").strip()
        roots = [s.id for fa in areas for s in fa.strategies if agency_name in [a.strip() for a in s.lead_agencies]]
        if not roots:
            known = sorted({a for fa in areas for s in fa.strategies for a in s.lead_agencies})
            raise PartError(f"no strategy has {agency_name!r} as its lead agency (lead agencies in the plan: {'、'.join(known) or 'none'})")
    part = cut(plan.draft.content, roots, agency_name)
    when = date or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return PlanDocument(
        title=plan.title, organisation=plan.organisation, period=plan.period, numbering_style=plan.numbering_style,
        draft=Revision(label=plan.draft.label, content=part),
        handed_out=HandOut(agency=agency_name, roots=roots, base=part.model_copy(deep=True), plan_title=plan.full_title(), date=when),
    )


def cut(content: PlanContent, roots: list[str], agency: str) -> PlanContent:
    """The part of ``content``: the goals for context, and the focus areas (or strategies) of ``roots``."""
    wanted = set(roots)
    result = content.model_copy(deep=True)
    result.preface.paragraphs = []
    result.closing.paragraphs = []
    if agency:
        holding: list[FocusArea] = []
        for area in result.focus.focus_areas:
            strategies = [s for s in area.strategies if s.id in wanted]
            if strategies:
                area.strategies = strategies
                holding.append(area)
        result.focus.focus_areas = holding
    else:
        result.focus.focus_areas = [a for a in result.focus.focus_areas if a.id in wanted]
    return PlanContent.model_validate(result.model_dump())


def merge_part(plan: PlanDocument, part: PlanDocument, *, part_name: str = "the part", date: str = "") -> PartMerge:
    """Bring a colleague's edited part back into ``plan``; only the part changes."""
    handed = part.handed_out
    if handed is None:
        raise PartError(f"{part_name} is not a part handed out from a plan (it remembers no base)")
    date = date or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    current = cut(plan.draft.content, handed.roots, handed.agency)
    theirs, outside = _inside_only(handed.base, part.draft.content, bool(handed.agency))
    merged_part, tree_conflicts = merge_contents(handed.base, current, theirs)
    whole, rest = merge_contents(current, plan.draft.content, merged_part)
    # Putting the merged part back cannot conflict (the whole plan adds to its own cut only what lies
    # outside it); should it ever, those conflicts are kept like the others rather than lost.
    conflicts, proposals = conflicts_as_proposals(
        whole, [*tree_conflicts, *rest], {"ours": plan.draft.author, "theirs": part.draft.author}, date,
    )
    result = plan.model_copy(deep=True)
    changes = compare(plan.draft.content, whole)
    authors = dict(result.draft.authors)
    for change in changes.changes:  # who made each change that came in: the bureau's author of it
        who = part.draft.authors.get(change.node_id) or part.draft.author
        if who:
            authors[change.node_id] = who
    result.draft = result.draft.model_copy(update={"content": whole, "authors": authors})
    result.proposals = [*result.proposals, *proposals]
    return PartMerge(result, conflicts, compare(plan.draft.content, whole, authors), outside)


def _inside_only(base: PlanContent, theirs: PlanContent, by_agency: bool) -> tuple[PlanContent, list[OutsideEdit]]:
    """The colleague's part with every edit outside the part undone, and those edits described."""
    outside: list[OutsideEdit] = []
    data, base_data = theirs.model_dump(), base.model_dump()
    for name, label in (("preface", "理念"), ("goals", "施政目標"), ("closing", "結語")):
        if data[name] != base_data[name]:
            outside.append(OutsideEdit("section", label))
            data[name] = base_data[name]
    section, base_section = data["focus"], base_data["focus"]
    for name in ("title", "note"):
        if section[name] != base_section[name]:
            outside.append(OutsideEdit("focus_section", "施政重點與發展策略", name))
            section[name] = base_section[name]
    theirs_areas = {a["id"]: a for a in section["focus_areas"]}
    areas = []
    for base_area in base_section["focus_areas"]:
        area = theirs_areas.pop(base_area["id"], None)
        if not by_agency:
            if area is not None:
                areas.append(area)
            continue  # a handed-out focus area removed: the colleague's to decide
        if area is None:  # a holding focus area removed: it stays; the strategies in it were the part's
            outside.append(OutsideEdit("area_removed", base_area["title"]))
            area = {**base_area, "strategies": []}
        for name in ("title", "body", "note"):
            if area[name] != base_area[name]:
                outside.append(OutsideEdit("area_field", base_area["title"], name))
                area[name] = base_area[name]
        areas.append(area)
    for area in theirs_areas.values():
        outside.append(OutsideEdit("new_area", area["title"]))
    section["focus_areas"] = areas
    return PlanContent.model_validate(data), outside


def describe_part(part: PlanDocument) -> str:
    """What a part holds, for a summary line: e.g. 經發局: 6 strategies, or focus areas 一、拚經濟、二、衝就業."""
    handed = part.handed_out
    if handed is None:
        return "not a part"
    if handed.agency:
        return f"{handed.agency}: {len(handed.roots)} strateg{'y' if len(handed.roots) == 1 else 'ies'}"
    return "focus areas " + "、".join(title_of(a) or "" for a in handed.base.focus.focus_areas)
