"""The indexes that make the checks and the comparison fast say what a plain walk of the plan says.

The checks' context and the comparison index a plan level by level with C-level maps instead of
walking it node by node, and look for rare characters in each field as one text: on random
plans (sub-actions, KPIs, half-width marks, Word-unsafe characters), what they find is what the
walk finds, in the same order where order matters.
"""
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from schema.checks.core import Context, iter_strings
from schema.checks.punctuation import _ANY_HALF, _FULL
from schema.compare_index import VersionIndex
from schema.model import KPI, Action, FocusArea, Goal, Paragraph, PlanContent, Strategy
from schema.tree import KINDS, children, level_groups, walk
from schema.xml_chars import INVALID_XML

words = st.text(alphabet="推動產業轉型，。,;:()（）：\x07 a", max_size=10)


def _actions(depth):
    if depth == 0:
        return st.just([])
    return st.lists(st.builds(Action, text=words, note=words, actions=_actions(depth - 1)), max_size=2)


@st.composite
def plans(draw) -> PlanContent:
    kpis = st.lists(st.builds(KPI, name=words, unit=words, targets=st.dictionaries(st.integers(107, 112), words, max_size=3)), max_size=2)
    content = PlanContent()
    content.preface.paragraphs = draw(st.lists(st.builds(Paragraph, text=words), max_size=2))
    content.goals.goals = draw(st.lists(st.builds(Goal, title=words, body=words), max_size=2))
    content.focus.focus_areas = draw(st.lists(st.builds(
        FocusArea, title=words, strategies=st.lists(st.builds(
            Strategy, title=words, chart_label=words, body=words, actions=_actions(2), kpis=kpis,
            lead_agencies=st.lists(words, max_size=2),
        ), max_size=3),
    ), max_size=3))
    content.closing.paragraphs = draw(st.lists(st.builds(Paragraph, text=words), max_size=2))
    return content


@settings(max_examples=80, deadline=None)
@given(plans())
def test_the_checks_context_indexes_the_plan_as_a_walk_does(content):
    ctx = Context(content, None, "zh")
    walked = list(walk(content))
    by_kind: dict[str, list] = {}
    for node, _parent in walked:
        by_kind.setdefault(node.kind, []).append(node)
    assert {kind: [n.id for n in nodes] for kind, nodes in ctx.by_kind.items()} == {
        kind: [n.id for n in nodes] for kind, nodes in by_kind.items()}  # document order, sub-actions too
    assert {nid: p and p.id for nid, p in ctx.parents.items()} == {n.id: p and p.id for n, p in walked}
    assert sorted((n.id for n, _p in walked), key=ctx.position) == [n.id for n, _p in walked]
    assert ctx.position("not-in-the-plan") == ()
    # every text, whatever the order
    naive = "\n".join(text for _n, strings in ctx.texts for _f, text in strings)
    assert Counter(ctx.all_text.replace("\n", "")) == Counter(naive.replace("\n", ""))
    assert set(ctx.rare_characters) == set(re.findall(f"[{INVALID_XML.pattern[1:-1]},;:()]", naive))


@settings(max_examples=80, deadline=None)
@given(plans(), st.sampled_from([_ANY_HALF, INVALID_XML, *_FULL.values()]))
def test_the_nodes_with_a_character_are_those_a_walk_finds(content, pattern):
    ctx = Context(content, None, "zh")
    expected = {node.id: strings for node, strings in ctx.texts if any(pattern.search(text) for _f, text in strings)}
    found = ctx.texts_with(pattern)
    assert {node.id: strings for node, strings in found} == expected
    assert len(found) == len(expected)
    assert all(strings == list(iter_strings(node)) for node, strings in found)


@settings(max_examples=80, deadline=None)
@given(plans())
def test_the_comparison_indexes_the_plan_as_a_walk_does(content):
    tree = VersionIndex(content)
    walked = list(walk(content))
    assert {nid: (p := tree.parent(nid)) and p.id for nid in tree.nodes} == {n.id: p and p.id for n, p in walked}
    assert tree.parent_ids == {n.id: p and p.id for n, p in walked}
    assert sorted(tree.nodes, key=tree.position) == [n.id for n, _p in walked]
    depth: dict[str, int] = {}
    levels: list[list[str]] = []
    for node, parent in walked:
        level = depth[node.id] = 0 if parent is None else depth[parent.id] + 1
        while len(levels) <= level:
            levels.append([])
        levels[level].append(node.id)
    assert [[n.id for n in level] for level in tree.levels] == levels
    for node, _parent in walked:  # the end of a subtree: its last node in document order
        below = [n.id for n, _p in walk(content)]
        start = below.index(node.id)
        inside = [nid for nid in below[start + 1:] if _is_below(tree, nid, node.id)]
        assert tree.end(node.id) == tree.position(inside[-1] if inside else node.id)


def _is_below(tree, nid, ancestor):
    while nid is not None:
        nid = tree.parent_ids[nid]
        if nid == ancestor:
            return True
    return False


def test_a_change_side_is_a_whole_node_side():
    """The comparison makes its NodeSides without their constructor: each has every field, and equals the constructed one."""
    import dataclasses

    from schema.compare import NodeSide, _side

    content = PlanContent()
    content.focus.focus_areas = [FocusArea(title="拚經濟", strategies=[Strategy(title="推動產業", actions=[Action(text="設立園區")])])]
    tree = VersionIndex(content)
    action = content.focus.focus_areas[0].strategies[0].actions[0]
    side = _side(tree, action)
    assert side == NodeSide(**{f.name: getattr(side, f.name) for f in dataclasses.fields(NodeSide)})
    assert (side.number, side.text, side.parent, side.index, side.values) == ("1.", "設立園區", "一、（一）推動產業", 0, {"text": "設立園區"})
    assert (side.location, side.area) == ("一、（一）1.", "一、拚經濟")
    assert vars(side).keys() == {f.name for f in dataclasses.fields(NodeSide)}
    try:
        side.text = "改"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a NodeSide must stay frozen")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="推動，,;:()（） \tab5", max_size=20))
def test_half_width_marks_count_where_the_docstring_says(text):
    """A comma, semicolon or colon counts between two Chinese characters, a parenthesis next to
    one, spaces and tabs aside (the rule's definition, written out plainly)."""
    from schema.checks.punctuation import _CJK_CHAR, half_width_in_chinese

    def chinese(i: int, step: int) -> bool:
        i += step
        while 0 <= i < len(text) and text[i] in " \t":
            i += step
        return 0 <= i < len(text) and bool(_CJK_CHAR.match(text[i]))

    expected: dict[str, int] = {}
    for i, mark in enumerate(text):
        kind = {",": "comma", ";": "semicolon", ":": "colon", "(": "parentheses", ")": "parentheses"}.get(mark)
        if kind and ((chinese(i, -1) and chinese(i, 1)) if mark in ",;:" else (chinese(i, -1) or chinese(i, 1))):
            expected[kind] = expected.get(kind, 0) + 1
    assert half_width_in_chinese(text) == expected


def _depths(content):
    depth = {}
    for node, parent in walk(content):
        depth[node.id] = 0 if parent is None else depth[parent.id] + 1
    return depth


@settings(max_examples=80, deadline=None)
@given(plans())
def test_the_level_walk_both_indexes_share_visits_every_node_once_at_its_depth(content):
    groups = list(level_groups(content))
    depth = _depths(content)
    seen = [node.id for group in groups for node in group.nodes]
    assert sorted(seen) == sorted(depth)  # every node, once
    assert all(depth[node.id] == group.level and node.kind == group.kind for group in groups for node in group.nodes)
    assert [group.level for group in groups] == sorted(group.level for group in groups)  # level by level
    for group in groups:
        holds_children = KINDS[group.kind].children is not None
        assert group.child_lists == ([children(node) for node in group.nodes] if holds_children else [])
        assert group.children == [kid for node in group.nodes for kid in children(node)]
        assert group.child_ids == [kid.id for kid in group.children]
        assert group.sizes == [len(kids) for kids in group.child_lists]
    # a level's groups hold, in order, exactly the children the level above named
    for level in range(1, 1 + max(group.level for group in groups)):
        named = [kid.id for group in groups if group.level == level - 1 for kid in group.children]
        assert [node.id for group in groups if group.level == level for node in group.nodes] == named
