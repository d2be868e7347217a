"""The machinery of the consistency checks: findings, the rule registry, and the shared context.

A rule is a function ``rule(ctx) -> Iterable[(node, params)]`` decorated with :func:`rule`,
which gives it a code, a severity and its message in Traditional Chinese and English (Python
format strings filled from ``params``). The registry turns what rules yield into
:class:`Finding` objects, so a rule never deals with numbering, titles or languages.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any, TypeVar

from schema.model import AnyNode, NumberingStyle, Period, PlanContent
from schema.numbering import number_at
from schema.tree import KINDS, children, sections, title_of, walk

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
    """One problem: which rule (``code``), how serious, where (node id, number, title), and what."""

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
    """What every rule needs, computed once per run: the nodes in order, by kind, and the period."""

    def __init__(self, content: PlanContent, period: Period | None, lang: str, style: NumberingStyle | None = None) -> None:
        self.content = content
        self.style = style  # the plan's numbering style (編號格式): findings name items as the plan numbers them
        self.period = period
        self.lang = lang
        self.nodes: list[tuple[AnyNode, AnyNode | None]] = list(walk(content))
        self.by_kind: dict[str, list[AnyNode]] = {}
        self.parents: dict[str, AnyNode | None] = {}
        for node, parent in self.nodes:
            self.by_kind.setdefault(node.kind, []).append(node)
            self.parents[node.id] = parent
        self._numbers: dict[str, str] = {}
        self._of_type: dict[type, list[Any]] = {}

    def of_kind(self, kind: str) -> list[AnyNode]:
        return self.by_kind.get(kind, [])

    def of_type(self, cls: type[N]) -> list[N]:
        """The nodes of one class (e.g. ``Strategy``) in document order, typed as that class."""
        found: list[N] | None = self._of_type.get(cls)
        if found is None:
            kind = next(k for k, spec in KINDS.items() if spec.cls is cls)
            found = self._of_type[cls] = [node for node in self.of_kind(kind) if isinstance(node, cls)]
        return found

    def word(self, zh: str, en: str) -> str:
        """A word that goes into a message parameter, in the language of this run."""
        return en if self.lang == "en" else zh

    def join(self, items: Iterable[object]) -> str:
        return (", " if self.lang == "en" else "、").join(str(i) for i in items)

    def number(self, node: AnyNode) -> str:
        """The official number of a node (\"\" for unnumbered kinds), without numbering the whole plan."""
        if node.id not in self._numbers:
            parent = self.parents.get(node.id)
            if parent is None:
                self._numbers.update((section.id, number_at(section.kind, 0, "", self.style)) for section in sections(self.content))
            else:
                # Number all siblings at once: a rule reporting one child often reports others.
                for index, child in enumerate(children(parent)):
                    self._numbers[child.id] = number_at(child.kind, index, parent.kind, self.style)
        return self._numbers.get(node.id, "")

    @cached_property
    def texts(self) -> list[tuple[AnyNode, list[tuple[str, str]]]]:
        """Every node with the texts typed into it (fields that are empty are left out)."""
        result: list[tuple[AnyNode, list[tuple[str, str]]]] = []
        for node, _parent in self.nodes:
            strings = list(iter_strings(node))
            if strings:
                result.append((node, strings))
        return result

    @cached_property
    def all_text(self) -> str:
        """All texts joined: one C-speed scan answers "is X anywhere in the plan?"."""
        return "\n".join(text for _node, strings in self.texts for _field, text in strings)


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
    position = {node.id: i for i, (node, _parent) in enumerate(ctx.nodes)}
    raw.sort(key=lambda item: (position.get(item[0].id, -1), item[1]))
    return [
        Finding(r.code, r.severity, node.id, ctx.number(node), short_title(node), r.messages[lang].format(**params))
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
        for field in ("name", "measurement", "unit", "objective", "assessment"):
            value = getattr(kpi, field)
            if value:
                yield f"kpis.{field}", value
        for year, value in kpi.targets.items():
            yield f"kpis.targets.{year}", value
