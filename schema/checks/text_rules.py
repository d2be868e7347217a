"""Rules about the text itself: empty or duplicated items, chart labels, Word-unsafe characters."""
from __future__ import annotations

import re
from itertools import chain, compress, repeat
from operator import attrgetter, ne, not_

from schema.checks.core import ERROR, INFO, WARNING, Context, Found, quote, rule
from schema.model import (
    Action,
    AnyNode,
    Closing,
    FocusArea,
    FocusSection,
    Goal,
    GoalsSection,
    Paragraph,
    Preface,
    Strategy,
    TextNode,
    TitledNode,
)
from schema.tree import KINDS
from schema.xml_chars import INVALID_XML  # python-docx raises on these half-way through a write

CHART_LABEL_LIMIT = 14  # characters of a chart box before the chart must wrap (half-width counts ½)

_KIND_EN = {
    "preface": "preface",
    "goals_section": "goals section",
    "focus_section": "focus section",
    "closing": "closing section",
    "paragraph": "paragraph",
    "goal": "goal",
    "focus_area": "focus area",
    "strategy": "strategy",
    "action": "action",
}
_TITLED: tuple[type[TitledNode], ...] = (Preface, GoalsSection, FocusSection, Closing, Goal, FocusArea, Strategy)
_TITLED_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.cls in _TITLED)

# Punctuation, spaces and symbols: what a chart label may drop from its title (「」, ，, ：, …).
_NOT_WORD = re.compile(r"[\W_]+")
_FINAL_MARKS = "。．.，,；;：:、 \t\n"
_CHART_LABEL, _TITLE, _TEXT = attrgetter("chart_label"), attrgetter("title"), attrgetter("text")
_QUOTES = str.maketrans("", "", "「」『』")  # punctuation too, so dropping them never changes a bare text


def bare(text: str) -> str:
    """The text without punctuation, spaces or symbols: 設立「技職人才」： → 設立技職人才."""
    return _NOT_WORD.sub("", text)


def kind_name(ctx: Context, kind: str) -> str:
    return ctx.word(KINDS[kind].label, _KIND_EN[kind])


@rule(
    "invalid-character",
    ERROR,
    zh="{field}含有無法寫入 Word 文件的字元：{codes}。",
    en="The {field} holds characters that cannot go into a Word document: {codes}.",
)
def invalid_characters(ctx: Context) -> Found:
    if not INVALID_XML.search(ctx.rare_characters):
        return
    for node, strings in ctx.texts_with(INVALID_XML):
        for field, text in strings:
            found = sorted(set(INVALID_XML.findall(text)))
            if found:
                codes = ctx.join(f"U+{ord(c):04X}" for c in found)
                yield node, {"field": field_name(ctx, field), "codes": codes}


_FIELD_NAMES = {
    "title": ("標題", "title"),
    "chart_label": ("架構圖標籤", "chart label"),
    "body": ("內容", "body"),
    "text": ("文字", "text"),
    "note": ("修正說明", "revision note"),
    "lead_agencies": ("主辦機關", "lead agency"),
    "supporting_agencies": ("協辦機關", "supporting agency"),
    "kpis.name": ("關鍵績效指標名稱", "KPI name"),
    "kpis.measurement": ("衡量標準", "KPI measurement"),
    "kpis.unit": ("單位", "KPI unit"),
    "kpis.objective": ("策略績效目標", "KPI objective"),
    "kpis.assessment": ("評估體制", "KPI assessment"),
}


def field_name(ctx: Context, field: str) -> str:
    if field.startswith("kpis.targets."):
        year = field.rsplit(".", 1)[1]
        return ctx.word(f"{year}年度目標值", f"KPI target for {year}")
    return ctx.word(*_FIELD_NAMES[field])


@rule("empty-title", ERROR, zh="{kind}的標題是空白的。", en="This {kind} has no title.")
def empty_titles(ctx: Context) -> Found:
    for cls in _TITLED:
        nodes = ctx.of_type(cls)
        for node in compress(nodes, map(not_, map(str.strip, map(_TITLE, nodes)))):
            yield node, {"kind": kind_name(ctx, node.kind)}


@rule("empty-text", ERROR, zh="{kind}沒有文字。", en="This {kind} is empty.")
def empty_texts(ctx: Context) -> Found:
    text_kinds: tuple[type[TextNode], ...] = (Paragraph, Action)
    for cls in text_kinds:
        nodes = ctx.of_type(cls)
        for node in compress(nodes, map(not_, map(str.strip, map(_TEXT, nodes)))):
            yield node, {"kind": kind_name(ctx, node.kind)}


@rule(
    "strategy-without-content",
    WARNING,
    zh="推動策略既沒有說明文字，也沒有具體作法。",
    en="The strategy has neither a body nor any actions.",
)
def strategies_without_content(ctx: Context) -> Found:
    for node in ctx.of_type(Strategy):
        if not node.actions and not node.body.strip():
            yield node, {}


def _duplicate_key(kind: str, text: str) -> str:
    """Titles match ignoring punctuation and spaces; long texts (paragraphs, actions) match whole,
    but for spaces and a final mark (stripping all punctuation of every action is too slow live)."""
    if kind in ("paragraph", "action"):
        return text.strip().rstrip(_FINAL_MARKS).rstrip()
    return bare(text)


def _bare_titles(ctx: Context, titles: list[str]) -> list[str]:
    """``bare`` of each title, remembered for the run (two rules compare strategies' bare titles)."""
    known: dict[str, str] = ctx.cache.setdefault("bare", {})
    missing = [title for title in dict.fromkeys(titles) if title not in known]
    known.update(zip(missing, map(bare, missing)))
    return list(map(known.__getitem__, titles))


def _duplicate_keys(kind: str, texts: list[str]) -> list[str]:
    """``_duplicate_key`` of each text, with C-level maps."""
    if kind in ("paragraph", "action"):
        return list(map(str.rstrip, map(str.rstrip, map(str.strip, texts), repeat(_FINAL_MARKS))))
    return list(map(_NOT_WORD.sub, repeat(""), texts))


@rule(
    "duplicate-title",
    WARNING,
    zh="與同一層的{other}標題相同：{title}。",
    en="Same title as {other} at the same level: {title}.",
)
def duplicate_titles(ctx: Context) -> Found:
    for kind, sibling_lists in ctx.sibling_lists.items():
        title = attrgetter(KINDS[kind].title_field)
        texts = list(map(title, chain.from_iterable(sibling_lists)))
        keys = _bare_titles(ctx, texts) if kind in _TITLED_KINDS else _duplicate_keys(kind, texts)
        if len(set(keys)) == len(keys):
            continue  # the usual case: no two alike anywhere (empty keys are the empty-title rule's business)
        family = chain.from_iterable(map(repeat, range(len(sibling_lists)), map(len, sibling_lists)))
        if len(set(zip(family, keys))) == len(keys):
            continue  # alike only under different parents
        for kids in sibling_lists:
            yield from _duplicates(ctx, kind, kids)


def _duplicates(ctx: Context, kind: str, kids: list[AnyNode]) -> Found:
    texts = list(map(attrgetter(KINDS[kind].title_field), kids))
    first: dict[str, tuple[int, AnyNode]] = {}
    for index, (node, text, key) in enumerate(zip(kids, texts, _duplicate_keys(kind, texts))):
        if not key:
            continue
        if key in first:
            other_index, other = first[key]
            number = ctx.number(other)
            other_name = number or ctx.word(f"第{other_index + 1}項", f"item {other_index + 1}")
            yield node, {"other": other_name, "title": quote(" ".join(text.split()))}
        else:
            first[key] = (index, node)


@rule(
    "chart-label-mismatch",
    WARNING,
    zh="架構圖標籤{label}與標題{title}不一致。",
    en="The chart label {label} differs from the title {title}.",
)
def chart_label_mismatches(ctx: Context) -> Found:
    labelled = [node for node in ctx.of_type(Strategy) if node.chart_label]
    # A label that is its title without 「」 (the usual one) is the same once punctuation is dropped.
    unquoted = map(str.translate, map(_TITLE, labelled), repeat(_QUOTES))
    strategies = list(compress(labelled, map(ne, map(_CHART_LABEL, labelled), unquoted)))
    differ = map(ne, map(bare, map(_CHART_LABEL, strategies)), _bare_titles(ctx, list(map(_TITLE, strategies))))
    for node in compress(strategies, differ):
        yield node, {"label": quote(node.chart_label), "title": quote(node.title)}


def label_width(label: str) -> float:
    """Width in full-width characters: Latin letters, digits and spaces count half."""
    ascii_count = len(label.encode("ascii", "ignore"))
    return len(label) - ascii_count / 2


@rule(
    "chart-label-long",
    INFO,
    zh="架構圖標籤{label}有 {width:g} 字，超過 {limit} 字，在架構圖上會折成多行，建議精簡。",
    en="The chart label {label} is {width:g} characters long, more than {limit}: it takes several lines in the chart; consider shortening it.",
)
def long_chart_labels(ctx: Context) -> Found:
    for node in ctx.of_type(Strategy):
        label = node.chart_text
        if len(label) > CHART_LABEL_LIMIT and (width := label_width(label)) > CHART_LABEL_LIMIT:
            yield node, {"label": quote(label), "width": width, "limit": CHART_LABEL_LIMIT}
