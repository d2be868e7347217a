"""Three-way merge of plan files (合併): two people's copies of one plan, brought back together.

``merge_plans(base, ours, theirs)`` merges the working drafts node by node
(``schema.merge_tree``), the plan's properties and draft label field by field, the revisions
and the proposals by id. Nothing either side did is lost: where the two sides disagree, the
result keeps ours (in git, the branch being merged into) and records theirs as a pending
:class:`schema.proposals.Proposal` with ``source="merge"``, placed on the node, so the editor's
review mode shows each conflict where it is. (A removal that the other side's edits overrode is
the exception: the edited content stays, and the removal is the proposal, whichever side made it.)

Copies that share no node ids with the base (two imports of the same text) are first matched
by content, as the comparison does (``schema.compare_match``), and take the base's ids.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from schema.compare import Comparison, compare
from schema.compare_index import VersionIndex
from schema.compare_match import match_by_content
from schema.document import Document
from schema.file_reading import collector_paused
from schema.merge_fields import merge_mapping, merge_value
from schema.merge_tree import OURS, THEIRS, TreeConflict, merge_versions
from schema.merge_version import Version
from schema.model import AnyNode, PlanContent, PlanDocument, Revision
from schema.numbering import number_of
from schema.operations import Move, Remove, SetField, to_json
from schema.proposals import Proposal
from schema.tree import KINDS, children, sections, title_of, walk

PLAN_PROPERTIES = ("title", "organisation", "period", "numbering_style")
DRAFT_PROPERTIES = ("label", "note")
DRAFT_COPY_FIELDS = ("id", "date", "author")  # about one copy, not the plan: ours' when both differ, never a conflict
FIELD_WORDS = {  # how a conflict names a field
    "title": "title", "chart_label": "chart label", "body": "body", "text": "text", "note": "修正說明",
    "lead_agencies": "lead agencies", "supporting_agencies": "supporting agencies", "goal_ids": "linked goals",
    "kpis": "KPIs", "budget": "budget", "organisation": "organisation", "period": "period",
    "numbering_style": "numbering style",
}


@dataclass
class Conflict:
    """One place where the two sides disagreed; ``proposal_id`` names the pending proposal holding the side not applied."""

    number: int
    kind: str  # text | field | delete_edit | move | property | revision
    node_id: str
    field: str
    place: str  # the node's number and title in the merged plan, e.g. 一、拚經濟 （二）亞洲新灣區再啟航
    description: str
    proposal_id: str = ""


class MergeResult:
    """The merged plan and its conflicts; ``ours`` and ``theirs``: what each side changed since the base
    (working drafts), compared only when asked for (a summary needs them, the merge does not)."""

    def __init__(self, plan: PlanDocument, conflicts: list[Conflict], base: PlanContent, ours: PlanContent, theirs: PlanContent):
        self.plan, self.conflicts = plan, conflicts
        self._contents = {OURS: ours, THEIRS: theirs}
        self._base = base
        self._comparisons: dict[str, Comparison] = {}

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def ours(self) -> Comparison:
        return self._comparison(OURS)

    @property
    def theirs(self) -> Comparison:
        return self._comparison(THEIRS)

    def _comparison(self, side: str) -> Comparison:
        if side not in self._comparisons:
            self._comparisons[side] = compare(self._base, self._contents[side])
        return self._comparisons[side]


def merge_plans(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument, *, date: str = "") -> MergeResult:
    """Merge ``theirs`` into ``ours``, both descended from ``base``; no argument is changed."""
    date = date or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with collector_paused():  # many short-lived objects, no cycles (as loading and the comparison do)
        return _merge_plans(base, ours, theirs, date)


def _merge_plans(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument, date: str) -> MergeResult:
    base_content = base.draft.content
    b = Version(base_content)
    o, t = (_aligned(b, Version(side.draft.content), _same_file(base, side)) for side in (ours, theirs))
    ours_content, theirs_content = o.content, t.content
    content, tree_conflicts = merge_versions(b, o, t)
    builder = _Conflicts(Document(content), {OURS: ours.draft.author, THEIRS: theirs.draft.author}, date)
    builder.trees(tree_conflicts)
    properties = _merge_properties(base, ours, theirs, builder)
    draft_fields = _merge_fields(
        {k: getattr(base.draft, k) for k in DRAFT_PROPERTIES},
        {k: getattr(ours.draft, k) for k in DRAFT_PROPERTIES},
        {k: getattr(theirs.draft, k) for k in DRAFT_PROPERTIES},
        builder, prefix="draft ",
    )
    for name in DRAFT_COPY_FIELDS:
        draft_fields[name] = merge_value(getattr(base.draft, name), getattr(ours.draft, name), getattr(theirs.draft, name))[0]
    draft_fields["authors"] = _merge_authors(b, o, t, ours.draft, theirs.draft)
    revisions = _merge_revisions(base.revisions, ours.revisions, theirs.revisions, builder)
    proposals = _merge_proposals(base.proposals, ours.proposals, theirs.proposals) + builder.proposals
    plan = PlanDocument(
        **properties,
        revisions=revisions,
        draft=Revision(**draft_fields, content=content),
        proposals=proposals,
        handed_out=ours.handed_out or theirs.handed_out,
    )
    return MergeResult(plan, builder.conflicts, base_content, ours_content, theirs_content)


def _merge_authors(b: Version, o: Version, t: Version, ours: Revision, theirs: Revision) -> dict[str, str]:
    """Who made each change (修改者): for a node a side changed, that side's author of it (or, when none was
    recorded, as for an edit made outside the editor, the side's own author); ours last, since where both
    changed a node ours is what the merge applied. Earlier attributions of unchanged nodes are kept."""
    authors: dict[str, str] = {}
    for side, version in ((theirs, t), (ours, o)):
        if not (side.author or side.authors):
            continue  # no name to give
        touched = sorted(version.changed_since(b), key=version.position) + sorted(b.nodes.keys() - version.nodes.keys(), key=b.position)
        for n in touched:
            who = side.authors.get(n) or side.author
            if who:
                authors[n] = who
    for side in (theirs, ours):
        for n, who in side.authors.items():
            authors.setdefault(n, who)
    return authors


# --- conflicts as proposals --------------------------------------------------------------------
def conflicts_as_proposals(
    content: PlanContent, tree_conflicts: list[TreeConflict], authors: dict[str, str], date: str,
) -> tuple[list[Conflict], list[Proposal]]:
    """The numbered conflicts of a merged content, and the pending proposals holding the sides not applied."""
    builder = _Conflicts(Document(content), authors, date)
    builder.trees(tree_conflicts)
    return builder.conflicts, builder.proposals


class _Conflicts:
    def __init__(self, doc: Document, authors: dict[str, str], date: str):
        self.doc, self.authors, self.date = doc, authors, date
        self.conflicts: list[Conflict] = []
        self.proposals: list[Proposal] = []

    def add(self, kind: str, node_id: str, field: str, place: str, description: str, proposal: Proposal | None) -> None:
        number = len(self.conflicts) + 1
        if proposal is not None:
            proposal.reason = f"merge conflict {number}: {description}"
            self.proposals.append(proposal)
        self.conflicts.append(Conflict(number, kind, node_id, field, place, description, proposal.id if proposal else ""))

    def trees(self, conflicts: list[TreeConflict]) -> None:
        for tc in conflicts:
            self.tree(tc)

    def tree(self, tc: TreeConflict) -> None:
        doc = self.doc
        node = doc.node(tc.node_id)
        place = describe(doc, node)
        what = KINDS[node.kind].label
        if tc.kind in ("text", "field"):
            old = getattr(node, tc.field)
            old_json = doc.node(tc.node_id).model_dump(mode="json", include={tc.field})[tc.field]
            proposal = Proposal(
                source="merge", kind="replace", node_id=node.id, field=tc.field, author=self.authors[THEIRS], date=self.date,
                old=old if isinstance(old, str) else _json_text(old_json),
                new=tc.theirs_value if isinstance(tc.theirs_value, str) else _json_text(tc.theirs_value),
                operation=to_json(SetField(node.id, tc.field, tc.theirs_value)),
            )
            words = FIELD_WORDS.get(tc.field, tc.field)
            self.add(tc.kind, node.id, tc.field, place, f"both sides changed the {words} of {what} {place}; ours is kept, theirs is pending", proposal)
        elif tc.kind == "delete_edit":
            parent = doc.parent(node)
            assert parent is not None
            editor = THEIRS if tc.removed_by == OURS else OURS
            proposal = Proposal(
                source="merge", kind="remove_node", node_id=node.id, author=self.authors[tc.removed_by], date=self.date,
                old=title_of(node) or "", operation=to_json(Remove(parent.id, doc.index_of(node))),
            )
            self.add("delete_edit", node.id, "", place,
                     f"{tc.removed_by} removed {what} {place}, which {editor} edited; it is kept with the edits, its removal is pending", proposal)
        else:
            pending = tc.pending
            target = doc.get(tc.parent_id)
            operation = None
            where = "a place that no longer exists"
            if target is not None:
                kids = [k.id for k in children(target) if k.id != node.id]
                after = next((b for b in tc.before if b in kids), None)
                index = kids.index(after) + 1 if after is not None else 0
                operation = to_json(Move(node.id, target.id, index))
                where = describe(doc, target) or KINDS[target.kind].label
            proposal = Proposal(
                source="merge", kind="move_node", node_id=node.id, author=self.authors[pending], date=self.date,
                old=title_of(node) or "", operation=operation,
            )
            kept = OURS if pending == THEIRS else THEIRS
            why = {
                "both": f"both sides moved {what} {place}",
                "cycle": f"the two sides' moves would put {what} {place} inside itself",
                "depth": f"with the other side's edits, {pending}' move of {what} {place} would nest actions three levels deep",
            }[tc.cause]
            self.add("move", node.id, "", place, f"{why}; {kept}' place is kept, {pending}' place (under {where}) is pending", proposal)

    def property(self, name: str, ours: Any, theirs: Any) -> None:
        proposal = Proposal(source="merge", kind="replace", field=name.replace(" ", "."), author=self.authors[THEIRS],
                            date=self.date, old=_json_text(ours), new=_json_text(theirs))
        words = FIELD_WORDS.get(name, name)
        self.add("property", "", name, "", f"both sides changed the plan's {words}; ours is kept, theirs is pending", proposal)


def describe(doc: Document, node: AnyNode) -> str:
    """A node's number and title after its numbered ancestors', e.g. 一、拚經濟 （二）亞洲新灣區再啟航 1.成立專案小組
    (a strategy's or an action's number repeats under each parent, so the number alone names nothing)."""
    parts = [number_of(doc, node) + _short(title_of(node) or "")]
    parent = doc.parent(node)
    while parent is not None and parent.kind in ("focus_area", "strategy", "action"):
        parts.append(number_of(doc, parent) + _short(title_of(parent) or "", 12))
        parent = doc.parent(parent)
    return " ".join(reversed(parts)) if parts[0] else KINDS[node.kind].label


def _short(text: str, limit: int = 24) -> str:
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit] + "…"


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- the plan around the content ----------------------------------------------------------------
def _merge_fields(base: dict, ours: dict, theirs: dict, builder: _Conflicts, prefix: str = "") -> dict:
    merged = {}
    for name in ours:
        value, clash = merge_value(base[name], ours[name], theirs[name], name)
        if clash:
            builder.property(prefix + name, ours[name], theirs[name])
        merged[name] = value
    return merged


def _merge_properties(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument, builder: _Conflicts) -> dict:
    dumps = [p.model_dump(mode="json", include=set(PLAN_PROPERTIES)) for p in (base, ours, theirs)]
    merged = _merge_fields(dumps[0], dumps[1], dumps[2], builder)
    for name in ("period", "numbering_style"):  # field by field may not make a valid whole (a period ending before it starts)
        try:
            PlanDocument.model_validate({"title": "x", "period": dumps[1]["period"], name: merged[name]})
        except ValidationError:
            merged[name] = dumps[1][name]
            builder.property(name, dumps[1][name], dumps[2][name])
    return merged


def _merge_revisions(base: list[Revision], ours: list[Revision], theirs: list[Revision], builder: _Conflicts) -> list[Revision]:
    """By id: revisions made on either side are kept; one removed on a side goes unless the other changed it."""
    b, o, t = ({r.id: r for r in side} for side in (base, ours, theirs))
    result: list[Revision] = []
    for rid in [r.id for r in ours] + [r.id for r in theirs if r.id not in o]:
        if rid in b and (rid not in o or rid not in t):
            kept = o.get(rid) or t[rid]
            if kept != b[rid]:
                result.append(kept)
        elif rid in o and rid in t and o[rid] != t[rid] and rid in b and t[rid] != b[rid]:
            if o[rid] != b[rid]:
                builder.add("revision", "", "", o[rid].label, f"both sides changed the revision {o[rid].label}; ours is kept", None)
                result.append(o[rid])
            else:
                result.append(t[rid])
        else:
            result.append(o.get(rid) or t[rid])
    labels: set[str] = set()
    for i, rev in enumerate(result):
        if rev.label in labels:  # both sides made a revision of that name: keep both, the second renamed
            new_label = next(f"{rev.label}（{n}）" for n in range(2, 1000) if f"{rev.label}（{n}）" not in labels)
            builder.add("revision", "", "", rev.label, f"both sides made a revision labelled {rev.label}; theirs is renamed {new_label}", None)
            result[i] = rev = rev.model_copy(update={"label": new_label})
        labels.add(rev.label)
    return result


def _merge_proposals(base: list[Proposal], ours: list[Proposal], theirs: list[Proposal]) -> list[Proposal]:
    """By id: each side's new proposals, and each side's decisions (accepted, rejected); both decided: ours."""
    b, o, t = ({p.id: p.model_dump() for p in side} for side in (base, ours, theirs))
    result = []
    for pid in list(o) + [p for p in t if p not in o]:
        if pid in b and (pid not in o or pid not in t):
            kept = o.get(pid) or t[pid]
            if kept == b[pid]:
                continue
            result.append(Proposal.model_validate(kept))
        elif pid in o and pid in t:
            merged, _clash = merge_mapping(b.get(pid, {}), o[pid], t[pid])
            result.append(Proposal.model_validate(merged))
        else:
            result.append(Proposal.model_validate(o.get(pid) or t[pid]))
    return result


# --- copies without shared ids --------------------------------------------------------------------
def _same_file(base: PlanDocument, side: PlanDocument) -> bool:
    """Whether ``side`` is a copy of the same plan file as ``base`` (they share the draft's or a revision's id):
    then its node ids are what they are, even where it replaced every item of the base by new ones."""
    ids = {base.draft.id, *(r.id for r in base.revisions)}
    return side.draft.id in ids or any(r.id in ids for r in side.revisions)


def _aligned(base: Version, side: Version, same_file: bool) -> Version:
    """``side`` itself when it has the base's section ids and shares other ids with it or is a copy of the same
    file (the usual case, decided quickly); otherwise aligned by content (``align_ids``)."""
    if [s.id for s in sections(side.content)] == [s.id for s in sections(base.content)] and (same_file or any(
        n in base.nodes for n in side.nodes if side.parent[n] is not None
    )):
        return side
    content = align_ids(base.content, side.content)
    return side if content is side.content else Version(content)


def align_ids(base: PlanContent, side: PlanContent) -> PlanContent:
    """``side`` with the base's ids: the sections by position, and by content when the two share no other id."""
    rename = {s.id: b.id for s, b in zip(sections(side), sections(base)) if s.id != b.id}
    section_ids = {s.id for s in sections(side)}
    side_ids = {n.id for n, _p in walk(side)} - section_ids
    base_ids = {n.id for n, _p in walk(base)} - {s.id for s in sections(base)}
    if side_ids and base_ids and not side_ids & base_ids:
        matched = match_by_content(VersionIndex(base), VersionIndex(side))
        rename.update({new: old for old, new in matched.items() if new not in section_ids})
    if not rename:
        return side
    data = side.model_dump()
    for name in ("preface", "goals", "focus", "closing"):
        _rename(data[name], rename)
    return PlanContent.model_validate(data)


def _rename(data: dict, rename: dict[str, str]) -> None:
    data["id"] = rename.get(data["id"], data["id"])
    if "goal_ids" in data:
        data["goal_ids"] = [rename.get(g, g) for g in data["goal_ids"]]
    field = KINDS[data["kind"]].children
    for child in data.get(field, []) if field else []:
        _rename(child, rename)
