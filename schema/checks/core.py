"""The machinery of the consistency checks: findings, the rule registry, and the shared context.

A rule is a function ``rule(ctx) -> Iterable[(node, params)]`` decorated with :func:`rule`,
which gives it a code, a severity and its message in Traditional Chinese and English (Python
format strings filled from ``params``). The registry turns what rules yield into
:class:`Finding` objects, so a rule never deals with numbering, titles or languages.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cached_property
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter
from typing import Any, TypeVar

from schema.model import AnyNode, NumberingStyle, Period, PlanContent
from schema.numbering import number_at
from schema.tree import KINDS, level_groups, sections, title_of, walk
from schema.xml_chars import INVALID_XML

N = TypeVar("N", bound=AnyNode)
Found = Iterator[tuple[AnyNode, dict[str, Any]]]  # what a rule yields: a node and its message's parameters

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)  # most serious first: the order of the checks pane
LANGUAGES = ("zh", "en")
TITLE_LIMIT = 30  # a paragraph is named by its first characters, not its whole text


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule (``code``), how serious, where (node id, number, title), and what.

    ``number`` names the place the way the plan's text names it: the numbers from the focus area
    (施政重點) down to the node, e.g. 一、（五） or 四、（三）3., since every focus area has its （五）."""

    code: str
    severity: str
    node_id: str
    number: str
    title: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """The ``plan-editor check --json`` form: code, severity, node_id, number, title, message."""
        return asdict(self)


RuleFunction = Callable[["Context"], Iterable[tuple[AnyNode, dict[str, Any]]]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    function: RuleFunction
    messages: dict[str, str]  # language → message template
    needs_period: bool = False


RULES: list[Rule] = []  # in registration order, which is also the order of findings on one node


def rule(code: str, severity: str, *, zh: str, en: str, needs_period: bool = False) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule. ``zh`` and ``en`` are the message templates, filled with what the rule yields."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r} for rule {code!r}")
    if any(r.code == code for r in RULES):
        raise ValueError(f"two rules share the code {code!r}")

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(code, severity, function, {"zh": zh, "en": en}, needs_period))
        return function

    return register


class Context:
    """What every rule needs, computed once per run: the nodes by kind, their parents, the period.

    The plan is indexed level by level, each level's nodes of one kind with a few C-level calls
    (``map``, ``zip``, ``chain``) rather than a Python step per node, since the editor runs the
    checks on every edit; the texts are read field by field the same way.
    """

    def __init__(self, content: PlanContent, period: Period | None, lang: str, style: NumberingStyle | None = None) -> None:
        self.content = content
        self.style = style  # the plan's numbering style (編號格式): findings name items as the plan numbers them
        self.period = period
        self.lang = lang
        top: list[AnyNode] = list(sections(content))
        top_ids = list(map(_ID, top))
        self.parents: dict[str, AnyNode | None] = dict.fromkeys(top_ids)
        self.index: dict[str, int] = dict(zip(top_ids, range(len(top))))
        # (parent, children) for every parent with children, level by level
        self.families: list[tuple[AnyNode, list[AnyNode]]] = []
        self.sibling_lists: dict[str, list[list[AnyNode]]] = {}  # kind → the children lists holding that kind
        self.by_kind: dict[str, list[AnyNode]] = {}  # kind → its nodes in document order
        levels_of: dict[str, set[int]] = {}
        for group in level_groups(content):
            self.by_kind.setdefault(group.kind, []).extend(group.nodes)
            levels_of.setdefault(group.kind, set()).add(group.level)
            if not group.children:
                continue
            lists = group.child_lists
            self.families += compress(zip(group.nodes, lists), lists)
            self.sibling_lists.setdefault(_CHILD_KIND[group.kind], []).extend(filter(None, lists))
            self.parents.update(zip(group.child_ids, chain.from_iterable(map(repeat, group.nodes, group.sizes))))
            self.index.update(zip(group.child_ids, chain.from_iterable(map(range, group.sizes))))
        for kind, levels in levels_of.items():
            if len(levels) > 1:  # sub-actions: level order is not document order, which puts each after its action
                self.by_kind[kind] = [node for node, _parent in walk(content) if node.kind == kind]
        self._numbers: dict[str, str] = {}
        self.cache: dict[str, Any] = {}  # what rules derive and share within one run (e.g. bare titles)
        self._of_type: dict[type, list[Any]] = {}

    @cached_property
    def nodes(self) -> list[tuple[AnyNode, AnyNode | None]]:
        """Every node with its parent, in document order."""
        return list(walk(self.content))

    def of_kind(self, kind: str) -> list[AnyNode]:
        return self.by_kind.get(kind, [])

    def of_type(self, cls: type[N]) -> list[N]:
        """The nodes of one class (e.g. ``Strategy``) in document order, typed as that class."""
        found: list[N] | None = self._of_type.get(cls)
        if found is None:
            kind = next(k for k, spec in KINDS.items() if spec.cls is cls)
            nodes = self.of_kind(kind)
            found = self._of_type[cls] = list(compress(nodes, map(isinstance, nodes, repeat(cls))))
        return found

    def word(self, zh: str, en: str) -> str:
        """A word that goes into a message parameter, in the language of this run."""
        return en if self.lang == "en" else zh

    def join(self, items: Iterable[object]) -> str:
        return (", " if self.lang == "en" else "、").join(str(i) for i in items)

    def number(self, node: AnyNode) -> str:
        """The official number of a node (\"\" for unnumbered kinds), without numbering the whole plan."""
        found = self._numbers.get(node.id)
        if found is None:
            if node.id in self.index:
                parent = self.parents[node.id]
                found = number_at(node.kind, self.index[node.id], parent.kind if parent is not None else "", self.style)
            else:
                found = ""
            self._numbers[node.id] = found
        return found

    def location(self, node: AnyNode) -> str:
        """The numbers from the focus area down to the node (一、（五）, 四、（三）3.; a section's 壹、;
        "" for unnumbered kinds): only for the nodes a finding names, each ancestor numbered once."""
        own = self.number(node)
        if not own:
            return own
        parent = self.parents.get(node.id)
        if parent is None or self.parents.get(parent.id) is None:  # a section, or a focus area under its section
            return own
        return self.location(parent) + own

    def position(self, node_id: str) -> tuple[int, ...]:
        """A key that sorts as document order: the indices from the section down to the node (() if not in the plan)."""
        path: list[int] = []
        while node_id in self.index:
            path.append(self.index[node_id])
            parent = self.parents[node_id]
            if parent is None:
                return tuple(reversed(path))
            node_id = parent.id
        return ()

    @cached_property
    def texts(self) -> list[tuple[AnyNode, list[tuple[str, str]]]]:
        """Every node with the texts typed into it (fields that are empty are left out), in document order."""
        result: list[tuple[AnyNode, list[tuple[str, str]]]] = []
        for node, _parent in self.nodes:
            strings = list(iter_strings(node))
            if strings:
                result.append((node, strings))
        return result

    @cached_property
    def _fields(self) -> list[tuple[list[AnyNode], list[str], str]]:
        """(nodes, their texts, the texts joined) for each typed field of each kind, read with C-level maps."""
        result = []
        for kind, nodes in self.by_kind.items():
            for field_name in _STRING_FIELDS[kind]:
                texts = list(map(attrgetter(field_name), nodes))
                result.append((nodes, texts, "".join(texts)))
        return result

    @cached_property
    def _strategy_extras(self) -> str:
        """The texts of strategies that are not one field each, joined: agencies and the KPIs' cells."""
        strategies = self.by_kind.get("strategy", [])
        kpis = list(chain.from_iterable(map(_KPIS, strategies)))
        return "\n".join(chain(
            chain.from_iterable(map(_LEAD, strategies)),
            chain.from_iterable(map(_SUPPORTING, strategies)),
            *(map(attrgetter(field_name), kpis) for field_name in _KPI_FIELDS),
            chain.from_iterable(map(dict.values, map(_TARGETS, kpis))),
        ))

    @cached_property
    def all_text(self) -> str:
        """All texts joined, in no particular order and mostly without separators: for scans and
        counts of one character (is X anywhere in the plan? how many times?), at C speed."""
        return "\n".join([*(joined for _nodes, _texts, joined in self._fields), self._strategy_extras])

    @cached_property
    def rare_characters(self) -> str:
        """Which of the characters rules look for and plans seldom hold (Word-unsafe ones, the
        half-width marks ,;:()) the plan's texts hold: one scan of the whole text for all rules."""
        return "".join(set(_RARE_CHARACTERS.findall(self.all_text)))

    def texts_with(self, pattern: re.Pattern[str]) -> list[tuple[AnyNode, list[tuple[str, str]]]]:
        """The nodes with a text where ``pattern`` (one character: a character class) is found,
        each with all its texts (as in ``texts``).

        Each kind's field is searched as one text, so a rule looking for something rare does
        not visit every node. In no particular order: findings are sorted afterwards."""
        found: dict[str, AnyNode] = {}
        for nodes, texts, joined in self._fields:  # one-character matches cannot straddle two texts
            match = pattern.search(joined)
            if match:
                ends = list(accumulate(map(len, texts)))
            while match:
                k = bisect_right(ends, match.start())  # the text holding the match
                found[nodes[k].id] = nodes[k]
                match = pattern.search(joined, ends[k])  # on from the next text
        if pattern.search(self._strategy_extras):
            found.update((node.id, node) for node in self.by_kind.get("strategy", [])
                         if any(pattern.search(text) for _field, text in iter_strings(node)))
        return [(node, list(iter_strings(node))) for node in found.values()]


def short_title(node: AnyNode) -> str:
    text = " ".join(node_title(node).split())  # a body's line breaks would break a one-line report
    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"


def quote(text: str) -> str:
    """「text」, or 『text』 when the text holds 「」 itself (the Chinese rule for nested quotes)."""
    return f"『{text}』" if "「" in text or "」" in text else f"「{text}」"


def collect(content: PlanContent, period: Period | None, lang: str, style: NumberingStyle | None = None) -> list[Finding]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    ctx = Context(content, period, lang, style)
    raw: list[tuple[AnyNode, int, Rule, dict[str, Any]]] = []
    for order, r in enumerate(RULES):
        if r.needs_period and period is None:
            continue  # without the plan's period a KPI year cannot be judged
        for node, params in r.function(ctx):
            raw.append((node, order, r, params))
    if not raw:
        return []
    raw.sort(key=lambda item: (ctx.position(item[0].id), item[1]))  # document order, then rule order
    return [
        Finding(r.code, r.severity, node.id, ctx.location(node), short_title(node), r.messages[lang].format(**params))
        for node, _order, r, params in raw
    ]


def findings_by_node(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """node id → its findings (what the editor's tree uses to mark nodes)."""
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        result.setdefault(finding.node_id, []).append(finding)
    return result


def worst_severity(findings: Iterable[Finding]) -> str | None:
    """The most serious severity among the findings, or None when there are none."""
    ranks = [SEVERITIES.index(f.severity) for f in findings]
    return SEVERITIES[min(ranks)] if ranks else None


# The fields a person types, per kind (asking a pydantic model for a field it lacks is slow).
_STRING_FIELDS = {kind: spec.string_fields for kind, spec in KINDS.items()}
_CHILD_KIND = {kind: spec.child_kind for kind, spec in KINDS.items() if spec.child_kind is not None}
_ID = attrgetter("id")
_LEAD, _SUPPORTING, _KPIS, _TARGETS = (attrgetter(name) for name in ("lead_agencies", "supporting_agencies", "kpis", "targets"))
_KPI_FIELDS = ("name", "measurement", "unit", "objective", "assessment")
_RARE_CHARACTERS = re.compile(f"[{INVALID_XML.pattern[1:-1]},;:()]")


def node_title(node: AnyNode) -> str:
    """The text that names a node: its title, or the text of a paragraph or action."""
    return title_of(node)


def iter_strings(node: AnyNode) -> Iterator[tuple[str, str]]:
    """Every piece of text a person typed into a node, as (field, text): what goes into Word."""
    for field in _STRING_FIELDS[node.kind]:
        value = getattr(node, field)
        if value:
            yield field, value
    if node.kind != "strategy":
        return
    for field in ("lead_agencies", "supporting_agencies"):
        for value in getattr(node, field):
            yield field, value
    for kpi in node.kpis:
        for field in _KPI_FIELDS:
            value = getattr(kpi, field)
            if value:
                yield f"kpis.{field}", value
        for year, value in kpi.targets.items():
            yield f"kpis.targets.{year}", value
