"""The numbers Word's list numbering draws in front of paragraphs (numbering.xml), computed.

With Word's multi-level lists the numbers (壹、 一、 （一） 1.) are not in the text: a paragraph
says ``w:numPr`` (list ``w:numId``, level ``w:ilvl``), directly or through its style, and
``numbering.xml`` says how each level is counted (``w:start``, ``w:lvlRestart``, overrides on
the list instance) and written (``w:numFmt``, ``w:lvlText`` such as ``（%3）``). As in Word,
list instances (``w:num``) that share an abstract list count on together unless an instance
overrides a level's start (that is how Word's "restart at 1" is stored).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from schema.numbering import chinese_numeral

_NUM_PR = f"{qn('w:pPr')}/{qn('w:numPr')}"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


def child_val(element, tag: str, default: str | None = None) -> str | None:
    """The w:val of ``element``'s child ``tag`` ("w:numId"), or ``default`` when there is none."""
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` written in Word's number format ``fmt`` (ST_NumberFormat); "" for bullets and none."""
    if fmt in ("decimal", "decimalHalfWidth") or n <= 0:
        return str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("taiwaneseCountingThousand", "taiwaneseCounting", "chineseCounting", "chineseCountingThousand",
               "ideographDigital", "japaneseCounting"):
        return chinese_numeral(n) if n <= 9999 else str(n)
    if fmt in ("ideographLegalTraditional", "chineseLegalSimplified", "koreanLegal"):
        return chinese_numeral(n, formal=True) if n <= 9999 else str(n)
    if fmt == "taiwaneseDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _ZODIAC[(n - 1) % 12]
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text if fmt == "upperLetter" else text.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # formats no plan uses: digits keep the count visible


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: the levels above are written as digits
    style: str | None = None  # w:pStyle: the paragraph style that uses this level


def _level(lvl) -> Level:
    restart = child_val(lvl, "w:lvlRestart")
    return Level(
        start=int(child_val(lvl, "w:start", "1") or 1),
        fmt=child_val(lvl, "w:numFmt", "decimal") or "decimal",
        text=child_val(lvl, "w:lvlText", "") or "",
        restart=int(restart) if restart is not None else None,
        suffix=child_val(lvl, "w:suff", "tab") or "tab",
        legal=lvl.find(qn("w:isLgl")) is not None and child_val(lvl, "w:isLgl", "1") not in ("0", "false"),
        style=child_val(lvl, "w:pStyle"),
    )


@dataclass
class _Instance:
    abstract: str
    levels: dict[int, Level]
    starts: dict[int, int]  # w:lvlOverride/w:startOverride, applied at the instance's first use
    used: bool = False


@dataclass
class ListNumbering:
    """Computes the label of each numbered paragraph, in document order (call ``label`` once per paragraph)."""

    instances: dict[str, _Instance] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # style id → (numId, ilvl)
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)  # style id → (abstract id, ilvl) via w:pStyle
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id → level → current number

    @classmethod
    def of(cls, root, styles_root) -> ListNumbering:
        """The lists of ``root`` (numbering.xml's w:numbering, None when the document has none) and the
        styles of ``styles_root`` (styles.xml's w:styles, or None) that put paragraphs in them."""
        numbering = cls()
        numbering._read_styles(styles_root)
        if root is None:
            return numbering
        abstracts: dict[str, dict[int, Level]] = {}
        links: dict[str, str] = {}  # abstract id → numbering style it takes its levels from (w:numStyleLink)
        for abstract in root.findall(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"))
            abstracts[aid] = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
            link = child_val(abstract, "w:numStyleLink")
            if link:
                links[aid] = link
        nums: dict[str, str] = {}
        for num in root.findall(qn("w:num")):
            nums[num.get(qn("w:numId"))] = child_val(num, "w:abstractNumId") or ""
        for num in root.findall(qn("w:num")):
            aid = numbering._resolve_link(nums[num.get(qn("w:numId"))], links, nums, abstracts)
            levels = dict(abstracts.get(aid, {}))
            starts = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = child_val(override, "w:startOverride")
                if start is not None:
                    starts[ilvl] = int(start)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            numbering.instances[num.get(qn("w:numId"))] = _Instance(aid, levels, starts)
            for ilvl, level in levels.items():
                if level.style:
                    numbering.style_levels.setdefault(level.style, (num.get(qn("w:numId")), ilvl))
        return numbering

    def _resolve_link(self, aid: str, links: dict[str, str], nums: dict[str, str], abstracts) -> str:
        for _ in range(5):  # a numbering style points at a list whose abstract list holds the levels
            style = links.get(aid)
            if style is None:
                return aid
            num_id, _ilvl = self.style_numbering.get(style, (None, None))
            if num_id is None or num_id not in nums:
                return aid
            aid = nums[num_id]
        return aid

    def _read_styles(self, root) -> None:
        if root is None:
            return
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in root.findall(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            parent = child_val(style, "w:basedOn")
            if parent:
                based[sid] = parent
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                ilvl = child_val(num_pr, "w:ilvl")
                own[sid] = (child_val(num_pr, "w:numId"), int(ilvl) if ilvl is not None else None)
        for sid in {*own, *based}:
            current: str | None = sid
            seen = 0
            while current is not None and current not in own and seen < 20:
                current, seen = based.get(current), seen + 1
            if current is not None and current in own:
                self.style_numbering[sid] = own[current]

    def label(self, paragraph, style_id: str | None) -> str:
        """The number Word draws before ``paragraph`` (a w:p element), with what follows it ("" when none)."""
        num_pr = paragraph.find(_NUM_PR)
        if num_pr is None:
            return self.label_of(None, None, style_id)
        return self.label_of(child_val(num_pr, "w:numId"), child_val(num_pr, "w:ilvl"), style_id)

    def label_of(self, num_id: str | None, level: str | None, style_id: str | None) -> str:
        """The label of a paragraph whose w:numPr says ``num_id`` and ``level`` (w:ilvl; None where it does not say)."""
        if num_id is None and level is None and not (style_id in self.style_numbering or style_id in self.style_levels):
            return ""  # most paragraphs: not in a list, directly or by their style
        ilvl = int(level) if level is not None and level.isdigit() else None
        if style_id and (num_id is None or ilvl is None):
            style_num, style_ilvl = self.style_numbering.get(style_id, (None, None))
            num_id = num_id if num_id is not None else style_num
            if ilvl is None:
                ilvl = style_ilvl
            if ilvl is None and style_id in self.style_levels:
                linked_num, linked_ilvl = self.style_levels[style_id]
                num_id = num_id or linked_num
                ilvl = linked_ilvl
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return ""
        ilvl = ilvl or 0
        instance = self.instances[num_id]
        drawn = instance.levels.get(ilvl)
        if drawn is None:
            return ""
        counters = self.counters.setdefault(instance.abstract, {})
        if not instance.used:
            instance.used = True
            for over_ilvl, start in instance.starts.items():
                counters[over_ilvl] = start - 1
                for deeper in [k for k in counters if k > over_ilvl]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, drawn.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = instance.levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        if drawn.fmt == "bullet":
            return ""
        text = drawn.text
        for k in range(8, -1, -1):
            if f"%{k + 1}" in text:
                shown = instance.levels.get(k, Level())
                value = counters.get(k, shown.start)
                fmt = "decimal" if drawn.legal and k < ilvl else shown.fmt
                text = text.replace(f"%{k + 1}", format_number(value, fmt))
        return text + {"tab": " ", "space": " "}.get(drawn.suffix, "")
