"""The body of a plan's text: source lines → blocks → an outline of sections.

The lines come from a text file, a PDF or a Word document (``SourceLine``: the text, and where the
source has them, the heading level of its style, its style's name, node ids from bookmarks, or a
table). Each numbered line's family (see ``schema.importer_marks``) is mapped onto the plan's
levels by the document's own ladder: with formal numerals on top they are the sections (壹、);
the next families are focus areas, strategies, actions and sub-actions, in that order.

Text extracted from a PDF breaks paragraphs at page ends and puts blank lines anywhere. The
join rule: a line that does not end a sentence (。！？：；, possibly followed by a closing
bracket) continues the paragraph or numbered item before it, unless it starts a heading or a
numbered item itself. Headings are never continued: they are short, and an unpunctuated
focus-area heading such as 一、拚經濟 must not swallow the text below it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from schema.importer_marks import Ladder, Mark, parse_mark

LEVELS = ("focus", "strategy", "action", "subaction")
HEADINGS = ("section", "focus", "strategy")
_BY_HEADING_LEVEL = ("section", "focus", "strategy", "action")  # Heading 1–4 when no number says otherwise
_FINAL = set("。！？：；!?:;")
_HEADING_COLON = re.compile(r"\s*[：:]\s*$")
_CLOSERS = "」』）)〕】\"'”’"


@dataclass
class SourceLine:
    """One line of the source: a text line, a PDF line, or a Word paragraph or table."""

    text: str
    line: int  # 1-based position in the source, for messages
    heading: int | None = None  # 1 for Heading 1 / 標題 1 …, from the paragraph's style
    style: str = ""  # the style's name (our own export's "Plan Goal" etc. say what a paragraph is)
    ids: dict[str, str] = field(default_factory=dict)  # field → node id, from bookmarks pe_<id>_<field>
    table: list[tuple[list[str], dict[str, str]]] | None = None  # rows: cell texts and the row's ids


@dataclass
class Block:
    """A logical line: a heading, a numbered item, a paragraph or a table, with its source line number."""

    kind: str  # section / focus / strategy / action / subaction / text / table
    text: str  # without its numbering mark
    line: int
    raw: str  # as in the source, numbering included (joined like ``text``)
    ids: dict[str, str] = field(default_factory=dict)
    table: list[tuple[list[str], dict[str, str]]] | None = None

    def where(self) -> str:
        return f"line {self.line}: {self.raw if self.kind != 'text' else self.text}"


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _FINAL


def kinds_of(ladder: Ladder) -> dict[str, str]:
    """Family → kind: formal numerals on top are sections, then focus areas, strategies, actions, sub-actions.

    Families below the fifth level are "deep": their lines stay text, number included.
    """
    levels = (("section",) if ladder.families[:1] == ["formal"] else ()) + LEVELS
    return {f: (levels[i] if i < len(levels) else "deep") for i, f in enumerate(ladder.families)}


@dataclass
class Classifier:
    """Says what kind each line is, from its mark (by the ladder) or else its heading style."""

    kinds: dict[str, str]
    heading_kinds: dict[int, str] = field(default_factory=dict)

    @classmethod
    def learn(cls, lines: list[SourceLine], ladder: Ladder) -> Classifier:
        kinds = kinds_of(ladder)
        # A heading style with a number shows which level the style stands for; the rest default.
        seen: dict[int, Counter] = {}
        for source in lines:
            level = source.heading
            mark = parse_mark(source.text.strip()) if level else None
            if level and mark is not None and kinds.get(mark.family, "deep") != "deep":
                seen.setdefault(level, Counter())[kinds[mark.family]] += 1
        heading_kinds = {h: c.most_common(1)[0][0] for h, c in seen.items()}
        return cls(kinds, heading_kinds)

    def classify(self, source: SourceLine) -> tuple[str, str]:
        text = source.text.strip()
        mark = parse_mark(text)
        if mark is not None:
            kind = self.kinds.get(mark.family, "deep")
            if kind != "deep":
                return kind, mark.rest
        if source.heading:
            level = min(source.heading, len(_BY_HEADING_LEVEL))
            return self.heading_kinds.get(source.heading, _BY_HEADING_LEVEL[level - 1]), text
        return "text", text


def marks_of(lines: list[SourceLine]) -> list[tuple[int, Mark]]:
    marks = []
    for source in lines:
        mark = parse_mark(source.text.strip()) if source.table is None else None
        if mark is not None:
            marks.append((source.line, mark))
    return marks


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
_LEADING_WORD = re.compile(r"^[A-Za-z0-9]+")
_TRAILING_WORD = re.compile(r"[A-Za-z0-9]+$")
_IS_CJK = re.compile(f"[{_CJK}]")


@dataclass(frozen=True)
class Spacing:
    """Whether the document puts a space between Chinese and a Latin word (以 AI 為主軸) and between
    Chinese and a number (108 年), as most of its lines do: a PDF's text has no space at a line's end,
    so a line break there is joined as the document writes it elsewhere."""

    words: bool = False
    numbers: bool = False

    @classmethod
    def of(cls, texts: Iterable[str]) -> Spacing:
        counts = {True: [0, 0], False: [0, 0]}  # has a letter → [spaced, tight]
        for text in texts:
            for match in _LATIN_WORD.finditer(text):
                start, end = match.span()
                tally = counts[not match.group().isdigit()]
                for near, far in ((start - 1, start - 2), (end, end + 1)):
                    if 0 <= near < len(text) and _IS_CJK.match(text, near):
                        tally[1] += 1
                    elif 0 <= far < len(text) and text[near] == " " and _IS_CJK.match(text, far):
                        tally[0] += 1
        return cls(words=counts[True][0] > counts[True][1], numbers=counts[False][0] > counts[False][1])

    def between_scripts(self, word: str) -> str:
        return " " if (self.numbers if word.isdigit() else self.words) else ""


def _joiner(before: str, after: str, spacing: Spacing = Spacing()) -> str:
    # A line break between two Latin words was a space; between CJK characters it was nothing; between
    # Chinese and a Latin word or number, what the document writes elsewhere (``Spacing``).
    if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum():
        return " "
    if _IS_CJK.match(before[-1:]) and (word := _LEADING_WORD.match(after)):
        return spacing.between_scripts(word.group())
    if _IS_CJK.match(after[:1]) and (word := _TRAILING_WORD.search(before)):
        return spacing.between_scripts(word.group())
    return ""


def join_text(before: str, after: str, spacing: Spacing = Spacing()) -> str:
    """Two pieces of one paragraph that a line break split."""
    return before + _joiner(before, after, spacing) + after


def blocks_of(lines: list[SourceLine], classifier: Classifier, *, join: bool = True) -> list[Block]:
    """Classify the lines and (``join``: text from a PDF) join the ones split at page ends.

    A Word document's paragraphs are whole: nothing is joined there.
    """
    blocks: list[Block] = []
    spacing = Spacing.of(s.text for s in lines) if join else Spacing()
    for source in lines:
        if source.table is not None:
            blocks.append(Block("table", "", source.line, "", dict(source.ids), source.table))
            continue
        text = source.text.strip()
        if not text:
            continue
        kind, rest = classifier.classify(source)
        previous = blocks[-1] if blocks else None
        if (
            join
            and kind == "text"
            and not source.heading
            and previous is not None
            and previous.kind in ("text", "action", "subaction")
            and not ends_sentence(previous.text)
        ):
            joiner = _joiner(previous.text, text, spacing)
            previous.text += joiner + text
            previous.raw += joiner + text
            for key, value in source.ids.items():
                previous.ids.setdefault(key, value)
            continue
        blocks.append(Block(kind, rest, source.line, text, dict(source.ids)))
    return blocks


def strip_heading_colon(text: str) -> str:
    """(一) 推動橋頭科學園區： → 推動橋頭科學園區 (the colon introduces the items, it is not the title's)."""
    if text.rstrip()[-1:] not in ("：", ":"):  # most headings: no colon to take off
        return text
    return _HEADING_COLON.sub("", text)


@dataclass
class Item:
    """A paragraph of text with the node ids its source carried."""

    text: str
    ids: dict[str, str] = field(default_factory=dict)


@dataclass
class ActionItem:
    text: str
    ids: dict[str, str] = field(default_factory=dict)
    subs: list[Item] = field(default_factory=list)


@dataclass
class Strategy:
    title: str
    block: Block
    body: list[Item] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    tables: list[Block] = field(default_factory=list)


@dataclass
class FocusArea:
    title: str
    block: Block
    body: list[Item] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)


@dataclass
class Section:
    title: str
    block: Block | None  # None for the implicit section of a text without 壹、 headings
    paragraphs: list[Item] = field(default_factory=list)
    focus_areas: list[FocusArea] = field(default_factory=list)
    orphans: list[Block] = field(default_factory=list)  # strategies and their items with no focus area


@dataclass
class Outline:
    preface: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tables: list[Block] = field(default_factory=list)  # tables outside any strategy


def outline_of(blocks: list[Block]) -> Outline:
    """Place each block under the heading it belongs to."""
    out = Outline()
    orphan_open = False  # a strategy heading without focus area: its items are orphans too
    for b in blocks:
        if b.kind == "section":
            out.sections.append(Section(strip_heading_colon(b.text), b))
            orphan_open = False
            continue
        if b.kind == "focus":
            if not out.sections:
                out.sections.append(Section("", None))
            out.sections[-1].focus_areas.append(FocusArea(strip_heading_colon(b.text), b))
            orphan_open = False
            continue
        section = out.sections[-1] if out.sections else None
        area = section.focus_areas[-1] if section and section.focus_areas else None
        strategy = area.strategies[-1] if area and area.strategies else None
        if b.kind == "strategy":
            if area is None:
                if section is None:
                    section = Section("", None)
                    out.sections.append(section)
                section.orphans.append(b)
                orphan_open = True
            else:
                area.strategies.append(Strategy(strip_heading_colon(b.text), b))
            continue
        if b.kind == "table":
            if strategy is not None and not orphan_open:
                strategy.tables.append(b)
            else:
                out.tables.append(b)
        elif orphan_open and section is not None:  # always: an orphan strategy made the section
            section.orphans.append(b)
        elif strategy is not None:
            _add_to_strategy(strategy, b, out.warnings)
        else:
            # Numbered lines outside a strategy are ordinary paragraphs: keep their numbers as text.
            item = Item(b.text if b.kind == "text" else b.raw, b.ids)
            if area is not None:
                area.body.append(item)
            elif section is not None:
                section.paragraphs.append(item)
            else:
                out.preface.append(item)
    return out


def _add_to_strategy(strategy: Strategy, b: Block, warnings: list[str]) -> None:
    if b.kind == "action":
        strategy.actions.append(ActionItem(b.text, b.ids))
    elif b.kind == "subaction":
        if strategy.actions:
            strategy.actions[-1].subs.append(Item(b.text, b.ids))
        else:
            warnings.append(f"line {b.line}: item {b.raw[:12]}… comes before any numbered action of 「{strategy.title}」; imported as an action")
            strategy.actions.append(ActionItem(b.text, b.ids))
    else:
        if strategy.actions:
            warnings.append(f"line {b.line}: a paragraph after the actions of 「{strategy.title}」 was added to its body")
        strategy.body.append(Item(b.text if b.kind == "text" else b.raw, b.ids))
