"""The body of a published plan's text: lines → blocks → an outline of sections.

Text extracted from a PDF breaks paragraphs at page ends and puts blank lines anywhere. The
join rule: a line that does not end a sentence (。！？：；, possibly followed by a closing
bracket) continues the paragraph or numbered item before it, unless it starts a heading or a
numbered item itself. Headings (壹、 一、 (一)) are never continued: they are short, and an
unpunctuated focus-area heading such as 一、拚經濟 must not swallow the text below it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_CHINESE_DIGITS = "一二三四五六七八九十"
_DIGITS = "0-9０-９"
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("section", re.compile(r"^([壹貳參肆伍陸柒捌玖拾]+)\s*、\s*(.*)$")),
    ("focus", re.compile(rf"^([{_CHINESE_DIGITS}]+)\s*、\s*(.*)$")),
    ("strategy", re.compile(rf"^[(（]\s*([{_CHINESE_DIGITS}]+)\s*[)）]\s*(.*)$")),
    ("subaction", re.compile(rf"^[(（]\s*([{_DIGITS}]{{1,3}})\s*[)）]\s*(.*)$")),
    # "1." but not "2.0 版" or "3.5 公里", which start sentences, not items.
    ("action", re.compile(rf"^([{_DIGITS}]{{1,3}})\s*[.．、](?![{_DIGITS}])\s*(.*)$")),
]
HEADINGS = ("section", "focus", "strategy")
_FINAL = set("。！？：；!?:;")
_CLOSERS = "」』）)〕】\"'”’"


@dataclass
class Block:
    """A logical line: a heading, a numbered item, or a paragraph, with its source line number."""

    kind: str  # section / focus / strategy / action / subaction / text
    text: str  # without its numbering mark
    line: int
    raw: str  # as in the source, numbering included (joined like ``text``)

    def where(self) -> str:
        return f"line {self.line}: {self.raw if self.kind != 'text' else self.text}"


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _FINAL


def classify(text: str) -> tuple[str, str]:
    for kind, pattern in PATTERNS:
        match = pattern.match(text)
        if match:
            return kind, match.group(2).strip()
    return "text", text


def _joiner(before: str, after: str) -> str:
    # A line break between two Latin words was a space; between CJK characters it was nothing.
    if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum():
        return " "
    return ""


def blocks_of(lines: list[tuple[int, str]]) -> list[Block]:
    """Classify the lines and join the ones split at page ends."""
    blocks: list[Block] = []
    for number, line in lines:
        text = line.strip()
        if not text:
            continue
        kind, rest = classify(text)
        previous = blocks[-1] if blocks else None
        if (
            kind == "text"
            and previous is not None
            and previous.kind in ("text", "action", "subaction")
            and not ends_sentence(previous.text)
        ):
            joiner = _joiner(previous.text, text)
            previous.text += joiner + text
            previous.raw += joiner + text
            continue
        blocks.append(Block(kind, rest, number, text))
    return blocks


def strip_heading_colon(text: str) -> str:
    """(一) 推動橋頭科學園區： → 推動橋頭科學園區 (the colon introduces the items, it is not the title's)."""
    return re.sub(r"\s*[：:]\s*$", "", text)


@dataclass
class Strategy:
    title: str
    block: Block
    body: list[str] = field(default_factory=list)
    actions: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class FocusArea:
    title: str
    block: Block
    body: list[str] = field(default_factory=list)
    strategies: list[Strategy] = field(default_factory=list)


@dataclass
class Section:
    title: str
    block: Block | None  # None for the implicit section of a text without 壹、 headings
    paragraphs: list[str] = field(default_factory=list)
    focus_areas: list[FocusArea] = field(default_factory=list)
    orphans: list[Block] = field(default_factory=list)  # strategies and their items with no focus area


@dataclass
class Outline:
    preface: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
        if orphan_open and section is not None:  # always: an orphan strategy made the section
            section.orphans.append(b)
        elif strategy is not None:
            _add_to_strategy(strategy, b, out.warnings)
        else:
            # Numbered lines outside a strategy are ordinary paragraphs: keep their numbers as text.
            text = b.text if b.kind == "text" else b.raw
            if area is not None:
                area.body.append(text)
            elif section is not None:
                section.paragraphs.append(text)
            else:
                out.preface.append(text)
    return out


def _add_to_strategy(strategy: Strategy, b: Block, warnings: list[str]) -> None:
    if b.kind == "action":
        strategy.actions.append((b.text, []))
    elif b.kind == "subaction":
        if strategy.actions:
            strategy.actions[-1][1].append(b.text)
        else:
            warnings.append(f"line {b.line}: item {b.raw[:12]}… comes before any numbered action of 「{strategy.title}」; imported as an action")
            strategy.actions.append((b.text, []))
    else:
        if strategy.actions:
            warnings.append(f"line {b.line}: a paragraph after the actions of 「{strategy.title}」 was added to its body")
        strategy.body.append(b.text)
